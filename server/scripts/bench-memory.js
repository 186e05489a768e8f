// The embedded default's resident memory, as an operator sees it in `ps`: the built service
// (bin/login-help-server.js) in its own process on a fresh data folder, read from /proc after its
// first start (which creates the database), after a restart, and after 2,000 form requests.
//   node server/scripts/bench-memory.js [--requests 2000]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { option } from './bench-load.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'login-help-server.js');
const requests = option('requests', 2000);
const dir = mkdtempSync(path.join(tmpdir(), 'login-help-memory-'));
const env = { ...process.env, LOGIN_HELP_DATA: path.join(dir, 'data'), DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn', RESPONSE_TIME_MS: '0', RATE_LIMIT_PER_CLIENT: '1000000', RATE_LIMIT_PER_TARGET: '1000000' };
const rssMiB = (pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function start() {
  const child = spawn(process.execPath, [BIN], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  while (!/listening on (http:\/\/\S+)/.test(out)) {
    if (child.exitCode !== null) throw new Error(`the service exited: ${out}`);
    await pause(50);
  }
  await pause(3000); // settled: the outbox worker's first polls, the caches of the first queries
  return { child, url: /listening on (http:\/\/\S+)/.exec(out)[1] };
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

try {
  const demo = spawn(process.execPath, [BIN, 'demo'], { env, stdio: 'ignore' });
  await new Promise((resolve) => demo.once('exit', resolve));
  let service = await start();
  const first = rssMiB(service.child.pid);
  await stop(service.child);
  service = await start();
  const restarted = rssMiB(service.child.pid);
  for (let n = 0; n < requests; n++) {
    const [form, body] = n % 2 ? ['forgot-username', { email: n % 4 === 1 ? 'frontdesk@happypaws.example' : `nobody${n}@example.com` }] : ['password-help', { userName: n % 4 === 0 ? 'happypaws' : `nobody${n}`, requestedBy: 'Bench' }];
    await fetch(`${service.url}/api/login-help/${form}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.arrayBuffer());
  }
  await pause(3000);
  const loaded = rssMiB(service.child.pid);
  await stop(service.child);
  console.log(`Embedded default, RSS of the service's process: first start ${first} MiB, after a restart ${restarted} MiB, after ${requests} form requests ${loaded} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
