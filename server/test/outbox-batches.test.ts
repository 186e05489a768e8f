// A claimed batch sent by the SMTP thread (issue #24), on each engine (the runner runs this file on
// PGlite and on PostgreSQL): a kill -9 in the middle of the batch sends at most the one message in
// flight twice after a restart, because each "sent" mark is durable before the next send; a
// SIGTERM in the middle finishes the message in flight and hands the rest back: nothing lost,
// nothing twice. Twenty messages are queued before the start, so the first claim takes them all.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { outboxPlace, outboxRows, queueMessages, type OutboxPlace } from './helpers/outbox-process.js';
import { exited, startServerProcess } from './helpers/process.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

const COUNT = 20;

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('a batch in the middle of its sending', () => {
  let smtp: TestSmtp;
  let place: OutboxPlace;
  const started: { child: import('node:child_process').ChildProcess }[] = [];
  // 100 ms a message: the whole batch takes ~2 s, within the claim's 3 s (half the 6 s lease).
  const env = (): Record<string, string> => ({ PORT: '0', LOG_LEVEL: 'silent', RESPONSE_TIME_MS: '0', SMTP_URL: smtp.url, OUTBOX_LEASE_SECONDS: '6', ...place.env });
  const start = async (): Promise<void> => {
    started.push(await startServerProcess(env()));
  };
  const distinct = (): number => new Set(smtp.received.map((mail) => mail.messageId)).size;

  beforeEach(async () => {
    smtp = await startSmtp({ delayMs: 100 });
    place = await outboxPlace();
    await place.use((db) => queueMessages(db, COUNT));
  });
  afterEach(async () => {
    for (const { child } of started.splice(0)) {
      child.kill('SIGTERM');
      await exited(child);
    }
    await smtp.stop();
    await place.drop();
  });

  it('kill -9: every message is delivered after a restart, at most the one in flight twice', async () => {
    await start();
    await until(() => smtp.received.length >= 5, 20_000);
    started[0]!.child.kill('SIGKILL');
    await exited(started[0]!.child);
    started.shift();
    const atKill = smtp.received.length;
    assert.ok(atKill >= 5 && atKill < COUNT, `killed in the middle of the batch (${atKill} of ${COUNT} sent)`);
    await start();
    await until(() => distinct() === COUNT, 30_000);
    assert.equal(distinct(), COUNT, 'every message delivered');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(smtp.received.length <= COUNT + 1, `at most the one in flight twice (${smtp.received.length - COUNT} twice)`);
    assert.deepEqual(new Set(smtp.received.map((mail) => mail.subject)), new Set(Array.from({ length: COUNT }, (_, i) => `m${i}`)));
  });

  it('SIGTERM: the message in flight finishes and is marked, the rest goes back untried; nothing lost, nothing twice', async () => {
    await start();
    await until(() => smtp.received.length >= 5, 20_000);
    const { child } = started.shift()!;
    child.kill('SIGTERM');
    await exited(child);
    const atStop = smtp.received.length;
    assert.ok(atStop < COUNT, `stopped in the middle of the batch (${atStop} of ${COUNT} sent)`);
    const rows = await place.use(outboxRows);
    const sent = rows.filter((row) => row.status === 'sent');
    assert.equal(sent.length, atStop, 'every message the server accepted is marked sent');
    assert.ok(sent.every((row) => row.text_body === null), 'their bodies are gone');
    const rest = rows.filter((row) => row.status !== 'sent');
    assert.ok(rest.every((row) => row.status === 'pending' && row.attempts === 0), 'the rest is pending again, its try uncounted');
    await start();
    await until(() => smtp.received.length >= COUNT, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(distinct(), COUNT, 'every message delivered');
    assert.equal(smtp.received.length, COUNT, 'none twice');
  });
});
