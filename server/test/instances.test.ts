// Two instances on one PostgreSQL (SPEC §9): the per-target limit is exact across them, an
// Idempotency-Key replayed on the other instance sends nothing, and queued messages are delivered
// exactly once between the two workers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';
import { enqueueEmail } from '../src/mail/outbox.js';
import type { Service } from '../src/service.js';
import { engine } from './helpers/database.js';
import { startTwoInstances } from './helpers/instances.js';

const skip = engine === 'postgres' ? false : 'two instances share a PostgreSQL server; this runs in the PostgreSQL pass';

async function post(service: Service, path: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${service.url}/api/login-help${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

const delivered = (services: Service[]): string[] => services.flatMap((service) => service.mailbox?.list().map((message) => message.messageId) ?? []);

async function until(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two instances on one PostgreSQL', { skip }, () => {
  let a: Service;
  let b: Service;
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    const config = loadConfig({ PORT: '0', RESPONSE_TIME_MS: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_TARGET: '5', RATE_LIMIT_PER_CLIENT: '100000' });
    // Both start (and migrate) at once: the advisory lock lets one migrate and the other wait.
    ({ a, b, close } = await startTwoInstances(config, { pollMs: 50, mailboxSize: 2000 }));
  });
  after(async () => {
    await close?.();
  });

  it('holds the per-target limit exactly across both', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 ? a : b, '/forgot-username', { email: 'someone@elsewhere.example' })));
    assert.equal(statuses.filter((status) => status !== 429).length, 5);
    assert.equal(statuses.filter((status) => status === 429).length, 15);
  });

  it('replays an Idempotency-Key sent again to the other instance, sending nothing', async () => {
    const before = delivered([a, b]).length;
    const headers = { 'Idempotency-Key': 'two-instances-key-1' };
    assert.equal(await post(a, '/password-help', { userName: 'happypaws', requestedBy: 'A' }, headers), 200);
    assert.equal(await post(b, '/password-help', { userName: 'happypaws', requestedBy: 'A' }, headers), 200);
    assert.equal(await post(b, '/password-help', { userName: 'happypaws', requestedBy: 'B' }, headers), 422);
    await until(() => delivered([a, b]).length >= before + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(delivered([a, b]).length, before + 1);
    const [tokens] = await a.db.query<{ count: number }>('SELECT count(*)::int AS count FROM reset_tokens');
    assert.equal(tokens!.count, 1);
  });

  it('delivers 1,000 queued messages exactly once between the two workers', async () => {
    const before = delivered([a, b]).length;
    const now = new Date();
    await a.db.transaction(async (tx) => {
      for (let i = 0; i < 1000; i++) {
        await enqueueEmail(tx, { kind: 'load', recipient: `r${i}@clinics.example`, subject: `m${i}`, text: 't', html: '<p>t</p>', locale: 'en' }, now, 'localhost');
      }
    });
    a.worker.nudge();
    b.worker.nudge();
    await until(async () => {
      const [left] = await a.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM outbox WHERE status <> 'sent'`);
      return left!.count === 0;
    });
    const all = delivered([a, b]);
    assert.equal(all.length - before, 1000);
    assert.equal(new Set(all).size, all.length, 'no message delivered twice');
    const byA = a.mailbox!.list().filter((m) => m.subject.startsWith('m')).length;
    const byB = b.mailbox!.list().filter((m) => m.subject.startsWith('m')).length;
    assert.equal(byA + byB, 1000);
    assert.ok(byA > 0 && byB > 0, `both workers took a share (${byA} / ${byB})`);
  });
});
