// Size report: `node scripts/size-report.js` after `npm run build`.
//
// 1. gzip bytes (level 9, as size-limit counts them) of the built script-tag bundle dist/login-help.js;
// 2. a per-module breakdown of the same entry rebuilt by esbuild with a metafile (esbuild's
//    minifier differs a little from Vite's, so its total differs a little too: the shares are
//    what matter);
// 3. checks that fail the run (exit 1): the built bundle holds no Lit dev-mode code and nothing
//    from msw, the tests or the demo, and esbuild's module graph reaches none of them.
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'login-help.js');
const ENTRY = 'src/login-help-bundle.ts';

const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);

/** Text that must never be in the shipped bundle: what it is, and why it is a problem. */
const FORBIDDEN_TEXT = [
  ['Lit is in dev mode', "Lit's development build (dev-mode warnings, slower, bigger)"],
  ['mockServiceWorker', 'the msw worker or its registration'],
  ['[MSW]', 'msw runtime messages'],
  ['setupWorker', 'msw browser setup'],
  ['@mswjs', 'msw internals'],
  ['frontdesk@happypaws.example', 'the demo/test mock values (test/mocks, demo/)'],
  ['happypaws', 'the demo/test mock values (test/mocks, demo/)'],
  ['@open-wc/testing', 'test helpers'],
];

/** Module paths (esbuild metafile inputs) that must not be part of the bundle. */
const FORBIDDEN_INPUT = [
  [/^(test|demo|public|scripts)\//, 'test, demo, public or script code'],
  [/node_modules\/(msw|@mswjs|@open-wc|chai|mocha|fast-check|sinon)\//, 'a test-only package'],
  [/\/development\//, "a package's development build (Lit's dev mode)"],
];

/** Groups a metafile input path: a package name, or the source folder. */
function groupOf(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) return match[1];
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : `${parts[0]}/`;
}

async function main() {
  if (!existsSync(BUNDLE)) {
    console.error(`No ${path.relative(ROOT, BUNDLE)}: run "npm run build" first.`);
    process.exit(1);
  }
  const failures = [];
  const code = readFileSync(BUNDLE);
  const text = code.toString('utf8');

  console.log(`dist/login-help.js: ${code.length} bytes, ${gzipBytes(code)} bytes gzip (${kb(gzipBytes(code))})`);

  // Per-module breakdown from esbuild's metafile.
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    charset: 'ascii',
    metafile: true,
    write: false,
    outfile: 'size-report.js',
    // 'error': esbuild notes that the forms' bare imports in src/login-help.ts are side-effect-free
    // per package.json "sideEffects" (true and harmless: define.ts imports the classes by name).
    logLevel: 'error',
  });
  const output = result.outputFiles[0];
  const esbuildGzip = gzipBytes(Buffer.from(output.contents));
  const meta = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(meta.inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const total = inputs.reduce((sum, { bytes }) => sum + bytes, 0);

  console.log(
    `\nesbuild rebuild of ${ENTRY}: ${output.contents.length} bytes minified, ${esbuildGzip} bytes gzip` +
      ` (${inputs.length} modules). "~gzip" = the module's share of the minified bytes x the gzip total.`,
  );
  const groups = new Map();
  for (const { file, bytes } of inputs) groups.set(groupOf(file), (groups.get(groupOf(file)) ?? 0) + bytes);
  console.log('\nby package / folder:');
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
    const share = bytes / total;
    console.log(`  ${pad(group, 34)} ${padLeft(bytes, 7)} B  ${padLeft((share * 100).toFixed(1), 5)} %  ~gzip ${padLeft(Math.round(share * esbuildGzip), 5)} B`);
  }
  console.log('\nby module:');
  for (const { file, bytes } of inputs) {
    const share = bytes / total;
    console.log(`  ${pad(file, 70)} ${padLeft(bytes, 7)} B  ${padLeft((share * 100).toFixed(1), 5)} %`);
  }

  // Checks.
  for (const [needle, what] of FORBIDDEN_TEXT) {
    if (text.includes(needle)) failures.push(`dist/login-help.js contains "${needle}": ${what}`);
  }
  for (const file of Object.keys(result.metafile.inputs)) {
    for (const [pattern, what] of FORBIDDEN_INPUT) {
      if (pattern.test(file)) failures.push(`the bundle's module graph includes ${file}: ${what}`);
    }
  }

  console.log('');
  if (failures.length) {
    for (const failure of failures) console.log(`FAIL ${failure}`);
    process.exit(1);
  }
  console.log('ok - no Lit dev mode, no msw, test or demo code in the bundle');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
