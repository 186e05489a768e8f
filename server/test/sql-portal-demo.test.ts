// `npm run start:portal-db` as a newcomer runs it (after the build): on a MariaDB without its
// database, it creates the PHP portal's tables and the demo clinic, starts, and a reset through
// the API lands in users.password as a $2y$ hash that PHP accepts. Run again, it starts as well.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { TEST_MARIADB_URL } from './helpers/portal-db.js';
import { sqlPassSkip } from './helpers/sql-pass.js';
import { missingVerifiers, verifyWith } from './helpers/verifiers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASSWORD = 'Lantern orchard quietly 77';

/** Starts the script; resolves with the API address it prints. */
async function startDemo(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; api: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start-portal-db.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const api = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address in 60 s:\n${output}`)), 60_000);
    const look = (): void => {
      const found = /API:\s+(\S+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', look);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  return { child, api, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('npm run start:portal-db', { skip: sqlPassSkip() }, () => {
  const database = `lh_portal_demo_${randomBytes(4).toString('hex')}`;
  const url = new URL(TEST_MARIADB_URL);
  url.pathname = `/${database}`;
  let data: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    data = await mkdtemp(path.join(tmpdir(), 'login-help-portal-demo-'));
    env = { ...process.env, PORTAL_DB_URL: url.toString(), LOGIN_HELP_DATA: data, PORT: '0', DEMO_PORT: '0', BCRYPT_COST: '10' };
  });
  after(async () => {
    const admin = await mysql.createConnection({ uri: TEST_MARIADB_URL });
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
    await rm(data, { recursive: true, force: true });
  });

  it("creates the portal's tables and clinic, and a reset lands in users.password, twice over", async () => {
    for (const round of [1, 2]) {
      const demo = await startDemo(env);
      try {
        assert.match(demo.output(), /tables practices and users/);
        assert.equal((await post(`${demo.api}/password-help`, { userName: 'happypaws', requestedBy: 'Dr. Jane Doe' })).status, 200, demo.output());
        const origin = new URL(demo.api).origin;
        // The outbox worker delivers after the answer: wait for the message.
        let token: string | undefined;
        for (let tries = 0; !token && tries < 100; tries++) {
          if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
          const messages = (await (await fetch(`${origin}/dev/mailbox/messages`)).json()) as { messages: { text: string }[] };
          token = /#token=([A-Za-z0-9_-]{43})/.exec(messages.messages[0]?.text ?? '')?.[1];
        }
        assert.ok(token, 'the reset email arrived');
        assert.deepEqual((await post(`${demo.api}/reset-password`, { token, password: `${PASSWORD} ${round}` })).body, { status: 'reset' });
      } finally {
        await stop(demo.child);
      }
      const portal = await mysql.createConnection({ uri: url.toString() });
      const [rows] = await portal.query('SELECT username, password FROM users');
      await portal.end();
      const users = rows as { username: string; password: string }[];
      assert.equal(users.length, 1, 'the demo clinic is added once');
      assert.match(users[0]!.password, /^\$2y\$10\$/);
      if (!missingVerifiers()) assert.ok(verifyWith('php', `${PASSWORD} ${round}`, users[0]!.password));
    }
  });
});
