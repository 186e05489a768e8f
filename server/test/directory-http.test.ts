// The portal directory (DIRECTORY_URL): signed requests the portal can check, and a portal that
// refuses, is away or answers nonsense makes the request answer 503 JSON, never a 500.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_ENTRIES } from '../src/directory/demo.js';
import { signDirectoryRequest, verifyDirectoryRequest } from '../src/directory/signature.js';
import { startFakePortal, type FakePortal } from './helpers/fake-portal.js';
import { startTestService, type TestService } from './helpers/service.js';

const SECRET = 'a-shared-secret-of-at-least-32-chars!';

describe('directory signatures', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const request = (headers: Record<string, string>, body = '{"email":"a@b.example"}') => ({ method: 'POST', path: '/directory/find-practices', body, headers });
  const fresh = () => {
    const nonces = new Set<string>();
    return (nonce: string) => (nonces.has(nonce) ? true : (nonces.add(nonce), false));
  };

  it('accepts a good signature once, and refuses a replay', () => {
    const headers = signDirectoryRequest(SECRET, 'POST', '/directory/find-practices', '{"email":"a@b.example"}', now);
    const seen = fresh();
    assert.equal(verifyDirectoryRequest(SECRET, request(headers), now, seen), undefined);
    assert.equal(verifyDirectoryRequest(SECRET, request(headers), now, seen), 'replayed');
  });

  it('refuses another secret, another body, another path, a stale time and missing headers', () => {
    const headers = signDirectoryRequest(SECRET, 'POST', '/directory/find-practices', '{"email":"a@b.example"}', now);
    assert.equal(verifyDirectoryRequest('another-secret-of-at-least-32-characters', request(headers), now, fresh()), 'bad-signature');
    assert.equal(verifyDirectoryRequest(SECRET, request(headers, '{"email":"c@d.example"}'), now, fresh()), 'bad-signature');
    assert.equal(verifyDirectoryRequest(SECRET, { ...request(headers), path: '/directory/set-password' }, now, fresh()), 'bad-signature');
    assert.equal(verifyDirectoryRequest(SECRET, request(headers), new Date(now.getTime() + 301_000), fresh()), 'stale');
    assert.equal(verifyDirectoryRequest(SECRET, request({}), now, fresh()), 'missing');
  });
});

describe('a portal directory that misbehaves', () => {
  let portal: FakePortal;
  let t: TestService;
  before(async () => {
    portal = await startFakePortal(SECRET);
    portal.add(DEMO_ENTRIES);
    // The service signs with the wrong secret: the portal refuses every call.
    t = await startTestService({ DIRECTORY_URL: portal.url, DIRECTORY_SECRET: 'the-wrong-secret-but-long-enough-000' }, { demo: false });
  });
  after(async () => {
    await t.close();
    await portal.close();
  });

  it('answers 503 JSON when the portal refuses the signature', async () => {
    const answer = await t.post('/forgot-username', { email: 'frontdesk@happypaws.example' });
    assert.equal(answer.status, 503);
    assert.deepEqual(answer.body, { status: 'unavailable' });
    assert.deepEqual(portal.refused, ['bad-signature']);
  });

  it('answers 503 JSON when the portal is away', async () => {
    await portal.close();
    const answer = await t.post('/password-help', { userName: 'happypaws', requestedBy: 'A' });
    assert.equal(answer.status, 503);
    assert.doesNotMatch(answer.text, /ECONNREFUSED|stack/);
    await t.drainOutbox();
    assert.equal(t.mailbox().length, 0, 'nothing half-done was sent');
  });
});
