// A build-only Vite plugin that shapes the translations for the script-tag bundle:
//
// - Each locale becomes two self-contained modules in dist/locales/: `<locale>.js` with the
//   texts a page shows before anything is sent (marked `partial`), and `<locale>-outcome.js`
//   with the texts of outcomes (messages, the Attention dialog, "email us"), fetched when a
//   person first submits (src/i18n/localization.ts). Neither imports anything: lit-localize's
//   generated modules import `html` from lit and `str` from @lit/localize, which would split Lit
//   into a shared chunk; both tags only record their arguments, so local equivalents build the
//   same values (str → { strTag, strings, values }; html → { _$litType$: 1, strings, values },
//   Lit's stable template-result shape).
// - src/i18n/locale-loader.ts (static imports of whole locale modules, for the npm package and
//   the tests) is replaced by a loader that fetches those two files by URL, next to the bundle.
// - Every message id ('panel.heading', …) becomes a short token ('a', 'b', …), in the msg()
//   calls of src/i18n/texts.ts (passed bare: msg(text, 'a')) and in the locale modules, so no
//   chunk carries 44 long names.
//   Source and XLIFF keep the readable ids; the mapping is the sorted list of XLIFF ids, the
//   `reset.` ones after all the others (so adding reset texts changes no token of the panel).
// - The reset page's bundle (vite.reset.config.ts, `bundle: 'reset'`) gets one module per locale
//   instead, dist/locales/<locale>-reset.js, holding exactly the `reset.` texts; the panel's
//   modules never hold them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseSync } from 'vite';

const LOCALES_DIR = 'src/i18n/locales';
const PREFIX = 'login-help-locale:';
const LOCAL_TAGS = [
  'const str = (strings, ...values) => ({ strTag: true, strings, values });',
  "const html = (strings, ...values) => ({ ['_$litType$']: 1, strings, values });",
].join('\n');

// Resolved against import.meta.url, so it works wherever the bundle is served from; the
// @vite-ignore comments keep Vite from bundling the URL as an asset or the import as a chunk.
const URL_LOADER = `export const importLocalePart = (locale, part) =>
  import(/* @vite-ignore */ new URL(/* @vite-ignore */ \`./locales/\${locale}\${part === 'outcome' ? '-outcome' : ''}.js\`, import.meta.url).href);
`;
// The reset page asks only for the page part; its one module per locale holds every text it has.
const RESET_URL_LOADER = `export const importLocalePart = (locale) =>
  import(/* @vite-ignore */ new URL(/* @vite-ignore */ \`./locales/\${locale}-reset.js\`, import.meta.url).href);
`;

/** Messages shown before anything is sent: headings, labels, Submit, "Sending…", client checks. */
export const isPageMessage = (id) => /^(panel|username|password|field|form|problem)\./.test(id);

/** The texts of `<login-help-reset>` (src/i18n/texts.ts): in its bundle's modules only. */
export const isResetMessage = (id) => id.startsWith('reset.');

/**
 * Rollup inputs for every generated locale module: `locales/es` and `locales/es-outcome` for the
 * panel's bundle, `locales/es-reset` for the reset page's.
 */
export function localeEntries(bundle = 'panel') {
  if (!existsSync(LOCALES_DIR)) return {};
  const locales = readdirSync(LOCALES_DIR)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''));
  return Object.fromEntries(
    locales.flatMap((locale) =>
      bundle === 'reset'
        ? [[`locales/${locale}-reset`, `${PREFIX}${locale}:reset`]]
        : [
            [`locales/${locale}`, `${PREFIX}${locale}:page`],
            [`locales/${locale}-outcome`, `${PREFIX}${locale}:outcome`],
          ],
    ),
  );
}

function messageIds() {
  const dir = JSON.parse(readFileSync('lit-localize.json', 'utf8')).interchange.xliffDir;
  const file = readdirSync(dir).find((name) => name.endsWith('.xlf'));
  if (!file) return [];
  const ids = [...readFileSync(`${dir}${file}`, 'utf8').matchAll(/<trans-unit id="([^"]+)">/g)].map(([, id]) => id).sort();
  return [...ids.filter((id) => !isResetMessage(id)), ...ids.filter(isResetMessage)];
}

/** The `templates` object's properties in a generated locale module, as [id, value source]. */
function templateEntries(code, file) {
  const { program, errors } = parseSync(file, code);
  if (errors.length > 0) throw new Error(`${file}: ${errors[0].message}`);
  const declaration = program.body.find((node) => node.type === 'ExportNamedDeclaration')?.declaration;
  const object = declaration?.declarations?.[0]?.init;
  if (object?.type !== 'ObjectExpression') throw new Error(`${file}: no "export const templates = {…}"`);
  return object.properties.map((property) => [property.key.value, code.slice(property.value.start, property.value.end)]);
}

/** `bundle`: `'panel'` for dist/login-help.js (vite.config.ts), `'reset'` for dist/login-help-reset.js. */
export function localeChunksPlugin({ bundle = 'panel' } = {}) {
  let tokens = new Map();
  const short = (id, where) => {
    const token = tokens.get(id);
    if (token === undefined) throw new Error(`${where}: message id "${id}" is not in the XLIFF files (run npm run localize)`);
    return token;
  };
  return {
    name: 'login-help-locale-chunks',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      tokens = new Map(messageIds().map((id, index) => [id, index.toString(36)]));
    },
    resolveId(source) {
      // Vite's library mode may have made the entry an absolute path: keep what follows the prefix.
      const at = source.indexOf(PREFIX);
      return at === -1 ? null : `\0${source.slice(at)}`;
    },
    load(id) {
      if (id.endsWith('/src/i18n/locale-loader.ts')) return bundle === 'reset' ? RESET_URL_LOADER : URL_LOADER;
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const [locale, part] = id.slice(PREFIX.length + 1).split(':');
      const file = `${LOCALES_DIR}/${locale}.ts`;
      const wanted = part === 'reset' ? isResetMessage : (name) => !isResetMessage(name) && isPageMessage(name) === (part === 'page');
      const entries = templateEntries(readFileSync(file, 'utf8'), file).filter(([name]) => wanted(name));
      const body = entries.map(([name, value]) => `  '${short(name, file)}': ${value},`).join('\n');
      const partial = part === 'page' ? 'export const partial = true;\n' : '';
      return `${LOCAL_TAGS}\nexport const templates = {\n${body}\n};\n${partial}`;
    },
    transform(code, id) {
      if (!id.endsWith('/src/i18n/texts.ts')) return null;
      // msg(text, { id: 'panel.heading' }) → msg(text, 'a'): the bundle's msg() takes the bare id.
      const out = code.replace(/\{\s*id:\s*'([^']+)',?\s*\}/g, (_, name) => `'${short(name, id)}'`);
      const calls = (code.match(/\bmsg\(/g) ?? []).length;
      const replaced = (out.match(/,\s*'[0-9a-z]{1,2}',?\s*\)/g) ?? []).length;
      if (replaced !== calls) this.error(`${id}: ${calls} msg() calls but ${replaced} short ids: every msg() needs an { id: '…' }`);
      return { code: out, map: null };
    },
  };
}
