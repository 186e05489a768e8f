// `npm start` stops when the npm that started it is stopped: npm runs the script through `sh -c`,
// and a SIGTERM to npm (a supervisor, a test harness, `timeout`) ends npm and that shell, not the
// node process under them (scripts/stop-with-parent.js). Here the shell is started as npm starts
// it, on free ports and a temporary data folder, and sent SIGTERM as npm forwards it; the demo must
// then close both servers, release its data folder and exit. Part of `npm run test:seed`; run
// after `npm run build`:
//   node test/seed/stop.js
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../scripts/demo-stack.js';
import { until } from '../e2e/harness.js';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const answers = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'login-help-stop-'));
const env = { ...process.env, PORT: '0', DEMO_PORT: '0', LOGIN_HELP_DATA: dataDir };
const shell = spawn('sh', ['-c', 'node scripts/start-demo.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
shell.stdout.on('data', (chunk) => (out += chunk));
let failure;
let demo;
try {
  await until(() => out.includes('Press Ctrl-C'), 'the demo did not start', { timeout: 60_000 });
  const ports = [/API: +http:\/\/127\.0\.0\.1:(\d+)/, /Demo page: +http:\/\/127\.0\.0\.1:(\d+)/].map((pattern) => Number(pattern.exec(out)?.[1]));
  // The node process under the shell (its only child).
  demo = Number(execFileSync('ps', ['-o', 'pid=', '--ppid', String(shell.pid)], { encoding: 'utf8' }).trim());
  if (!alive(demo) || !(await answers(ports[0])) || !(await answers(ports[1]))) throw new Error(`the demo is not serving: ${out}`);
  shell.kill('SIGTERM');
  await until(() => !alive(demo), 'the demo went on running after the shell that started it ended', { timeout: 15_000 });
  for (const port of ports) if (await answers(port)) throw new Error(`port ${port} still answers after the demo ended`);
  if (!out.includes('Stopped.')) throw new Error(`the demo did not close cleanly: ${out}`);
  // The data folder is free again: the service opens it.
  const reopen = spawn(process.execPath, ['server/bin/login-help-server.js', 'outbox'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  reopen.stderr.on('data', (chunk) => (err += chunk));
  const code = await new Promise((resolve) => reopen.on('close', resolve));
  if (code !== 0) throw new Error(`the data folder was not released: login-help-server outbox exited ${code}: ${err}`);
} catch (error) {
  failure = error;
} finally {
  if (demo && alive(demo)) process.kill(demo, 'SIGKILL');
  shell.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
}
if (failure) {
  console.error(`not ok - ${failure.message}`);
  process.exit(1);
}
console.log('ok - npm start stops when the npm that started it is stopped (SIGTERM to its shell)');
