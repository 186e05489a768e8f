// Benchmark of login-help-server (issue #24; prints figures, asserts nothing about time).
//
// In one run, side by side on the same machine: the service of this tree, the bare Fastify route
// (bench-bare.js: the same JSON parse and schemas, a 404, nothing else) and, with --against, the
// service built from another commit in a temporary git worktree (its own `npm ci`, removed
// afterwards). Each is its own process (the `login-help-server` command, or bench-bare.js);
// autocannon runs in another (bench-load.js). Every service starts on a fresh embedded PGlite
// folder and then on a fresh PostgreSQL schema (127.0.0.1:5432, db `test`, dropped afterwards),
// holding 2,000 practices of one account each; requests name them in turn (clinic0, clinic1, …),
// as real traffic names many, so no limit row is one hot row. RESPONSE_TIME_MS=0 (raw capacity),
// LOG_LEVEL=warn, both rate limits at 1,000,000. The cases: found and not found on both forms.
// Each run measures every target; the summary gives the median over runs with the spread, and
// the ratios against the bare route and the other commit, beside the machine's load average.
// Then bench-memory.js (idle RSS after start and after a soak, both engines).
//
//   node server/scripts/bench.js [--against 2957a0a] [--quick] [--runs 3] [--duration 5]
//                                [--connections 20] [--skip-postgres] [--skip-memory]
//   npm run bench:server -- --against 2957a0a
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { load, option } from './bench-load.js';
import { BARE, THIS_BIN, SERVER, buildCommit, cpuMs, freshSchema, loadavg, postgresAnswers, practicesCsv, rssMiB, runCommand, settle, startListening, stop } from './bench-targets.js';

const flag = (name) => process.argv.includes(`--${name}`);
const text = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
};

const quick = flag('quick');
const runs = option('runs', 3);
const duration = option('duration', quick ? 2 : 5);
const connections = option('connections', 20);
const PRACTICES = 2000;

const CASES = [
  { form: 'forgot-username', found: false, body: '{"email":"nobody{n}@bench.example"}' },
  { form: 'forgot-username', found: true, body: '{"email":"clinic{n}@bench.example"}' },
  { form: 'password-help', found: false, body: '{"userName":"nobody{n}","requestedBy":"Bench"}' },
  { form: 'password-help', found: true, body: '{"userName":"clinic{n}","requestedBy":"Bench"}' },
];
const caseName = (kase) => `${kase.form} ${kase.found ? 'found' : 'not found'}`;

const SERVICE_ENV = { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', RESPONSE_TIME_MS: '0', RATE_LIMIT_PER_CLIENT: '1000000', RATE_LIMIT_PER_TARGET: '1000000', SMTP_URL: '', BREACHED_PASSWORDS_URL: '' };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One target on one engine: started fresh, warmed up, each case measured, stopped. */
async function measure(target, engine, run, dir, csv) {
  const results = [];
  let schema;
  let env = SERVICE_ENV;
  if (target.bin) {
    if (engine === 'postgres') {
      schema = await freshSchema(`lh_bench_${process.pid}_${run}_${target.key}`);
      env = { ...env, DATABASE_URL: schema.url };
    } else {
      env = { ...env, DATABASE_URL: '', LOGIN_HELP_DATA: path.join(dir, `${engine}-${run}-${target.key}`) };
    }
    await runCommand(target.bin, ['import', csv], env);
  }
  const service = await startListening(target.bin ?? BARE, env);
  try {
    await sleep(2000);
    const idle = rssMiB(service.pid);
    const cases = target.bin ? CASES : CASES.filter((kase) => !kase.found);
    const api = `${service.url}/api/login-help`;
    // Warm-up (not reported): every case in turn.
    await load({ url: service.url, connections, duration: 1, requests: cases.map((kase) => ({ method: 'POST', path: `/api/login-help/${kase.form}`, body: kase.body.replaceAll('{n}', '0') })) });
    await settle(service.pid);
    for (const kase of cases) {
      const cpu = cpuMs(service.pid);
      const load1 = loadavg();
      const result = await load({ url: `${api}/${kase.form}`, connections, duration, body: kase.body, spread: PRACTICES });
      const cpuPerRequest = (cpuMs(service.pid) - cpu) / Math.max(1, result.requests);
      const wanted = kase.found ? '200' : '404';
      const wrong = Object.entries(result.statusCodes).filter(([code]) => code !== wanted);
      const row = { target: target.name, engine, run, case: caseName(kase), ...result, cpuPerRequest, load: load1 };
      results.push(row);
      console.log(
        `  run ${run} ${engine.padEnd(8)} ${target.name.padEnd(14)} ${caseName(kase).padEnd(25)} ${fmt(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  ` +
          `service CPU ${cpuPerRequest.toFixed(2)} ms/request${wrong.length ? `  UNEXPECTED ${JSON.stringify(result.statusCodes)}` : ''}${result.errors + result.timeouts ? `  errors ${result.errors} timeouts ${result.timeouts}` : ''}${result.requests === 0 ? '  NO ANSWER within the case' : ''}  load ${load1}`,
      );
      // The found cases leave emails to deliver: measure the next case on a quiet process.
      await settle(service.pid);
    }
    console.log(`  run ${run} ${engine.padEnd(8)} ${target.name.padEnd(14)} RSS ${idle} MiB idle after start, ${rssMiB(service.pid)} MiB after the cases`);
  } finally {
    await stop(service.child);
    await schema?.drop();
  }
  return results;
}

function summary(rows, targets, engines) {
  console.log(`\nMedian of ${runs} run${runs > 1 ? 's' : ''} [lowest–highest] — req/s, p99, service CPU per request; ratios of the medians:`);
  const against = targets.find((target) => target.against);
  console.log(`\n| engine | case | target | req/s | p99 | CPU ms/request | ÷ bare route |${against ? ` ÷ ${against.name} |` : ''}`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- |${against ? ' --- |' : ''}`);
  const pick = (engine, target, kase) => rows.filter((row) => row.engine === engine && row.target === target && row.case === kase);
  const med = (list, key) => median(list.map((row) => row[key]));
  for (const engine of engines) {
    for (const kase of CASES) {
      const name = caseName(kase);
      const bare = pick(engine, 'bare route', `${kase.form} not found`);
      for (const target of targets) {
        const list = pick(engine, target.name, name);
        if (list.length === 0) continue;
        const rps = list.map((row) => row.rps);
        const p99 = list.map((row) => row.p99);
        const ratioBare = bare.length ? (med(list, 'rps') / med(bare, 'rps')).toFixed(3) : '—';
        const other = against && target !== against && target.bin ? pick(engine, against.name, name) : [];
        const ratioAgainst = other.length ? (med(other, 'rps') > 0 ? `${(med(list, 'rps') / med(other, 'rps')).toFixed(2)}×` : `${fmt(med(list, 'rps'))} vs 0`) : '—';
        console.log(
          `| ${engine} | ${name} | ${target.name} | ${fmt(med(list, 'rps'))} [${fmt(Math.min(...rps))}–${fmt(Math.max(...rps))}] | ${med(list, 'p99')} ms [${Math.min(...p99)}–${Math.max(...p99)}] | ${med(list, 'cpuPerRequest').toFixed(2)} | ${target.bin ? ratioBare : '1'} |${against ? ` ${ratioAgainst} |` : ''}`,
        );
      }
    }
  }
  const loads = rows.map((row) => Number(row.load.split(' ')[0]));
  console.log(`\nLoad average (1 min) while measuring: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}; now ${loadavg()}.`);
}

async function main() {
  const cpus = os.cpus();
  console.log('login-help-server benchmark: the service against the bare route' + (text('against') ? ` and commit ${text('against')}` : ''));
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version}; load average ${loadavg()}`);
  console.log(`load: autocannon in its own process, ${connections} connections, ${duration} s per case, ${runs} runs; RESPONSE_TIME_MS=0, LOG_LEVEL=warn, limits 1,000,000\n`);

  const targets = [{ name: 'bare route', key: 'bare' }, { name: 'this tree', key: 'this', bin: THIS_BIN }];
  let other;
  if (text('against')) {
    const started = Date.now();
    console.log(`building ${text('against')} in a temporary worktree (npm ci, server build)…`);
    other = buildCommit(text('against'));
    console.log(`built ${other.commit} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    targets.push({ name: other.commit, key: 'against', bin: other.bin, against: true });
  }
  const engines = ['pglite'];
  if (!flag('skip-postgres')) {
    if (await postgresAnswers()) engines.push('postgres');
    else console.log('PostgreSQL does not answer at 127.0.0.1:5432: PGlite only.\n');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'login-help-bench-'));
  const rows = [];
  try {
    const csv = practicesCsv(dir, PRACTICES);
    for (let run = 1; run <= runs; run++) {
      for (const engine of engines) {
        for (const target of targets) rows.push(...(await measure(target, engine, run, dir, csv)));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    other?.remove();
  }
  summary(rows, targets, engines);

  if (!flag('skip-memory')) {
    console.log('');
    const args = [path.join(SERVER, 'scripts', 'bench-memory.js'), ...(quick ? ['--quick'] : []), ...(flag('skip-postgres') ? ['--skip-postgres'] : [])];
    spawnSync(process.execPath, args, { stdio: 'inherit' });
  }
}

await main();
