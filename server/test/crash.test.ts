// kill -9 of an instance while it delivers: after a restart every message is delivered, and none
// twice beyond the lease window the README states (only the one message in flight at the kill).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { engine, freshDatabase } from './helpers/database.js';
import { BIN, startServerProcess } from './helpers/process.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

describe('kill -9 while delivering', () => {
  let smtp: TestSmtp;
  let dir: string;
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  before(async () => {
    smtp = await startSmtp({ delayMs: 300 });
    dir = await mkdtemp(path.join(tmpdir(), 'login-help-crash-'));
    fresh = await freshDatabase();
  });
  after(async () => {
    await smtp.stop();
    await fresh.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers every message after a restart, at most the one in flight twice', async () => {
    const env: Record<string, string> = {
      PORT: '0',
      LOG_LEVEL: 'silent',
      RESPONSE_TIME_MS: '0',
      RATE_LIMIT_PER_TARGET: '1000',
      SMTP_URL: smtp.url,
      OUTBOX_LEASE_SECONDS: '2',
      ...(engine === 'postgres' ? { DATABASE_URL: `${fresh.url}?options=${encodeURIComponent(`-c search_path=${fresh.schema}`)}` } : { LOGIN_HELP_DATA: path.join(dir, 'data'), DATABASE_URL: '' }),
    };
    // The demo clinic first: an embedded folder is open in one process at a time.
    const seed = spawn(process.execPath, [BIN, 'demo'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    assert.equal(await new Promise((resolve) => seed.on('exit', resolve)), 0);
    const first = await startServerProcess(env);
    const total = 12;
    for (let i = 0; i < total; i++) {
      const response = await fetch(`${first.url}/api/login-help/password-help`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userName: 'happypaws', requestedBy: `Person ${i}` }) });
      assert.equal(response.status, 200);
    }
    // Some are sent (300 ms each), the rest wait; kill it mid-delivery.
    const end = Date.now() + 20_000;
    while (smtp.received.length < 3 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.on('exit', resolve));
    const second = await startServerProcess(env);
    try {
      const until = Date.now() + 30_000;
      while (new Set(smtp.received.map((m) => m.messageId)).size < total && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      const ids = smtp.received.map((m) => m.messageId);
      assert.equal(new Set(ids).size, total, 'every message delivered');
      assert.ok(ids.length <= total + 1, `at most the one in flight twice (${ids.length - total} duplicate)`);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.on('exit', resolve));
    }
  });
});
