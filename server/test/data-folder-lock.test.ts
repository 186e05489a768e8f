// One process per embedded data folder (issue 28), with real processes: the service, the
// commands beside it, a second service, kill -9, and lock files left in every odd state.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { judgeHolder, LOCK_FILE, parseHolder, type LockHolder } from '../src/db/data-folder-lock.js';
import { engine } from './helpers/database.js';
import { BIN, exited, startServerProcess } from './helpers/process.js';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function baseEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, LOGIN_HELP_DATA: dir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'silent', RESPONSE_TIME_MS: '0' };
}

function command(dir: string, args: string[], input = ''): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: baseEnv(dir), input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function startService(dir: string): Promise<{ child: ChildProcess; url: string }> {
  return startServerProcess(baseEnv(dir));
}

async function post(url: string, form: string, body: unknown): Promise<{ status: number; body: { status?: string } }> {
  const response = await fetch(`${url}/api/login-help/${form}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { status?: string } };
}

/** The refusal: non-zero, one line naming the folder, the holder's pid and both ways forward; no stack, no abort. */
function assertRefused(run: Run, dir: string, pid: number): void {
  assert.notEqual(run.code, 0, `expected a refusal, got ${run.code}: ${run.out}${run.err}`);
  const lines = run.err.trim().split('\n');
  assert.equal(lines.length, 1, run.err);
  assert.match(run.err, new RegExp(`the data folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by process ${pid} `));
  assert.match(run.err, /Stop that process first, or put both on a PostgreSQL server with DATABASE_URL\./);
  assert.doesNotMatch(run.err + run.out, /\n\s+at |Aborted|RuntimeError/);
}

const CSV = 'practice,email,user_name,active\nNew Clinic,desk@newclinic.example,newclinic,true\n';

describe('the data folder lock: what a lock file means', () => {
  const here = { host: 'clinic-host', boot: 'boot-1' };
  const holder: LockHolder = { pid: 4242, host: 'clinic-host', boot: 'boot-1', started: '100', command: 'start', since: '2026-12-06T10:00:00.000Z' };
  it('a live holder started when it says holds the folder', () => {
    assert.equal(judgeHolder(holder, here, () => true, () => '100'), 'held');
  });
  it('a dead pid, another boot, or a pid now owned by a later process is stale', () => {
    assert.equal(judgeHolder(holder, here, () => false, () => undefined), 'stale');
    assert.equal(judgeHolder(holder, { ...here, boot: 'boot-2' }, () => true, () => '100'), 'stale');
    assert.equal(judgeHolder(holder, here, () => true, () => '999'), 'stale');
  });
  it('a holder on another host is never judged from here', () => {
    assert.equal(judgeHolder(holder, { ...here, host: 'other' }, () => false, () => undefined), 'other-host');
  });
  it('a lock file that is not one is recognised', () => {
    for (const text of ['', '{', 'null', '{"pid":"1"}', '{"pid":-1,"host":"h","command":"c","since":"s"}']) assert.equal(parseHolder(text), undefined, text);
    assert.deepEqual(parseHolder(JSON.stringify(holder)), holder);
  });
});

describe('the data folder lock, with real processes', { skip: engine === 'postgres' ? 'the embedded folder only: on PostgreSQL many processes share the server by design' : false }, () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'login-help-lock-'));
    writeFileSync(path.join(root, 'clinics.csv'), CSV);
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('refuses every writing command and a second service beside a running one, changing nothing; all work once it stops', async () => {
    const dir = path.join(root, 'running');
    assert.equal(command(dir, ['demo']).code, 0);
    const service = await startService(dir);
    const pid = service.child.pid ?? 0;
    try {
      const lock = parseHolder(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
      assert.equal(lock?.pid, pid);
      assert.equal(lock?.command, 'start');

      assertRefused(command(dir, ['import', path.join(root, 'clinics.csv')]), dir, pid);
      assertRefused(command(dir, ['demo']), dir, pid);
      assertRefused(command(dir, ['migrate']), dir, pid);
      assertRefused(command(dir, ['check-password', 'happypaws'], 'not the password\n'), dir, pid);
      const exported = command(dir, ['export']);
      assertRefused(exported, dir, pid);
      assert.equal(exported.out, '', 'no partial CSV');

      const second = spawnSync(process.execPath, [BIN], { env: baseEnv(dir), encoding: 'utf8', timeout: 60_000 });
      assert.notEqual(second.status, 0);
      assert.doesNotMatch(second.stdout, /listening/);
      assertRefused({ code: second.status, out: second.stdout, err: second.stderr }, dir, pid);

      // The running service is untouched: the refused import added nothing, the demo clinic answers.
      assert.equal((await post(service.url, 'forgot-username', { email: 'desk@newclinic.example' })).status, 404);
      assert.equal((await post(service.url, 'forgot-username', { email: 'frontdesk@happypaws.example' })).body.status, 'sent');

      // The read-only commands are answered by the running service.
      const audit = command(dir, ['audit']);
      assert.equal(audit.code, 0, audit.err);
      assert.match(audit.out, /^time\tform\toutcome/);
      assert.match(audit.out, /"desk@newclinic\.example"/);
      assert.match(audit.out, /"frontdesk@happypaws\.example"/);
      const json = command(dir, ['audit', '--since', '1h', '--json']);
      assert.equal(json.code, 0, json.err);
      assert.equal(json.out.trim().split('\n').length, 2);
      const outbox = command(dir, ['outbox']);
      assert.equal(outbox.code, 0, outbox.err);
      assert.match(outbox.out, /^waiting \d+ \(oldest \d+ s\), sent \d+, dead 0/);
    } finally {
      service.child.kill('SIGTERM');
      assert.equal(await exited(service.child), 0);
    }
    assert.equal(existsSync(path.join(dir, LOCK_FILE)), false, 'a clean stop removes the lock');

    const imported = command(dir, ['import', path.join(root, 'clinics.csv')]);
    assert.equal(imported.code, 0, imported.err);
    const exported = command(dir, ['export']);
    assert.equal(exported.code, 0, exported.err);
    assert.match(exported.out, /^practice,email,user_name,active,password_hash\r\n/);
    assert.match(exported.out, /New Clinic,desk@newclinic\.example,newclinic,true,/);
    assert.equal(command(dir, ['check-password', 'newclinic'], 'anything at all\n').code, 1);
    const again = await startService(dir);
    try {
      assert.equal((await post(again.url, 'forgot-username', { email: 'desk@newclinic.example' })).body.status, 'sent');
    } finally {
      again.child.kill('SIGTERM');
      await exited(again.child);
    }
  });

  it('after kill -9 the next command and the next start open the folder, with what was written before the kill', async () => {
    const dir = path.join(root, 'killed');
    assert.equal(command(dir, ['demo']).code, 0);
    const service = await startService(dir);
    assert.equal((await post(service.url, 'password-help', { userName: 'happypaws', requestedBy: 'Before The Kill' })).body.status, 'sent');
    service.child.kill('SIGKILL');
    await exited(service.child);
    const left = parseHolder(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    assert.ok(left?.admin && existsSync(left.admin), 'kill -9 leaves its lock and admin socket behind');

    const audit = command(dir, ['audit']);
    assert.equal(audit.code, 0, audit.err);
    assert.match(audit.out, /"happypaws"\t"Before The Kill"/);
    assert.equal(existsSync(path.dirname(left.admin)), false, 'the dead socket folder is cleared with the stale lock');
    const next = await startService(dir);
    try {
      assert.equal((await post(next.url, 'forgot-username', { email: 'frontdesk@happypaws.example' })).body.status, 'sent');
    } finally {
      next.child.kill('SIGTERM');
      await exited(next.child);
    }
  });

  it('commands started at the same instant on a fresh folder: one at a time opens it, the others refuse', async () => {
    const dir = path.join(root, 'race');
    const runs = await Promise.all(
      [0, 1, 2, 3].map(
        () =>
          new Promise<Run>((resolve) => {
            const child = spawn(process.execPath, [BIN, 'demo'], { env: baseEnv(dir) });
            let out = '';
            let err = '';
            child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
            child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
            child.on('exit', (code) => resolve({ code, out, err }));
          }),
      ),
    );
    const opened = runs.filter((run) => run.code === 0);
    assert.ok(opened.length >= 1, JSON.stringify(runs));
    for (const run of runs.filter((r) => r.code !== 0)) assert.match(run.err, /is in use by process \d+ \(login-help-server demo, since /);
    assert.equal(existsSync(path.join(dir, LOCK_FILE)), false);
    const check = command(dir, ['check-password', 'happypaws'], 'no password was ever set\n');
    assert.equal(check.code, 1, check.err);
    assert.match(check.out, /The password does not match\./);
  });

  it('a lock left by a dead process, an earlier boot or a reused pid is taken over', () => {
    const dir = path.join(root, 'stale');
    assert.equal(command(dir, ['demo']).code, 0);
    const sleeper = spawn('sleep', ['30']);
    try {
      const stale: LockHolder[] = [
        { pid: 2 ** 22 + 17, host: hostname(), command: 'start', since: '2026-01-01T00:00:00.000Z' },
        { pid: process.pid, host: hostname(), boot: 'an-earlier-boot', command: 'start', since: '2026-01-01T00:00:00.000Z' },
        // A live process that is not the holder: its start time differs from the one recorded.
        { pid: sleeper.pid ?? 0, host: hostname(), started: '1', command: 'start', since: '2026-01-01T00:00:00.000Z' },
      ];
      for (const holder of stale) {
        writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(holder));
        const run = command(dir, ['outbox']);
        assert.equal(run.code, 0, `${JSON.stringify(holder)}: ${run.err}`);
        assert.equal(existsSync(path.join(dir, LOCK_FILE)), false);
      }
    } finally {
      sleeper.kill();
    }
  });

  it('a lock from another host, or one that cannot be read, is never overridden: it is explained', () => {
    const dir = path.join(root, 'doubtful');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 77, host: 'front-desk-pc', command: 'start', since: '2026-01-01T00:00:00.000Z' }));
    const other = command(dir, ['demo']);
    assert.notEqual(other.code, 0);
    assert.match(other.err, /in use by process 77 .* on host front-desk-pc\. Stop that process first, or put both on a PostgreSQL server with DATABASE_URL\. If front-desk-pc no longer runs it, delete /);
    assert.equal(existsSync(path.join(dir, 'PG_VERSION')), false, 'nothing was touched');

    writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
    const unreadable = command(dir, ['demo']);
    assert.notEqual(unreadable.code, 0);
    assert.match(unreadable.err, /holds a lock file \(login-help\.lock\) that cannot be read, so it may be in use\. If no login-help-server runs on this folder, delete /);
    assert.equal(readFileSync(path.join(dir, LOCK_FILE), 'utf8'), 'garbage');
    assert.equal(existsSync(path.join(dir, 'PG_VERSION')), false);
  });

  it('a data folder on a read-only file system, or where a file is, gets a clear message at start', async (t) => {
    const file = path.join(root, 'a-file');
    writeFileSync(file, '');
    const notFolder = command(path.join(file, 'data'), []);
    assert.notEqual(notFolder.code, 0);
    assert.match(notFolder.err, /the data folder .*a-file\/data is not a folder\. Set LOGIN_HELP_DATA/);

    const readOnly = path.join(root, 'read-only');
    mkdirSync(readOnly);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', readOnly]).status !== 0) {
      t.skip('mounting a read-only file system needs root (CI runs as root)');
      return;
    }
    try {
      const run = command(path.join(readOnly, 'data'), []);
      assert.notEqual(run.code, 0);
      assert.match(run.err, /the data folder .*read-only\/data is on a read-only file system\. Set LOGIN_HELP_DATA to a folder this user can write, or use DATABASE_URL\./);
      assert.doesNotMatch(run.err, /\n\s+at /);
    } finally {
      spawnSync('umount', [readOnly]);
    }
  });
});
