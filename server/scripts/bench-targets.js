// What the comparison benches start (issue #24): the service of this tree, the same service
// built from another commit in a temporary git worktree, and the bare Fastify route — each in
// its own process, on a fresh embedded folder or a fresh PostgreSQL schema — and the readings
// they take of a process from outside (/proc): resident memory, CPU time, the machine's load.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { postgresAnswers as answers } from './database-probes.js';

const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));
export const SERVER = path.join(SCRIPTS, '..');
export const THIS_BIN = path.join(SERVER, 'bin', 'login-help-server.js');
export const BARE = path.join(SCRIPTS, 'bench-bare.js');
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The machine's load averages (1, 5, 15 minutes), as `uptime` prints them. */
export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Resident memory of a process, in MiB. */
export const rssMiB = (pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux
/** CPU time (user + system) a process has used, in ms. */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Waits until a process uses under 10% of a core for a second (its outbox drained, its collections done); at most `limitMs`. */
export async function settle(pid, limitMs = 60_000) {
  const end = Date.now() + limitMs;
  let before = cpuMs(pid);
  while (Date.now() < end) {
    await sleep(1000);
    const now = cpuMs(pid);
    if (now - before < 100) return;
    before = now;
  }
}

/** A CSV of `count` practices, one account each: clinic{n}@bench.example / clinic{n}. */
export function practicesCsv(dir, count) {
  const file = path.join(dir, 'practices.csv');
  const lines = ['practice,email,user_name,active', ...Array.from({ length: count }, (_, n) => `Bench Clinic ${n},clinic${n}@bench.example,clinic${n},true`)];
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Runs the command once (import, demo) and resolves when it exits 0. */
export function runCommand(bin, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** Starts a process that prints "listening on URL" (the service, the bare route); resolves to { child, url, pid }. */
export async function startListening(script, env, extraNodeArgs = []) {
  const child = spawn(process.execPath, [...extraNodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const end = Date.now() + 60_000;
  while (!/listening on (http:\/\/\S+)/.test(out)) {
    if (Date.now() > end || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not start: ${out}`);
    }
    await sleep(50);
  }
  return { child, pid: child.pid, url: /listening on (http:\/\/\S+)/.exec(out)[1], output: () => out };
}

/** Stops a started process (SIGTERM, then SIGKILL after 10 s). */
export async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A fresh PostgreSQL schema; resolves to { url, drop() }. */
export async function freshSchema(name) {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await admin.query(`CREATE SCHEMA ${name}`);
  const url = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${name}`)}`;
  return {
    url,
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * The service's environment on `engine`: a fresh PostgreSQL schema (`lh_<name>_<pid>`), or a fresh
 * embedded data folder under `dir`; `drop()` removes the schema (the folder goes with `dir`).
 */
export async function engineEnv(engine, dir, base, name) {
  if (engine !== 'postgres') return { env: { ...base, DATABASE_URL: '', LOGIN_HELP_DATA: mkdtempSync(path.join(dir, 'data-')) }, drop: async () => {} };
  const schema = await freshSchema(`lh_${name}_${process.pid}`);
  return { env: { ...base, DATABASE_URL: schema.url }, drop: () => schema.drop() };
}

/** Whether the PostgreSQL server of the benches answers. */
export const postgresAnswers = () => answers(POSTGRES_URL);

/**
 * Builds the service of another commit in a temporary git worktree (its own `npm ci`, then the
 * server's build); resolves to { bin, commit, remove() }, remove() deleting the worktree.
 */
export function buildCommit(commit) {
  const sha = execFileSync('git', ['rev-parse', '--short', `${commit}^{commit}`], { cwd: SERVER, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(path.join(os.tmpdir(), `login-help-against-${sha}-`));
  const remove = () => {
    try {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: SERVER, stdio: 'ignore' });
    } catch {
      // not registered (the add failed): the folder alone
    }
    rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'prune'], { cwd: SERVER, stdio: 'ignore' });
  };
  try {
    execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: SERVER, stdio: 'ignore' });
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('npm', ['run', 'build', '-w', 'login-help-server'], { cwd: dir, stdio: 'ignore' });
  } catch (error) {
    remove();
    throw error;
  }
  return { bin: path.join(dir, 'server', 'bin', 'login-help-server.js'), commit: sha, remove };
}
