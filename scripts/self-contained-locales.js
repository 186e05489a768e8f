// A build-only Vite plugin: makes each generated locale module (src/i18n/locales/*.ts) import
// nothing. lit-localize writes `import {html} from 'lit'` and `import {str} from '@lit/localize'`
// into them; in the script-tag bundle that would split Lit into a shared chunk, so
// dist/login-help.js would no longer be one self-contained file. Both tags only record their
// arguments, so local equivalents produce the same values:
// - str`…`  → { strTag: true, strings, values }            (@lit/localize's str)
// - html`…` → { _$litType$: 1, strings, values }           (Lit's html result, stable across Lit 2/3)

const LOCAL_TAGS = [
  'const str = (strings, ...values) => ({ strTag: true, strings, values });',
  "const html = (strings, ...values) => ({ ['_$litType$']: 1, strings, values });",
].join('\n');

export function selfContainedLocalesPlugin() {
  return {
    name: 'login-help-self-contained-locales',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/i18n\/locales\/[^/]+\.ts$/.test(id)) return null;
      const stripped = code.replace(/^\s*import\s*\{\s*html\s*\}\s*from\s*'lit';\s*$/m, '').replace(/^\s*import\s*\{\s*str\s*\}\s*from\s*'@lit\/localize';\s*$/m, '');
      if (/^\s*import\b/m.test(stripped)) this.error(`${id} imports something new: update self-contained-locales.js`);
      return { code: `${LOCAL_TAGS}\n${stripped}`, map: null };
    },
  };
}
