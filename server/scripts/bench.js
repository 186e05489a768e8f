// Benchmark of login-help-server (prints figures; asserts nothing about time).
//
// Starts the built service in this process (server/dist; build it first with
// `cd server && npx tsc -p tsconfig.build.json`) on embedded PGlite in a temporary data folder,
// adds the demo clinic, and loads the two form endpoints with autocannon (found and not found
// each) on loopback, twice: with the default RESPONSE_TIME_MS (250: every form answer is held to
// at least 250 ms) and with RESPONSE_TIME_MS=0 (raw capacity). autocannon runs in a child process
// (bench-load.js), so the memory figures are the service's alone.
//
//   node server/scripts/bench.js [--duration 8] [--connections 10]
//   npm run bench:server
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { load, loadDist, option } from './bench-load.js';

// ------------------------------------------------------------ the benchmark (parent process)

const MiB = 1024 * 1024;
const mib = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;
const ms = (value) => `${Number(value).toFixed(value < 10 ? 1 : 0)} ms`;

/** Samples this process's memory every 100 ms until stopped; resolves to the peaks. */
function sampleMemory() {
  let rss = 0;
  let heapUsed = 0;
  const take = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heapUsed = Math.max(heapUsed, now.heapUsed);
  };
  take();
  const timer = setInterval(take, 100);
  return () => {
    clearInterval(timer);
    take();
    return { rss, heapUsed };
  };
}

/** Messages delivered to the development mailbox so far (it keeps only the newest 500, so count by id). */
const delivered = (service) => service.mailbox.list()[0]?.id ?? 0;

const CASES = [
  { form: 'forgot-username', found: true, path: '/forgot-username', body: { email: 'frontdesk@happypaws.example' } },
  { form: 'forgot-username', found: false, path: '/forgot-username', body: { email: 'nobody@example.com' } },
  { form: 'password-help', found: true, path: '/password-help', body: { userName: 'happypaws', requestedBy: 'Bench' } },
  { form: 'password-help', found: false, path: '/password-help', body: { userName: 'nobody', requestedBy: 'Bench' } },
];

async function main() {
  const duration = option('duration', 8);
  const connections = option('connections', 10);
  const dist = await loadDist();
  const { loadConfig, startService, addDemo, outboxSummary } = dist;

  const cpus = os.cpus();
  console.log('login-help-server benchmark');
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores (os.availableParallelism ${os.availableParallelism()}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, Node ${process.version}, ${os.type()} ${os.release()}`);
  console.log(`load: autocannon in a child process, ${connections} connections, ${duration} s per case, loopback; embedded PGlite in a temporary folder; LOG_LEVEL=warn; rate limits set to 1,000,000\n`);

  const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'login-help-bench-'));
  const rows = [];
  const idle = [];
  const mail = [];
  try {
    for (const responseTimeMs of [250, 0]) {
      const label = responseTimeMs === 250 ? 'RESPONSE_TIME_MS=250 (default)' : 'RESPONSE_TIME_MS=0 (raw capacity)';
      const config = loadConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        LOGIN_HELP_DATA: path.join(dataRoot, `rt${responseTimeMs}`),
        RATE_LIMIT_PER_CLIENT: '1000000',
        RATE_LIMIT_PER_TARGET: '1000000',
        RESPONSE_TIME_MS: String(responseTimeMs),
        LOG_LEVEL: 'warn',
      });
      const service = await startService(config);
      try {
        await addDemo(service.db);
        const api = `${service.url}${config.basePath}`;
        await sleep(500);
        const started = process.memoryUsage();
        idle.push({ label, rss: started.rss, heapUsed: started.heapUsed });
        console.log(`${label}: ${service.url}, after start RSS ${mib(started.rss)}, heapUsed ${mib(started.heapUsed)}`);

        // Warm-up (not reported): every case in turn, 2 s.
        await load({
          url: service.url,
          connections,
          duration: 2,
          requests: CASES.map(({ path: p, body }) => ({ method: 'POST', path: `${config.basePath}${p}`, body: JSON.stringify(body) })),
        });
        await drain(service, outboxSummary);

        for (const kase of CASES) {
          await probe(`${api}${kase.path}`, kase);
          await drain(service, outboxSummary);
          const sentBefore = delivered(service);
          const queuedBefore = await queued(service, outboxSummary);
          const before = process.memoryUsage();
          const stop = sampleMemory();
          const result = await load({ url: `${api}${kase.path}`, connections, duration, body: JSON.stringify(kase.body) });
          const peak = stop();
          const duringRun = delivered(service) - sentBefore;
          const queuedInRun = (await queued(service, outboxSummary)) - queuedBefore;
          const drained = await drain(service, outboxSummary);
          const afterDrain = delivered(service) - sentBefore;
          const row = { label, ...kase, ...result, before, peak, emailsDuringRun: duringRun, emailsAfterDrain: afterDrain, drainMs: drained.ms, drainLeft: drained.left, queuedInRun };
          rows.push(row);
          console.log(
            `  ${kase.path} ${kase.found ? 'found' : 'not found'}: ${result.rps.toFixed(1)} req/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, statuses ${JSON.stringify(result.statusCodes)}, errors ${result.errors}, ` +
              `RSS ${mib(before.rss)} idle → ${mib(peak.rss)} peak, heapUsed ${mib(before.heapUsed)} → ${mib(peak.heapUsed)}, emails queued ${queuedInRun}, delivered ${duringRun} during the run + ${afterDrain - duringRun} after (${drained.left ? `NOT drained after ${drained.ms} ms: ${drained.left} left` : `drained in ${drained.ms} ms`})`,
          );
        }
        const summary = await outboxSummary(service.db, new Date());
        mail.push({ label, delivered: delivered(service), mailboxList: service.mailbox.list().length, ...summary });
      } finally {
        await service.close();
      }
    }
  } finally {
    await rm(dataRoot, { recursive: true, force: true });
  }

  // ------------------------------------------------------------ the report
  console.log('\n| setting | endpoint | case | req/s | p50 | p99 | requests | non-2xx (by status) | errors | RSS idle → peak | heapUsed idle → peak | emails delivered during the run / queued | outbox empty after |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const non2xx = Object.entries(r.statusCodes).filter(([code]) => !code.startsWith('2')).map(([code, count]) => `${count} × ${code}`).join(', ') || '0';
    const emails = `${r.emailsDuringRun} / ${r.queuedInRun}`;
    const drainCell = r.queuedInRun === 0 ? '—' : `${r.drainLeft ? `not drained (${r.drainLeft} left) after ` : ''}${(r.drainMs / 1000).toFixed(1)} s`;
    console.log(`| ${r.label.replace(/ \(.*/, '')} | \`${r.path}\` | ${r.found ? 'found' : 'not found'} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.requests} | ${non2xx} | ${r.errors + r.timeouts} | ${mib(r.before.rss)} → ${mib(r.peak.rss)} | ${mib(r.before.heapUsed)} → ${mib(r.peak.heapUsed)} | ${emails} | ${drainCell} |`);
  }
  console.log('\nRight after start and the demo data (PGlite has just run initdb in a fresh folder; part of this is given back later):');
  for (const i of idle) console.log(`  ${i.label}: RSS ${mib(i.rss)}, heapUsed ${mib(i.heapUsed)}`);
  console.log('\nOutbox at the end (warm-up included):');
  for (const m of mail) {
    console.log(`  ${m.label}: ${m.delivered} emails delivered to the dev mailbox (it lists the newest ${m.mailboxList}); outbox sent ${m.sent}, pending ${m.pending}, sending ${m.sending}, dead ${m.dead}`);
  }
}

/** Emails ever queued in the outbox (whatever their status). */
async function queued(service, outboxSummary) {
  const s = await outboxSummary(service.db, new Date());
  return s.pending + s.sending + s.sent + s.dead;
}

/** One request, to be sure the case answers as it should before it is measured. */
async function probe(url, kase) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(kase.body) });
  const body = await response.json().catch(() => ({}));
  const [status, wanted] = kase.found ? [200, 'sent'] : [404, 'not_found'];
  if (response.status !== status || body.status !== wanted) {
    throw new Error(`${url} ${JSON.stringify(kase.body)} answered ${response.status} ${JSON.stringify(body)}, expected ${status} {"status":"${wanted}"}`);
  }
}

/** Waits until the outbox has nothing pending (at most 60 s); resolves to how long it took. */
async function drain(service, outboxSummary) {
  const start = performance.now();
  for (;;) {
    const summary = await outboxSummary(service.db, new Date());
    if (summary.pending + summary.sending === 0) return { ms: Math.round(performance.now() - start) };
    if (performance.now() - start > 60_000) return { ms: Math.round(performance.now() - start), left: summary.pending + summary.sending };
    await sleep(100);
  }
}

await main();
