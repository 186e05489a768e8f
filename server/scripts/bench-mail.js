// Emails during load (issue #24): a sustained found load (Password Help?, 20 connections, every
// request queues one email) against the `login-help-server` command in its own process, sending
// through a real SMTP server on loopback (smtp-server in a process of its own, counting what
// arrives: bench-smtp-server.js);
// prints how many emails were queued (answers "sent") and how many were delivered before the
// load ended, every 5 s along the way, then how long the rest took. PGlite, then PostgreSQL.
//   node server/scripts/bench-mail.js [--duration 60] [--quick] [--skip-postgres] [--bin path/to/login-help-server.js]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
const duration = option('duration', process.argv.includes('--quick') ? 15 : 60);
const bin = path.resolve(text('bin') ?? THIS_BIN);

/** The loopback SMTP server in its own process; `count()` resolves to how many messages it has accepted. */
async function countingSmtp() {
  const child = fork(new URL('./bench-smtp-server.js', import.meta.url));
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  const count = () =>
    new Promise((resolve) => {
      child.once('message', (message) => resolve(message.received));
      child.send('count');
    });
  return { url: `smtp://127.0.0.1:${port}`, count, close: () => new Promise((resolve) => (child.once('exit', resolve), child.disconnect())) };
}

async function measure(engine, dir, csv) {
  const smtp = await countingSmtp();
  const { env, drop } = await engineEnv(engine, dir, { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', RESPONSE_TIME_MS: '0', RATE_LIMIT_PER_CLIENT: '1000000', RATE_LIMIT_PER_TARGET: '1000000', SMTP_URL: smtp.url, BREACHED_PASSWORDS_URL: '' }, 'mail');
  try {
    await runCommand(bin, ['import', csv], env);
    const service = await startListening(bin, env);
    try {
      await sleep(2000);
      const timeline = [];
      const started = Date.now();
      const timer = setInterval(() => void smtp.count().then((received) => timeline.push(`${Math.round((Date.now() - started) / 1000)} s: ${received}`)), 5000);
      const load1 = loadavg();
      const result = await load({ url: `${service.url}/api/login-help/password-help`, connections: 20, duration, body: '{"userName":"clinic{n}","requestedBy":"Bench"}', spread: 2000 });
      clearInterval(timer);
      const during = await smtp.count();
      const queued = result.statusCodes['200'] ?? 0;
      const ended = Date.now();
      let received = during;
      while (received < queued && Date.now() - ended < 180_000) {
        await sleep(100);
        received = await smtp.count();
      }
      const drainS = ((Date.now() - ended) / 1000).toFixed(1);
      const lastSecond = Math.round(result.rps);
      console.log(
        `${engine}: ${Math.round(result.rps)} req/s for ${duration} s (p99 ${result.p99} ms), ${queued} emails queued, ${during} delivered before the load ended ` +
          `(${((100 * during) / Math.max(1, queued)).toFixed(1)}%; all but the last second's would be ${Math.max(0, queued - lastSecond)}), the rest ${received >= queued ? `within ${drainS} s after` : `NOT within ${drainS} s (${queued - received} left)`}; load ${load1} → ${loadavg()}`,
      );
      console.log(`  delivered so far, every 5 s: ${timeline.join(', ')}`);
    } finally {
      await stop(service.child);
    }
  } finally {
    await smtp.close();
    await drop();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'login-help-mail-'));
try {
  console.log(`Emails during a sustained found load: ${bin}, Password Help? found, 20 connections, ${duration} s, a loopback SMTP server`);
  const csv = practicesCsv(dir, 2000);
  const engines = ['pglite', ...(!process.argv.includes('--skip-postgres') && (await postgresAnswers()) ? ['postgres'] : [])];
  for (const engine of engines) await measure(engine, dir, csv);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
