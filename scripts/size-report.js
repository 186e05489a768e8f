// Size report: `node scripts/size-report.js [treemap]`. Builds dist/login-help.js in memory with
// the project's own vite.config.ts (plugins and all, so the figures are the shipped bundle's), then
//
// 1. prints its gzip bytes (level 9, as size-limit counts them) and, from rollup-plugin-visualizer,
//    what each module weighs in it: bytes after minification, read from the source map (`treemap`
//    writes node_modules/.cache/size-report.html to open in a browser instead);
// 2. fails (exit 1) when the bundle holds Lit's dev mode or anything from msw, the tests or the
//    demo, by its text or by the modules it was built from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { visualizer } from 'rollup-plugin-visualizer';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const treemap = process.argv[2] === 'treemap';
const REPORT = path.join(ROOT, 'node_modules', '.cache', `size-report.${treemap ? 'html' : 'yml'}`);

/** Text that must never be in the shipped bundle: what it is, and why it is a problem. */
const FORBIDDEN_TEXT = [
  ['Lit is in dev mode', "Lit's development build (dev-mode warnings, slower, bigger)"],
  ['mockServiceWorker', 'the msw worker or its registration'],
  ['[MSW]', 'msw runtime messages'],
  ['setupWorker', 'msw browser setup'],
  ['@mswjs', 'msw internals'],
  ['happypaws', 'the demo/test mock values (test/mocks, demo/)'],
  ['@open-wc/testing', 'test helpers'],
];

/** Modules (paths from the project root) that must not be part of the bundle. */
const FORBIDDEN_INPUT = [
  [/^(test|demo|public|scripts)\//, 'test, demo, public or script code'],
  [/node_modules\/(msw|@mswjs|@open-wc|chai|mocha|fast-check|sinon)\//, 'a test-only package'],
  [/\/development\//, "a package's development build (Lit's dev mode)"],
];

const output = await build({
  root: ROOT,
  configFile: path.join(ROOT, 'vite.config.ts'),
  logLevel: 'silent',
  plugins: [
    visualizer({
      filename: REPORT,
      template: treemap ? 'treemap' : 'list',
      sourcemap: true,
      projectRoot: ROOT,
    }),
  ],
  build: { write: false, sourcemap: true },
});
const chunk = [output].flat()[0].output.find((item) => item.fileName === 'login-help.js');
// The shipped file has no source map, so no comment that names one.
const code = chunk.code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
console.log(`dist/login-help.js: ${code.length} bytes, ${gzipSync(code, { level: 9 }).length} bytes gzip`);
if (treemap) console.log(`Treemap of every chunk: ${path.relative(ROOT, REPORT)}`);
// The list has every chunk (each locale's a line); the bundle's modules are the part that matters here.
else console.log(`\nBytes per module after minification (rollup-plugin-visualizer):\n${/^login-help\.js:$[\s\S]*/m.exec(readFileSync(REPORT, 'utf8'))?.[0]}`);

const failures = [];
for (const [needle, what] of FORBIDDEN_TEXT) if (code.includes(needle)) failures.push(`dist/login-help.js contains "${needle}": ${what}`);
for (const id of chunk.moduleIds.map((item) => path.relative(ROOT, item.replace(/^\0/, '')))) {
  for (const [pattern, what] of FORBIDDEN_INPUT) if (pattern.test(id)) failures.push(`the bundle is built from ${id}: ${what}`);
}
if (failures.length) {
  for (const failure of failures) console.log(`FAIL ${failure}`);
  process.exit(1);
}
console.log('ok - no Lit dev mode, no msw, test or demo code in the bundle');
