// What `npm publish` would ship: runs `npm pack --dry-run --json` and checks the file list against
// SPEC §6 and package.json. Run after `npm run build`:  node test/package/pack.test.js
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { check, finish, test } from './check.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const REQUIRED = [
  'dist/login-help.js',
  'lib/login-help-package.js',
  'lib/login-help-package.d.ts',
  'lib/define.js',
  'lib/define.d.ts',
  'lib/index.js',
  'lib/index.d.ts',
  'custom-elements.json',
  'README.md',
  'package.json',
];

/** Paths that must never ship, with the reason. */
const FORBIDDEN = [
  [/^test\//, 'tests'],
  [/^demo\//, 'the demo'],
  [/^src\//, 'TypeScript sources'],
  [/^public\//, 'public/ (the msw worker)'],
  [/^scripts\//, 'build scripts'],
  [/(^|\/)node_modules\//, 'node_modules'],
  [/\.map$/, 'source maps'],
  [/(^|\/)mockServiceWorker\.js$/, "msw's worker"],
  [/^\.ci(\/|$)/, 'CI scripts'],
  [/(^|\/)\.size-limit\./, 'the size budget'],
  [/\.tsbuildinfo$/, 'tsc build info'],
  [/(^|\/)(tsconfig.*\.json|vite\.config\.ts|eslint\.config\.js|web-test-runner\.config\.js)$/, 'tool configuration'],
];

const strip = (target) => target.replace(/^\.\//, '');

/** Every string target inside an `exports` value (conditions may nest). */
function exportTargets(value, key = '') {
  if (typeof value === 'string') return [[key, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([condition, inner]) => exportTargets(inner, key ? `${key} ${condition}` : condition));
  }
  return [];
}

/** Module specifiers of `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`. */
function specifiers(code) {
  const found = new Set();
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

function packList() {
  // --ignore-scripts: a lifecycle script's output would break the JSON; the build is a separate step.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [report] = JSON.parse(out);
  return report.files.map((file) => file.path);
}

async function main() {
  const notBuilt = ['dist/login-help.js', 'lib/login-help-package.js'].filter((file) => !existsSync(path.join(ROOT, file)));
  if (notBuilt.length) {
    console.log(`not ok - build output present: missing ${notBuilt.join(', ')}; run "npm run build" first`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }

  let files = [];
  await test('npm pack --dry-run --json lists the package', () => {
    files = packList();
    check(files.length > 0, 'empty file list');
    console.log(`# ${files.length} files`);
  });
  const included = new Set(files);

  for (const file of REQUIRED) {
    await test(`ships ${file}`, () => check(included.has(file), `${file} is not in the pack (did "npm run build" run?)`));
  }

  await test('ships nothing from test/, demo/, src/, public/, scripts/, node_modules, no maps, no msw worker, no .ci', () => {
    const bad = files.flatMap((file) => FORBIDDEN.filter(([pattern]) => pattern.test(file)).map(([, why]) => `${file} (${why})`));
    check(bad.length === 0, `should not ship: ${bad.join(', ')}`);
  });

  for (const [subpath, value] of Object.entries(pkg.exports)) {
    for (const [condition, target] of exportTargets(value)) {
      await test(`exports["${subpath}"]${condition ? ` ${condition}` : ''} → ${target} is shipped`, () =>
        check(included.has(strip(target)), `${target} is not in the pack`));
    }
  }

  for (const field of ['main', 'module', 'types']) {
    if (pkg[field]) await test(`"${field}": ${pkg[field]} is shipped`, () => check(included.has(strip(pkg[field])), `${pkg[field]} is not in the pack`));
  }

  await test(`"customElements": ${pkg.customElements} is shipped and is a custom elements manifest`, () => {
    check(typeof pkg.customElements === 'string', 'package.json has no "customElements" field');
    check(included.has(strip(pkg.customElements)), `${pkg.customElements} is not in the pack`);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, pkg.customElements), 'utf8'));
    check(typeof manifest.schemaVersion === 'string' && Array.isArray(manifest.modules), 'no schemaVersion or modules');
    const tags = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => declaration.tagName)).filter(Boolean);
    for (const tag of ['login-help', 'login-help-username', 'login-help-password']) check(tags.includes(tag), `<${tag}> is not described`);
  });

  if (Array.isArray(pkg.sideEffects)) {
    await test('every "sideEffects" entry is shipped', () => {
      const missing = pkg.sideEffects.filter((file) => !file.includes('*') && !included.has(strip(file)));
      check(missing.length === 0, `not in the pack: ${missing.join(', ')}`);
    });
  }

  await test('every relative import in the shipped .js and .d.ts files resolves to a shipped file', () => {
    const broken = [];
    for (const file of files.filter((name) => /\.(js|d\.ts)$/.test(name))) {
      const code = readFileSync(path.join(ROOT, file), 'utf8');
      for (const specifier of specifiers(code).filter((spec) => spec.startsWith('.'))) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        const candidates = file.endsWith('.d.ts') ? [resolved.replace(/\.js$/, '.d.ts'), resolved] : [resolved];
        if (!candidates.some((candidate) => included.has(candidate))) broken.push(`${file} → ${specifier}`);
      }
    }
    check(broken.length === 0, `unresolved (stale lib/? run "npm run build"): ${broken.join(', ')}`);
  });

  await test('every bare import in the shipped lib/ files is a dependency', () => {
    const deps = new Set(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }));
    const missing = new Set();
    for (const file of files.filter((name) => name.startsWith('lib/') && /\.(js|d\.ts)$/.test(name))) {
      for (const specifier of specifiers(readFileSync(path.join(ROOT, file), 'utf8'))) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (!deps.has(name)) missing.add(`${name} (${file})`);
      }
    }
    check(missing.size === 0, `not in "dependencies": ${[...missing].join(', ')}`);
  });

  await test('dist/login-help.js is self-contained (no bare or relative imports)', () => {
    const found = specifiers(readFileSync(path.join(ROOT, 'dist/login-help.js'), 'utf8'));
    check(found.length === 0, `imports ${found.join(', ')}`);
  });

  finish();
}

main().catch((error) => {
  console.log(`not ok - pack test crashed: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
