// Resident memory of the service as an operator sees it in `ps` (issue #24): the
// `login-help-server` command in its own process, on a fresh embedded folder and on a fresh
// PostgreSQL schema, 2,000 practices imported; RSS read from /proc 3 s after the start, and 3 s
// after a soak of found and not-found requests on both forms (autocannon, 20 connections, in its
// own process) once the process has gone quiet again, and 15 s after.
//   node server/scripts/bench-memory.js [--soak 20000] [--quick] [--skip-postgres] [--bin path]
//   GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.trim_threshold=131072 node server/scripts/bench-memory.js …
//     (as the systemd unit of docs/deploy.md runs the service)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { load, option } from './bench-load.js';
import { THIS_BIN, engineEnv, loadavg, postgresAnswers, practicesCsv, rssMiB, runCommand, settle, startListening, stop } from './bench-targets.js';

const at = process.argv.indexOf('--bin');
const bin = path.resolve(at === -1 ? THIS_BIN : process.argv[at + 1]);
const soak = option('soak', process.argv.includes('--quick') ? 4000 : 20000);
const CASES = [
  ['forgot-username', '{"email":"nobody{n}@bench.example"}'],
  ['forgot-username', '{"email":"clinic{n}@bench.example"}'],
  ['password-help', '{"userName":"nobody{n}","requestedBy":"Bench"}'],
  ['password-help', '{"userName":"clinic{n}","requestedBy":"Bench"}'],
];

async function measure(engine, dir, csv) {
  const { env, drop } = await engineEnv(engine, dir, { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', RESPONSE_TIME_MS: '0', RATE_LIMIT_PER_CLIENT: '1000000', RATE_LIMIT_PER_TARGET: '1000000', SMTP_URL: '', BREACHED_PASSWORDS_URL: '' }, 'memory');
  try {
    await runCommand(bin, ['import', csv], env);
    const service = await startListening(bin, env);
    try {
      await sleep(3000);
      const started = rssMiB(service.pid);
      let answered = 0;
      for (const [form, body] of CASES) {
        const result = await load({ url: `${service.url}/api/login-help/${form}`, connections: 20, duration: 3600, amount: Math.ceil(soak / CASES.length), body, spread: 2000 });
        answered += result.requests;
      }
      await settle(service.pid, 120_000);
      await sleep(3000);
      const soon = rssMiB(service.pid);
      // The service collects once the burst is over, and V8 then hands back emptied pages over seconds.
      await sleep(12_000);
      console.log(`${engine}: RSS ${started} MiB 3 s after start, ${soon} MiB 3 s and ${rssMiB(service.pid)} MiB 15 s after ${answered.toLocaleString('en-US')} requests (load ${loadavg()})`);
    } finally {
      await stop(service.child);
    }
  } finally {
    await drop();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'login-help-memory-'));
try {
  console.log(`Resident memory of ${bin}, idle after start and after a soak of ${soak.toLocaleString('en-US')} requests`);
  // docs/deploy.md's unit sets glibc's malloc tunables; the command alone runs without them.
  console.log(process.env.GLIBC_TUNABLES ? `GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES} (as docs/deploy.md's unit)` : 'GLIBC_TUNABLES not set (the command alone; docs/deploy.md\'s unit sets it)');
  const csv = practicesCsv(dir, 2000);
  const engines = ['pglite', ...(!process.argv.includes('--skip-postgres') && (await postgresAnswers()) ? ['postgres'] : [])];
  for (const engine of engines) await measure(engine, dir, csv);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
