// What each feature costs the English script-tag bundle, in gzip bytes (level 9, as size-limit
// counts). `node scripts/feature-cost.js` builds the bundle in memory with the project's own Vite
// config and plugins, as shipped and then without one feature at a time (and without all of
// them), and prints the differences. A feature is removed by source edits applied as each file is
// loaded, before any other plugin; every edit must apply, so the script fails rather than
// mismeasure when the source moves on.
//
// languages: the locale runtime (locale controller, active locale, message lookup and loading,
// @lit/localize) is swapped for the English-only stand-ins in scripts/english-only/, and every
// msg(text, id) in src/i18n/texts.ts becomes its text (str`` a plain template): the bundle as
// written for English alone. What stays: the lang/dir attributes on the forms and the dialog.
//
// the locale list: the codes of lit-localize.json's locales, which the bundle carries to match a
// `lang` (src/i18n/locale-codes.ts), cut to one. It grows with each language; the rest must not.
//
// `--check` (in `npm run size`) exits 1 when languages, less the locale list's own bytes, cost
// 1 kB or more: issue #4's budget for what locales may add to the English bundle (issue #26: a
// new language adds its code's bytes and nothing else).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, parseSync } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANGUAGES_BUDGET = 1000;

/** msg(x, …) → x and str`…` → `…`, found with Vite's parser. */
function englishTexts(code, id) {
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
  if (edits.length === 0) throw new Error('languages: no msg() calls in src/i18n/texts.ts');
  let out = code;
  // Last edit first, so earlier offsets stay valid (edits never overlap).
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out.replace(/^import \{ msg, str \} from '@lit\/localize';$|^import '\.\/install-msg\.js';$/gm, '');
}

const LOCALE_COUNT = JSON.parse(readFileSync(path.join(ROOT, 'lit-localize.json'), 'utf8')).targetLocales.length + 1;

/** The locale list cut to English and Spanish: what the list itself costs. */
const LOCALE_LIST = [
  'the locale list',
  {
    edits: {
      'src/i18n/locale-codes.ts': [
        [/export const targetLocales = \[[^\]]*\]/, 'export const targetLocales = [`es`]'],
        [/export const allLocales = \[[^\]]*\]/, 'export const allLocales = [`en`, `es`]'],
      ],
    },
  },
];

/** Each feature: { file: [[pattern, replacement] | (code, id) => code, …] }, plus aliases. */
const FEATURES = {
  'languages (every locale, per-element lang)': {
    edits: { 'src/i18n/texts.ts': [englishTexts] },
    alias: ['locale-controller', 'active-locale', 'localization'].map((name) => ({
      find: new RegExp(`^\\.\\.?/(?:i18n/)?${name}\\.js$`),
      replacement: path.join(ROOT, 'scripts/english-only', `${name}.ts`),
    })),
  },
  'themes (dark palette, theme attribute)': {
    edits: {
      'src/styles/tokens.ts': [
        [/light-dark\((#[0-9a-f]+), #[0-9a-f]+\)/g, '$1'],
        [/ {2}:host\(\[theme='auto'\]\)[\s\S]*?(?=`;\n)/, ''],
      ],
      'src/config-element.ts': [[/ {4}theme: \{ reflect: true \},\n/, '']],
    },
  },
  'slots for CMS wording': {
    edits: {
      'src/login-help.ts': [
        [/html`\$\{this\.#forward\(`\$\{kind\}-heading`, 'heading'\)\}\$\{this\.#forward\(`\$\{kind\}-not-found`, 'not-found'\)\}`/, 'nothing'],
        [/\n {2}readonly #lightDom = [^\n]*\n/, '\n'],
        [/\n {2}override connectedCallback\(\)[\s\S]*?\n {2}\}\n\n {2}override disconnectedCallback\(\)[\s\S]*?\n {2}\}\n/, '\n'],
        [/\n {2}#forward\([\s\S]*?\n {2}\}\n/, '\n'],
        [/<slot name="\$\{kind\}-option">\$\{heading\}<\/slot>/, '${heading}'],
        [/<slot name="heading">\$\{texts\.heading\}<\/slot>/, '${texts.heading}'],
        [/<slot name="intro">([\s\S]*?)<\/slot>/, '$1'],
      ],
      'src/forms/login-help-form.ts': [[/<slot name="heading">\$\{this\.heading\(\)\}<\/slot>/, '${this.heading()}']],
      'src/dialog/attention-dialog.ts': [[/<slot name="not-found">(\$\{content\?\.message \?\? nothing\})<\/slot>/, '$1']],
    },
  },
  'error summary (GOV.UK pattern)': {
    edits: {
      'src/forms/login-help-form.ts': [
        [/ {4}const invalid = [^\n]*\n/, ''],
        [/\$\{errorSummary\([^}]*\)\} /, ''],
        [/ {4}if \(this\.#focusSummary\) \{[\s\S]*?\n {4}\}\n/, ''],
        [/ {4}this\.#focusSummary = [^\n]*\n/, ''],
      ],
      'src/forms/form-styles.ts': [[/ {2}\.summary \{[\s\S]*?(?= {2}\.status,)/, '']],
    },
  },
  'mailto reference footer': {
    edits: {
      'src/forms/login-help-form.ts': [[/ {4}const reference = this\.#request\.lastReference;\n {4}const footer = [^\n]*\n/, "    const footer = '';\n"]],
      'src/request/request-controller.ts': [[/ {4}this\.lastReference = [^\n]*\n/, '']],
    },
  },
  'Retry-After waits': {
    edits: { 'src/request/parse-response.ts': [[/parseRetryAfter\(retryAfter, now\)/, 'undefined']] },
  },
  'config warnings (console)': {
    edits: {
      'src/request/request-controller.ts': [
        [/ {2}#warnOnce\(attribute: string, value: string, problem: string\): void \{[\s\S]*?\n {2}\}\n/, '  #warnOnce(_attribute: string, _value: string, _problem: string): void {}\n'],
      ],
    },
  },
  'idempotency key': {
    edits: {
      'src/request/request-controller.ts': [
        [/ {4}const last = this\.#lastAttempt;\n {4}const key = [^\n]*\n {4}if \(options\.idempotent\) [^\n]*\n/, '    const key = randomId();\n'],
        [/ {4}this\.#lastAttempt = [^\n]*\n/, ''],
      ],
    },
  },
  'server field errors': {
    edits: { 'src/request/parse-response.ts': [[/fieldErrors: readFieldErrors\(json\.errors\), /, '']] },
  },
};

/** A plugin that serves the edited text of the files `edits` names. */
function withEdits(name, edits) {
  return {
    name: `without-${name}`,
    enforce: 'pre',
    load(id) {
      const file = path.relative(ROOT, id.split('?')[0]);
      const steps = edits[file];
      if (!steps) return null;
      let code = readFileSync(id, 'utf8');
      for (const step of steps) {
        if (typeof step === 'function') {
          code = step(code, id);
          continue;
        }
        const next = code.replace(step[0], step[1]);
        if (next === code) throw new Error(`${name}: ${step[0]} no longer matches ${file}; update scripts/feature-cost.js`);
        code = next;
      }
      return code;
    },
  };
}

/** Every named feature's edits, file by file, in order. */
function mergeEdits(features) {
  const merged = {};
  for (const [, feature] of features) {
    for (const [file, steps] of Object.entries(feature.edits)) merged[file] = [...(merged[file] ?? []), ...steps];
  }
  return merged;
}

async function bundleBytes(features) {
  const output = await build({
    root: ROOT,
    logLevel: 'silent',
    configFile: path.join(ROOT, 'vite.config.ts'),
    resolve: { alias: features.flatMap(([, feature]) => feature.alias ?? []) },
    // One plugin for all: a file's first load hook wins, so every feature's edits go in one.
    plugins: [withEdits(features.map(([name]) => name).join(' + ') || 'nothing', mergeEdits(features))],
    build: { write: false },
  });
  const chunk = [output].flat()[0].output.find((item) => item.fileName === 'login-help.js');
  return gzipSync(chunk.code, { level: 9 }).length;
}

const features = Object.entries(FEATURES);
const shipped = await bundleBytes([]);
const row = (label, bytes) => `  ${label.padEnd(44)}${String(bytes).padStart(6)} B`;
const lines = [row('shipped', shipped)];
const costs = {};
for (const feature of features) {
  costs[feature[0]] = shipped - (await bundleBytes([feature]));
  lines.push(row(`  ${feature[0]}`, costs[feature[0]]));
}
lines.push(row('without all of the above', await bundleBytes(features)));
console.log(`dist/login-help.js (English), gzip -9; each feature's cost is the shipped size minus the size without it:\n${lines.join('\n')}`);

const list = shipped - (await bundleBytes([LOCALE_LIST]));
console.log(`the locale list (${LOCALE_COUNT} codes), part of languages: ${list} B; languages less the list: ${costs["languages (every locale, per-element lang)"] - list} B`);
const languages = costs['languages (every locale, per-element lang)'] - list;
if (process.argv.includes('--check') && languages >= LANGUAGES_BUDGET) {
  console.error(`Languages cost ${languages} B gzip in the English bundle besides the locale list; the budget is under ${LANGUAGES_BUDGET} B.`);
  process.exit(1);
}
