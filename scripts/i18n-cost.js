// What issue #4's features cost the English script-tag bundle. `node scripts/i18n-cost.js`
// builds the bundle's entry in memory with the project's own Vite config and plugins, as shipped
// and then without each feature in turn, and prints the gzip sizes (level 9, as size-limit
// counts) and each feature's share:
//   slots:     no <slot> wrappers around the default texts, no forwarding from <login-help>;
//   themes:    no dark palette (light-dark() keeps its light colour), no `theme` attribute;
//   languages: the locale runtime (locale controller, active locale, message lookup and
//              loading, @lit/localize) swapped for the English-only stand-ins in
//              scripts/english-only/, every msg(text, id) in src/i18n/texts.ts reduced to its
//              text and str`` to a plain template: the bundle as written for English alone.
// Each removal is a source edit checked to apply, so the script fails rather than mismeasure
// when the source moves on. What stays in every variant: the lang/dir attributes on the forms
// and dialog, and the RTL isolation of typed values (a few dozen bytes).
// `--check` (in `npm run size`) exits 1 when languages cost 1 kB or more: issue #4's budget for
// what locales may add to the English bundle.
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, parseSync } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET = 1000;

/** A plugin that edits one source file with [pattern, replacement] pairs, each of which must match. */
function edit(name, file, pairs) {
  return {
    name: `without-${name}`,
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith(file)) return null;
      let out = code;
      for (const [pattern, replacement] of pairs) {
        const next = out.replace(pattern, replacement);
        if (next === out) throw new Error(`${name}: ${pattern} no longer matches ${file}; update scripts/i18n-cost.js`);
        out = next;
      }
      return { code: out, map: null };
    },
  };
}

const withoutSlots = [
  edit('slots', '/src/login-help.ts', [
    [/html`\$\{this\.#forward\(`\$\{kind\}-heading`, 'heading'\)\}\$\{this\.#forward\(`\$\{kind\}-not-found`, 'not-found'\)\}`/, 'nothing'],
    [/\n {2}readonly #lightDom = [^\n]*\n/, '\n'],
    [/\n {2}override connectedCallback\(\)[\s\S]*?\n {2}\}\n\n {2}override disconnectedCallback\(\)[\s\S]*?\n {2}\}\n/, '\n'],
    [/\n {2}#forward\([\s\S]*?\n {2}\}\n/, '\n'],
    [/<slot name="\$\{kind\}-option">\$\{heading\}<\/slot>/, '${heading}'],
    [/<slot name="heading">\$\{texts\.heading\}<\/slot>/, '${texts.heading}'],
    [/<slot name="intro">([\s\S]*?)<\/slot>/, '$1'],
  ]),
  edit('slots', '/src/forms/login-help-form.ts', [[/<slot name="heading">\$\{this\.heading\(\)\}<\/slot>/, '${this.heading()}']]),
  edit('slots', '/src/dialog/attention-dialog.ts', [[/<slot name="not-found">(\$\{content\?\.message \?\? nothing\})<\/slot>/, '$1']]),
];

const withoutThemes = [
  edit('themes', '/src/styles/tokens.ts', [
    // (The build's template minifier has already squeezed the CSS.)
    [/light-dark\((#[0-9a-f]+),\s*#[0-9a-f]+\)/g, '$1'],
    [/\s*:host\(\[theme='auto'\]\)[^`]*/, ''],
  ]),
  edit('themes', '/src/config-element.ts', [[/ {4}theme: \{ reflect: true \},\n/, '']]),
];

/** msg(x, …) → x and str`…` → `…` in texts.ts, found with Vite's parser. */
const englishTexts = {
  name: 'without-languages-texts',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('/src/i18n/texts.ts')) return null;
    const { program } = parseSync(id, code);
    const edits = [];
    const visit = (node) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      if (node.type === 'CallExpression' && node.callee.name === 'msg') {
        edits.push([node.start, node.arguments[0].start, '(']);
        edits.push([node.arguments[0].end, node.end, ')']);
      }
      if (node.type === 'TaggedTemplateExpression' && node.tag.name === 'str') edits.push([node.tag.start, node.tag.end, '']);
      for (const key of Object.keys(node)) if (key !== 'parent') visit(node[key]);
    };
    visit(program);
    if (edits.length === 0) throw new Error('languages: no msg() calls found in src/i18n/texts.ts');
    let out = code;
    // Later edits first, so earlier offsets stay valid (edits never overlap).
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
    return { code: out.replace(/^import \{ msg, str \} from '@lit\/localize';$|^import '\.\/install-msg\.js';$/gm, ''), map: null };
  },
};
const STAND_INS = ['locale-controller', 'active-locale', 'localization'];
const standIns = STAND_INS.map((name) => ({
  find: new RegExp(`^\\.\\.?/(?:i18n/)?${name}\\.js$`),
  replacement: path.join(ROOT, 'scripts/english-only', `${name}.ts`),
}));

async function bundleBytes({ plugins = [], alias = [] }) {
  const output = await build({
    root: ROOT,
    logLevel: 'silent',
    configFile: path.join(ROOT, 'vite.config.ts'),
    resolve: { alias },
    plugins,
    build: { write: false },
  });
  const chunk = [output].flat()[0].output.find((item) => item.fileName === 'login-help.js');
  return gzipSync(chunk.code, { level: 9 }).length;
}

const shipped = await bundleBytes({});
const noSlots = await bundleBytes({ plugins: withoutSlots });
const noThemes = await bundleBytes({ plugins: [...withoutSlots, ...withoutThemes] });
const english = await bundleBytes({ plugins: [...withoutSlots, ...withoutThemes, englishTexts], alias: standIns });
const total = shipped - english;
const row = (label, bytes) => `  ${label.padEnd(44)}${String(bytes).padStart(6)} B`;
console.log(`dist/login-help.js (English), gzip -9, and what issue #4's features add to it:
${row('shipped', shipped)}
${row('slots for CMS wording', shipped - noSlots)}
${row('themes (dark palette, theme attribute)', noSlots - noThemes)}
${row('languages (26 locales, per-element lang)', noThemes - english)}
${row('all three', total)}
${row('without any of them', english)}`);
const languages = noThemes - english;
if (process.argv.includes('--check') && languages >= BUDGET) {
  console.error(`Languages cost ${languages} B gzip in the English bundle; the budget is under ${BUDGET} B.`);
  process.exit(1);
}
