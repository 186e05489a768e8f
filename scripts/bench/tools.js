// Home-made build plugins against maintained packages (README, "Build"): `node scripts/bench/tools.js`.
// Builds the two script-tag bundles in memory (write: false) with the project's own Vite configs,
// once as shipped and once per variant that swaps one of our plugins for a package (or drops it),
// ROUNDS times (default 5) with the variants interleaved, and prints for each the gzip -9 bytes of
// the entry, of the largest and of all locale chunks, and the median build time with its ratio to
// the shipped build, wall clock and this process's CPU time (all threads: a busy machine inflates it
// less) ("entry" counts the chunks it imports statically too). Prints figures; never fails on a timing.
//
// The packages are not dependencies of the project: install them anywhere and name the folder,
//   npm i --prefix /tmp/tools-candidates --no-save @lit-labs/rollup-plugin-minify-html-literals@0.2.0 \
//     rollup-plugin-minify-template-literals@1.1.7 browserslist@4.29.6 browserslist-to-esbuild@2.1.1 \
//     vite-plugin-sri3@2.0.0 source-map-explorer@2.5.3
//   TOOLS_CANDIDATES=/tmp/tools-candidates node scripts/bench/tools.js
// A variant whose package is missing is skipped with a line saying so.
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile } from 'vite';
import { BUILD_TARGET, FLOORS } from '../browser-support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROUNDS = Number(process.argv[2] ?? process.env.ROUNDS) || 5;
const CANDIDATES = process.env.TOOLS_CANDIDATES;

/** A candidate package's default export (or named `pick`), or undefined when it is not installed. */
async function candidate(name, pick = 'default') {
  if (!CANDIDATES) return undefined;
  try {
    const file = createRequire(path.join(path.resolve(CANDIDATES), 'package.json')).resolve(name);
    return (await import(pathToFileURL(file).href))[pick];
  } catch {
    return undefined;
  }
}

const without = (plugins, name) => plugins.flat().filter((plugin) => plugin?.name !== name);
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const labsMinify = await candidate('@lit-labs/rollup-plugin-minify-html-literals');
const templateMinify = await candidate('rollup-plugin-minify-template-literals', 'minifyTemplateLiterals');
const browserslist = await candidate('browserslist');
const browserslistToEsbuild = await candidate('browserslist-to-esbuild');
const sri3 = await candidate('vite-plugin-sri3', 'sri');

/** The floors of scripts/browser-support.js as a browserslist query. */
const QUERY = FLOORS.flatMap(({ target }) => target)
  .map((item) => /^([a-z]+)([\d.]+)$/.exec(item))
  .map(([, browser, version]) => `${{ ios: 'ios_saf' }[browser] ?? browser} >= ${version}`)
  .join(', ');

/**
 * Each variant: a label, the config it changes, and `change(config)` → the config to build, or
 * a string that says why it cannot run.
 */
const BUNDLES = ['vite.config.ts', 'vite.reset.config.ts'];
const SNIPPET = ['vite.snippet.config.ts'];
const VARIANTS = [
  { label: 'shipped', configs: [...BUNDLES, ...SNIPPET], change: (config) => config },
  { label: 'no template minifier', change: (config) => ({ ...config, plugins: without(config.plugins, 'login-help-minify-lit-templates') }) },
  {
    label: '@lit-labs/rollup-plugin-minify-html-literals',
    change: (config) =>
      labsMinify ? { ...config, plugins: [{ ...labsMinify({ include: ['src/**/*.ts'] }), enforce: 'pre' }, ...without(config.plugins, 'login-help-minify-lit-templates')] } : 'not installed',
  },
  {
    label: 'rollup-plugin-minify-template-literals',
    change: (config) =>
      templateMinify ? { ...config, plugins: [{ ...templateMinify({ include: ['src/**/*.ts'] }), enforce: 'pre' }, ...without(config.plugins, 'login-help-minify-lit-templates')] } : 'not installed',
  },
  {
    label: "rolldown charset: 'ascii' (no ascii-entry)",
    change: (config) => ({
      ...config,
      plugins: without(config.plugins, 'login-help-ascii-entry'),
      build: { ...config.build, rolldownOptions: { ...config.build.rolldownOptions, output: { ...config.build.rolldownOptions.output, charset: 'ascii' } } },
    }),
  },
  {
    label: 'no locale-chunks (lit-localize modules as Vite chunks)',
    change: (config) => ({
      ...config,
      plugins: without(config.plugins, 'login-help-locale-chunks'),
      build: {
        ...config.build,
        lib: { ...config.build.lib, entry: Object.fromEntries(Object.entries(config.build.lib.entry).filter(([name]) => !name.startsWith('locales/'))) },
      },
    }),
  },
  {
    // Without the alias, and with src/i18n/install-msg.ts kept: package.json's "sideEffects" names
    // only lib/'s copy, so the build would drop it and ship @lit/localize's English-only msg().
    label: 'real @lit/localize runtime (no lite alias)',
    change: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: [] },
      plugins: [
        ...config.plugins,
        { name: 'install-msg-side-effects', transform: (code, id) => (id.endsWith('/src/i18n/install-msg.ts') ? { code, map: null, moduleSideEffects: true } : null) },
      ],
    }),
  },
  {
    label: 'target from browserslist-to-esbuild',
    configs: [...BUNDLES, ...SNIPPET],
    change: (config) => {
      if (!browserslist || !browserslistToEsbuild) return 'not installed';
      const target = browserslistToEsbuild(browserslist(QUERY));
      return { ...config, build: { ...config.build, target } };
    },
  },
  {
    // It hashes what the build emits; the preview's login-help.js is built before, not emitted.
    label: 'vite-plugin-sri3 for the preview integrity',
    configs: SNIPPET,
    change: (config) =>
      sri3 ? { ...config, plugins: [...without(config.plugins, 'login-help-snippet-builder-integrity'), sri3({ ignoreMissingAsset: true })] } : 'not installed',
  },
  { label: 'no ASCII check (charset: ascii alone)', configs: SNIPPET, change: (config) => ({ ...config, plugins: without(config.plugins, 'login-help-snippet-builder-ascii') }) },
];
for (const variant of VARIANTS) variant.configs ??= BUNDLES;

async function buildOnce(configFile, variant) {
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(ROOT, configFile), ROOT, 'silent');
  const changed = variant.change(config);
  if (typeof changed === 'string') return changed;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await build({ ...changed, root: ROOT, configFile: false, logLevel: 'silent', build: { ...changed.build, write: false } });
  const { user, system } = process.cpuUsage(cpuBefore);
  const ms = performance.now() - started;
  const cpu = (user + system) / 1000;
  const outputs = [result].flat().flatMap(({ output }) => output);
  const chunks = outputs.filter((item) => item.type === 'chunk');
  if (!changed.build.lib) {
    // The snippet builder: every file it emits, and whether the preview's tag carries a hash.
    const html = outputs.find((item) => item.fileName.endsWith('.html')).source;
    const all = outputs.reduce((sum, item) => sum + gzip(item.type === 'chunk' ? item.code : item.source), 0);
    const hashed = /<script[^>]*login-help\.js"[^>]*integrity=/.test(html) && html.includes('name="login-help-integrity"');
    return { ms, cpu, entry: all, localeMax: 0, localeSum: 0, localeCount: 0, note: hashed ? 'preview hashed' : 'preview NOT hashed' };
  }
  // What a page loads first: the entry and the chunks it imports statically (each gzipped, as served).
  const first = new Set([chunks.find((chunk) => chunk.isEntry && !chunk.fileName.startsWith('locales/'))]);
  for (const chunk of first) for (const name of chunk.imports) first.add(chunks.find((item) => item.fileName === name));
  const others = chunks.filter((chunk) => !first.has(chunk)).map((chunk) => gzip(chunk.code));
  const entry = [...first].reduce((sum, chunk) => sum + gzip(chunk.code), 0);
  return { ms, cpu, entry, localeMax: Math.max(0, ...others), localeSum: others.reduce((a, b) => a + b, 0), localeCount: others.length };
}

console.log(`browserslist query for scripts/browser-support.js: ${QUERY}`);
if (browserslist && browserslistToEsbuild) {
  const target = browserslistToEsbuild(browserslist(QUERY));
  console.log(`  browserslist-to-esbuild: ${target.join(' ')}\n  BUILD_TARGET:            ${BUILD_TARGET.join(' ')}`);
}

for (const configFile of [...BUNDLES, ...SNIPPET]) {
  const variants = VARIANTS.filter(({ configs }) => configs.includes(configFile));
  const times = new Map(variants.map((variant) => [variant, []]));
  const cpus = new Map(variants.map((variant) => [variant, []]));
  const sizes = new Map();
  // Round 0 warms Vite, the plugins and the file cache up: not counted.
  for (let round = 0; round <= ROUNDS; round += 1) {
    for (const variant of variants) {
      const outcome = await buildOnce(configFile, variant);
      if (round === 0) continue;
      if (typeof outcome === 'string') {
        sizes.set(variant, outcome);
        continue;
      }
      times.get(variant).push(outcome.ms);
      cpus.get(variant).push(outcome.cpu);
      sizes.set(variant, outcome);
    }
  }
  const base = median(times.get(variants[0]));
  const baseCpu = median(cpus.get(variants[0]));
  console.log(`\n${configFile}: gzip -9 bytes; build time median of ${ROUNDS}, interleaved`);
  console.log(`  ${'variant'.padEnd(56)} ${'entry'.padStart(6)} ${'Δ'.padStart(5)} ${'max locale'.padStart(10)} ${'all locales'.padStart(12)} ${'ms'.padStart(6)} ratio ${'CPU ms'.padStart(6)} ratio`);
  const shipped = sizes.get(variants[0]);
  for (const variant of variants) {
    const size = sizes.get(variant);
    if (typeof size === 'string') {
      console.log(`  ${variant.label.padEnd(56)} skipped: ${size} (TOOLS_CANDIDATES)`);
      continue;
    }
    const ms = median(times.get(variant));
    const cpu = median(cpus.get(variant));
    console.log(
      `  ${variant.label.padEnd(56)} ${String(size.entry).padStart(6)} ${String(size.entry - shipped.entry).padStart(5)} ${String(size.localeMax).padStart(10)} ` +
        `${`${size.localeSum} (${size.localeCount})`.padStart(12)} ${ms.toFixed(0).padStart(6)} ${(ms / base).toFixed(2)} ${cpu.toFixed(0).padStart(6)} ${(cpu / baseCpu).toFixed(2)} ${size.note ?? ''}`,
    );
  }
}
