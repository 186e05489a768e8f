// Where the service's CPU goes (issue #24): the `login-help-server` command under `node
// --cpu-prof`, one process per case (found and not found on both forms), on PGlite and on
// PostgreSQL, each loaded by autocannon for a few seconds; prints the top of each profile by
// self time (share of the samples outside idle) and by where the code lives.
//   node server/scripts/bench-profile.js [--duration 5] [--top 12] [--bin path/to/login-help-server.js]
//                                        [--skip-postgres] [--keep] (keep the .cpuprofile files)
//                                        [--case password-help:found] (one case only)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { load, option } from './bench-load.js';
import { THIS_BIN, engineEnv, loadavg, postgresAnswers, practicesCsv, runCommand, startListening, stop } from './bench-targets.js';

const text = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
};
const duration = option('duration', 5);
const top = option('top', 12);
const bin = path.resolve(text('bin') ?? THIS_BIN);
const CASES = [
  { form: 'forgot-username', found: false, body: '{"email":"nobody{n}@bench.example"}' },
  { form: 'forgot-username', found: true, body: '{"email":"clinic{n}@bench.example"}' },
  { form: 'password-help', found: false, body: '{"userName":"nobody{n}","requestedBy":"Bench"}' },
  { form: 'password-help', found: true, body: '{"userName":"clinic{n}","requestedBy":"Bench"}' },
];
const ENV = { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', RESPONSE_TIME_MS: '0', RATE_LIMIT_PER_CLIENT: '1000000', RATE_LIMIT_PER_TARGET: '1000000', SMTP_URL: '', BREACHED_PASSWORDS_URL: '' };

/** Where a function lives, for the by-place summary. */
function place(url, name) {
  if (!url) return name.startsWith('(') ? name : 'V8 / native';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'Node core';
  if (/\/dist\//.test(url)) return 'service (dist)';
  return url;
}

/** Self time per function and per place, as shares of the non-idle samples taken between `from` and `to` µs after the profile began (the load, not the start). */
function summarize(file, from, to) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let at = 0;
  profile.samples.forEach((id, n) => {
    const delta = profile.timeDeltas[n] ?? 0;
    at += delta;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const byFunction = new Map();
  const byPlace = new Map();
  let total = 0;
  for (const [id, micros] of self) {
    const { callFrame } = nodes.get(id);
    if (callFrame.functionName === '(idle)') continue;
    total += micros;
    const where = callFrame.url ? `${callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/server\//, '')}:${callFrame.lineNumber + 1}` : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const p = place(callFrame.url, callFrame.functionName);
    byPlace.set(p, (byPlace.get(p) ?? 0) + micros);
  }
  const share = (micros) => `${((100 * micros) / total).toFixed(1)}%`;
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    busyMs: total / 1000,
    functions: sorted(byFunction).slice(0, top).map(([key, micros]) => `${share(micros).padStart(6)}  ${key}`),
    places: sorted(byPlace).slice(0, 8).map(([key, micros]) => `${key} ${share(micros)}`).join(', '),
  };
}

async function profileCase(engine, kase, dir, csv) {
  const profiles = mkdtempSync(path.join(dir, 'prof-'));
  const { env, drop } = await engineEnv(engine, dir, ENV, 'prof');
  try {
    await runCommand(bin, ['import', csv], env);
    const spawned = performance.now();
    const service = await startListening(bin, env, ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
    let result;
    let window;
    try {
      await sleep(1000);
      // The samples of the load alone (the profile starts with the process, give or take a few ms).
      const from = (performance.now() - spawned) * 1000;
      result = await load({ url: `${service.url}/api/login-help/${kase.form}`, connections: 20, duration, body: kase.body, spread: 2000 });
      window = [from, (performance.now() - spawned) * 1000];
    } finally {
      await stop(service.child);
    }
    const file = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
    const summary = summarize(path.join(profiles, file), ...window);
    console.log(`\n${engine}, ${kase.form} ${kase.found ? 'found' : 'not found'}: ${result.requests} requests (${Math.round(result.rps)} req/s under the profiler), ${(summary.busyMs / result.requests).toFixed(2)} ms busy per request; load ${loadavg()}`);
    console.log(`  by place: ${summary.places}`);
    for (const line of summary.functions) console.log(`  ${line}`);
    if (process.argv.includes('--keep')) console.log(`  (profile: ${path.join(profiles, file)})`);
  } finally {
    await drop();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'login-help-profile-'));
try {
  console.log(`CPU profiles of ${bin} (node --cpu-prof), ${duration} s per case, 20 connections, self time as a share of the busy samples`);
  const csv = practicesCsv(dir, 2000);
  const engines = ['pglite', ...(!process.argv.includes('--skip-postgres') && (await postgresAnswers()) ? ['postgres'] : [])];
  const only = text('case');
  const cases = CASES.filter((kase) => !only || only === `${kase.form}:${kase.found ? 'found' : 'not-found'}`);
  for (const engine of engines) for (const kase of cases) await profileCase(engine, kase, dir, csv);
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
