// PostgreSQL going away and coming back, and a slow PostgreSQL: the API answers 503 JSON fast
// (never hangs, never a 500), /readyz fails, and both recover by themselves; nothing is lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { addDemo } from '../src/directory/import.js';
import { startService, type Service } from '../src/service.js';
import { engine, freshDatabase, TEST_POSTGRES_URL } from './helpers/database.js';
import { PORTAL_SECRET, verifyCall } from './helpers/portal-call.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';

const skip = engine === 'postgres' ? false : 'PostgreSQL faults need a PostgreSQL server; this runs in the PostgreSQL pass';

async function post(service: Service, body: unknown): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> {
  const response = await fetch(`${service.url}/api/login-help/forgot-username`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, retryAfter: response.headers.get('retry-after') };
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('PostgreSQL faults', { skip }, () => {
  let proxy: TcpProxy;
  let service: Service;
  let drop: () => Promise<void>;
  before(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    const url = new URL(TEST_POSTGRES_URL);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    url.port = String(proxy.port);
    const db = await openDatabase({ databaseUrl: url.toString(), schema: fresh.schema!, timeoutMs: 1000 });
    service = await startService(loadConfig({ PORT: '0', RESPONSE_TIME_MS: '0', LOG_LEVEL: 'silent', PORTAL_SECRET }), { db, pollMs: 100 });
    await addDemo(service.db);
  });
  after(async () => {
    await service?.close();
    await service?.db.close();
    await proxy?.close();
    await drop?.();
  });

  it('answers 503 JSON with Retry-After while PostgreSQL is away, and recovers by itself', async () => {
    assert.equal((await post(service, { email: 'frontdesk@happypaws.example' })).status, 200);
    proxy.down();
    const away = await post(service, { email: 'frontdesk@happypaws.example' });
    assert.equal(away.status, 503);
    assert.deepEqual(away.body, { status: 'unavailable' });
    assert.match(away.retryAfter ?? '', /^\d+$/);
    const check = await verifyCall(`${service.url}/api/login-help`, 'happypaws', 'any password at all', new Date());
    assert.equal(check.status, 503, 'verify-password too');
    assert.deepEqual(check.body, { status: 'unavailable' });
    assert.match(check.headers.get('retry-after') ?? '', /^\d+$/);
    assert.equal((await fetch(`${service.url}/readyz`)).status, 503);
    assert.equal((await fetch(`${service.url}/healthz`)).status, 200, 'the process itself is fine');
    proxy.up();
    await until(async () => (await fetch(`${service.url}/readyz`)).status === 200);
    assert.equal((await post(service, { email: 'frontdesk@happypaws.example' })).status, 200);
    // Nothing was lost: both accepted requests' emails go out.
    await until(async () => (service.mailbox?.list().length ?? 0) >= 2);
    assert.equal(service.mailbox?.list().length, 2);
  });

  it('answers 503 instead of hanging when PostgreSQL is slow', async () => {
    proxy.slow(3000);
    const slow = await post(service, { email: 'frontdesk@happypaws.example' });
    assert.equal(slow.status, 503);
    assert.equal((await fetch(`${service.url}/readyz`)).status, 503);
    proxy.slow(0);
    await until(async () => (await post(service, { email: 'nobody@example.com' })).status === 404);
  });
});
