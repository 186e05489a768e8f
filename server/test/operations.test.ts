// Operations: /metrics in Prometheus text, graceful shutdown on SIGTERM (requests in flight
// finish, then the process exits 0), and a stopping worker hands unsent messages back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { enqueueEmail } from '../src/mail/outbox.js';
import { startTestService, type TestService } from './helpers/service.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'login-help-server.js');

describe('/metrics', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(() => t.close());

  it('counts requests by form and outcome, with latency, outbox depth and deliveries', async () => {
    await t.post('/forgot-username', { email: 'frontdesk@happypaws.example' });
    await t.post('/forgot-username', { email: 'nobody@example.com' });
    await t.post('/password-help', { userName: 'happypaws', requestedBy: '' });
    await t.drainOutbox();
    const response = await fetch(`${t.url}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    assert.match(text, /^login_help_requests_total\{form="username",outcome="sent"\} 1$/m);
    assert.match(text, /^login_help_requests_total\{form="username",outcome="not_found"\} 1$/m);
    assert.match(text, /^login_help_requests_total\{form="password",outcome="invalid"\} 1$/m);
    assert.match(text, /^login_help_request_duration_seconds_count\{form="username"\} 2$/m);
    assert.match(text, /^login_help_request_duration_seconds_bucket\{form="username",le="\+Inf"\} 2$/m);
    assert.match(text, /^login_help_outbox_messages\{status="sent"\} 1$/m);
    assert.match(text, /^login_help_outbox_messages\{status="pending"\} 0$/m);
    assert.match(text, /^login_help_email_deliveries_total\{result="sent"\} 1$/m);
    assert.match(text, /^login_help_outbox_oldest_waiting_seconds 0$/m);
  });
});

describe('shutdown', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startSmtp({ delayMs: 400 });
  });
  after(() => smtp.stop());

  it('finishes a request in flight on SIGTERM, then exits 0', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'login-help-sigterm-'));
    try {
      const child = spawn(process.execPath, [BIN], {
        env: { ...process.env, PORT: '0', LOGIN_HELP_DATA: path.join(data, 'db'), RESPONSE_TIME_MS: '1500', LOG_LEVEL: 'silent', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const end = Date.now() + 30_000;
      while (!/listening on (http:\/\/\S+)/.test(out)) {
        if (Date.now() > end) throw new Error(`no start: ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const url = /listening on (http:\/\/\S+)/.exec(out)![1]!;
      const inFlight = fetch(`${url}/api/login-help/forgot-username`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.com' }) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGTERM');
      const answer = await inFlight;
      assert.equal(answer.status, 404, 'the request in flight was answered');
      assert.equal(await exited, 0);
      await assert.rejects(fetch(`${url}/healthz`), 'no longer listening');
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });

  it('hands claimed but unsent messages back when its worker stops', async () => {
    const t = await startTestService({ SMTP_URL: smtp.url });
    try {
      await t.service.worker.stop();
      await t.service.db.transaction(async (tx) => {
        for (let i = 0; i < 5; i++) await enqueueEmail(tx, { kind: 'load', recipient: `r${i}@clinics.example`, subject: `m${i}`, text: 't', html: '<p>t</p>', locale: 'en' }, t.clock.now(), 'localhost');
      });
      t.service.worker.start();
      // The first message is on its way (the SMTP server takes 400 ms); stop now.
      await new Promise((resolve) => setTimeout(resolve, 150));
      await t.service.worker.stop();
      const rows = await t.service.db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM outbox ORDER BY id');
      assert.equal(rows.filter((row) => row.status === 'sent').length, 1, 'the message in progress was finished');
      assert.deepEqual(
        rows.filter((row) => row.status !== 'sent').map((row) => [row.status, row.attempts]),
        Array.from({ length: 4 }, () => ['pending', 0]),
        'the rest are back, their try not counted',
      );
    } finally {
      await t.close();
    }
  });
});
