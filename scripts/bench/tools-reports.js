// What a bundle report costs (README, "Build"): `node scripts/bench/tools-reports.js [rounds]`,
// with TOOLS_CANDIDATES as for scripts/bench/tools.js (there: source-map-explorer@2.5.3;
// rollup-plugin-visualizer is the project's). Times, interleaved, median of
// ROUNDS (default 5), each as a child process under /usr/bin/time (wall and CPU seconds):
// scripts/size-report.js (a whole report: it builds by itself); the panel's Vite build alone, with
// rollup-plugin-visualizer, and with source maps followed by source-map-explorer (a plugin's cost
// is its time beyond the plain build). Prints figures; never fails on a timing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROUNDS = Number(process.argv[2]) || 5;
const CANDIDATES = path.resolve(process.env.TOOLS_CANDIDATES ?? ROOT);
const OUT = mkdtempSync(path.join(os.tmpdir(), 'tools-reports-'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A child Node that builds vite.config.ts into OUT, with `plugin` (source of an expression) and `sourcemap`. */
const viteBuild = (plugin = '', sourcemap = false) => [
  '--input-type=module',
  '-e',
  `import { build, loadConfigFromFile } from 'vite';
   ${plugin ? "import { visualizer } from 'rollup-plugin-visualizer';" : ''}
   const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'vite.config.ts', undefined, 'silent');
   await build({ ...config, configFile: false, logLevel: 'silent', plugins: [...config.plugins, ${plugin}],
     build: { ...config.build, outDir: ${JSON.stringify(OUT)}, sourcemap: ${sourcemap} } });`,
];

const STEPS = {
  'size-report.js': [['node', ['scripts/size-report.js']]],
  'vite build': [['node', viteBuild()]],
  'vite build + rollup-plugin-visualizer': [['node', viteBuild(`visualizer({ template: 'list', gzipSize: true, filename: ${JSON.stringify(path.join(OUT, 'stats.yml'))} })`)]],
};
const SME = path.join(CANDIDATES, 'node_modules/source-map-explorer/bin/cli.js');
if (existsSync(SME)) {
  STEPS['vite build (source maps) + source-map-explorer'] = [
    ['node', viteBuild('', true)],
    ['node', [SME, path.join(OUT, 'login-help.js'), '--json', '--gzip', '--no-border-checks']],
  ];
} else console.log(`source-map-explorer skipped: not in ${CANDIDATES} (TOOLS_CANDIDATES)`);

/** [wall, cpu] seconds of one step, from /usr/bin/time. */
function timed(command, args) {
  const run = spawnSync('/usr/bin/time', ['-f', '@@ %e %U %S', command, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ').slice(0, 200)} failed:\n${run.stderr}`);
  const [, wall, user, system] = /@@ ([\d.]+) ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? [];
  return [Number(wall), Number(user) + Number(system)];
}

const times = Object.fromEntries(Object.keys(STEPS).map((name) => [name, { wall: [], cpu: [] }]));
for (let round = 0; round <= ROUNDS; round += 1) {
  for (const [name, steps] of Object.entries(STEPS)) {
    let wall = 0;
    let cpu = 0;
    for (const [command, args] of steps) {
      const [w, c] = timed(command, args);
      wall += w;
      cpu += c;
    }
    // Round 0 warms the file cache up: not counted.
    if (round === 0) continue;
    times[name].wall.push(wall);
    times[name].cpu.push(cpu);
  }
}
console.log(`median of ${ROUNDS}, seconds (wall | CPU):`);
for (const [name, { wall, cpu }] of Object.entries(times)) console.log(`  ${name.padEnd(48)} ${median(wall).toFixed(2).padStart(6)} | ${median(cpu).toFixed(2).padStart(6)}`);
