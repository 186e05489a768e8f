// Benchmark of login-help-server at scale (prints figures; asserts nothing about time):
//   1. one instance vs two instances on one PostgreSQL, side by side: requests per second and
//      p99 of both forms (autocannon on loopback, bounded; with two instances, one load
//      generator per instance at half the connections each, run together);
//   2. a soak: 100,000 requests (a mix of found and not-found on both forms) against one instance
//      on the embedded database, sampling RSS, heap and the outbox depth every 2 s.
// The instances of part 1 are separate processes (the `login-help-server` command); the soak's
// service runs in this process, so its memory figures are the service's own; autocannon always
// runs in child processes (bench-load.js). Build server/dist first.
//
//   node server/scripts/bench-scale.js [--duration 8] [--connections 10] [--soak 100000] [--skip-postgres]
//   npm run bench:server -- --scale
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { load, loadDist, option } from './bench-load.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'login-help-server.js');
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const MiB = 1024 * 1024;
const mib = (bytes) => (bytes / MiB).toFixed(0);
const ms = (value) => `${Number(value).toFixed(value < 10 ? 1 : 0)} ms`;

// Each request names one of PRACTICES clinics in turn (as real traffic names many), so the
// per-target limit rows are not one hot row that every request must wait for.
const PRACTICES = 2000;
const FORMS = [
  { name: 'forgot-username, found', path: '/forgot-username', body: { email: 'clinic{n}@bench.example' } },
  { name: 'password-help, found', path: '/password-help', body: { userName: 'clinic{n}', requestedBy: 'Bench' } },
];

const BASE_ENV = { PORT: '0', LOG_LEVEL: 'warn', RESPONSE_TIME_MS: '0', RATE_LIMIT_PER_CLIENT: '1000000', RATE_LIMIT_PER_TARGET: '1000000' };

/** Waits until the outbox holds nothing to send (at most 120 s). */
async function waitForOutbox(db, label) {
  const end = Date.now() + 120_000;
  for (;;) {
    const [row] = await db.query(`SELECT count(*)::int AS waiting FROM outbox WHERE status IN ('pending', 'sending')`);
    if (row.waiting === 0) return;
    if (Date.now() > end) {
      console.log(`  (${label}: ${row.waiting} emails still waiting after 120 s)`);
      return;
    }
    await sleep(250);
  }
}

/** Starts one instance as its own process (the `login-help-server` command); resolves to its URL. */
async function startInstance(env) {
  const child = spawn(process.execPath, [BIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const end = Date.now() + 30_000;
  while (!/listening on (http:\/\/\S+)/.test(out)) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`an instance did not start: ${out}`);
    await sleep(50);
  }
  return { child, url: /listening on (http:\/\/\S+)/.exec(out)[1] };
}

async function scaleOut(duration, connections) {
  const schema = `lh_bench_${process.pid}`;
  const databaseUrl = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'login-help-scale-'));
  const csv = path.join(dir, 'practices.csv');
  const lines = ['practice,email,user_name,active', ...Array.from({ length: PRACTICES }, (_, n) => `Bench Clinic ${n},clinic${n}@bench.example,clinic${n},true`)];
  await writeFile(csv, lines.join('\n'));
  const rows = [];
  try {
    for (const instances of [1, 2]) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`CREATE SCHEMA ${schema}`);
      const env = { ...BASE_ENV, DATABASE_URL: databaseUrl };
      const imported = spawn(process.execPath, [BIN, 'import', csv], { env: { ...process.env, ...env }, stdio: 'ignore' });
      await new Promise((resolve) => imported.on('exit', resolve));
      const children = await Promise.all(Array.from({ length: instances }, () => startInstance(env)));
      try {
        for (const form of FORMS) {
          const jobs = children.map(({ url }) => ({
            url: `${url}/api/login-help${form.path}`,
            connections: Math.max(1, Math.round(connections / instances)),
            duration,
            body: JSON.stringify(form.body),
            spread: PRACTICES,
          }));
          const results = await Promise.all(jobs.map(load));
          rows.push({
            instances,
            form: form.name,
            rps: results.reduce((sum, r) => sum + r.rps, 0),
            p50: Math.max(...results.map((r) => r.p50)),
            p99: Math.max(...results.map((r) => r.p99)),
            total: results.reduce((sum, r) => sum + r.requests, 0),
            errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
            non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
          });
          const until = Date.now() + 120_000;
          for (;;) {
            const { rows: [row] } = await admin.query(`SELECT count(*)::int AS waiting FROM ${schema}.outbox WHERE status IN ('pending', 'sending')`);
            if (row.waiting === 0 || Date.now() > until) break;
            await sleep(250);
          }
        }
        const { rows: [sent] } = await admin.query(`SELECT count(*)::int AS n, count(DISTINCT message_id)::int AS distinct_ids FROM ${schema}.outbox WHERE status = 'sent'`);
        console.log(`  ${instances} instance(s): ${sent.n} emails sent (${sent.distinct_ids} distinct)`);
      } finally {
        for (const { child } of children) child.kill('SIGTERM');
        await Promise.all(children.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)))));
      }
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
  console.log('\n| instances on PostgreSQL (separate processes) | form | req/s | p50 | p99 | requests | non-2xx | errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(`| ${row.instances} | ${row.form} | ${row.rps.toFixed(1)} | ${ms(row.p50)} | ${ms(row.p99)} | ${row.total} | ${row.non2xx} | ${row.errors} |`);
  }
}

async function soak(dist, total, connections) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'login-help-soak-'));
  try {
    const config = dist.loadConfig({ ...BASE_ENV, LOGIN_HELP_DATA: dir });
    const service = await dist.startService(config);
    await dist.addDemo(service.db);
    const api = `${service.url}${config.basePath}`;
    const samples = [];
    const sample = async () => {
      const memory = process.memoryUsage();
      const [row] = await service.db.query(`SELECT count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS waiting, count(*)::int AS rows FROM outbox`);
      samples.push({ t: (Date.now() - started) / 1000, rss: memory.rss, heap: memory.heapUsed, waiting: row.waiting, rows: row.rows });
    };
    const started = Date.now();
    await sample();
    const timer = setInterval(() => void sample(), 2000);
    const result = await load({
      url: api,
      connections,
      duration: 3600,
      amount: total,
      requests: [
        { method: 'POST', path: `${config.basePath}/forgot-username`, body: JSON.stringify({ email: 'frontdesk@happypaws.example' }) },
        { method: 'POST', path: `${config.basePath}/forgot-username`, body: JSON.stringify({ email: 'nobody@example.com' }) },
        { method: 'POST', path: `${config.basePath}/password-help`, body: JSON.stringify({ userName: 'happypaws', requestedBy: 'Soak' }) },
        { method: 'POST', path: `${config.basePath}/password-help`, body: JSON.stringify({ userName: 'nobody', requestedBy: 'Soak' }) },
      ],
    });
    const loadEnded = (Date.now() - started) / 1000;
    await waitForOutbox(service.db, 'soak');
    await sample();
    clearInterval(timer);
    await service.close();
    console.log(`\nSoak: ${result.requests} requests in ${result.seconds.toFixed(0)} s (${result.rps.toFixed(0)} req/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, errors ${result.errors + result.timeouts}); load ended at ${loadEnded.toFixed(0)} s, outbox empty at ${samples.at(-1).t.toFixed(0)} s`);
    console.log('\n| t (s) | RSS (MiB) | heap used (MiB) | outbox waiting | outbox rows |');
    console.log('| --- | --- | --- | --- | --- |');
    const step = Math.max(1, Math.floor(samples.length / 15));
    for (const [i, s] of samples.entries()) {
      if (i % step === 0 || i === samples.length - 1) console.log(`| ${s.t.toFixed(0)} | ${mib(s.rss)} | ${mib(s.heap)} | ${s.waiting} | ${s.rows} |`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const duration = option('duration', 8);
  const connections = option('connections', 10);
  const total = option('soak', 100_000);
  const dist = await loadDist();
  console.log(`# ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version}`);
  console.log(`# RESPONSE_TIME_MS=0 (raw capacity), ${connections} connections, ${duration} s per case`);
  if (!process.argv.includes('--skip-postgres')) await scaleOut(duration, connections);
  await soak(dist, total, connections);
  process.exit(0);
}

await main();
