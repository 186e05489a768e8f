// verify-password's throttling (NIST SP 800-63B-4): consecutive failures per user name, a growing
// wait after the first ten and a lock at 100, each an immediate 429 with Retry-After; the right
// password is then refused too, other accounts are unaffected, unknown user names are treated
// alike, and a password reset ends the lock. On PostgreSQL, two instances share the count and
// the nonces.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';
import { hashPassword } from '../src/passwords/hash.js';
import type { Service } from '../src/service.js';
import { FREE_FAILURES, LOCK_AT } from '../src/sign-in/throttle.js';
import { engine } from './helpers/database.js';
import { startTwoInstances } from './helpers/instances.js';
import { PORTAL_SECRET, rawVerifyCall, signedHeaders, verifyCall, type CallAnswer } from './helpers/portal-call.js';
import { directoryKind, startTestService, type TestService } from './helpers/service.js';

const skip = directoryKind !== 'tables' ? "verify-password checks the service's own accounts: a portal's directory (HTTP or SQL) has none, and PORTAL_SECRET beside one stops the start" : false;
const PASSWORD = 'Lantern Orchard Quietly 77';

describe('verify-password lock-out', { skip }, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ PORTAL_SECRET });
    await t.directory.import(['practice,email,user_name,active', 'Oak Street,oak@oakstreet.example,oakmain,true'].join('\n'));
    const hash = await hashPassword(PASSWORD);
    await t.service.db.query(`UPDATE accounts SET password_hash = $1 WHERE user_name IN ('happypaws', 'oakmain')`, [hash]);
  });
  after(() => t.close());

  /** Wrong passwords until `failures` were checked, waiting out each 429; resolves to the waits seen. */
  async function fail(userName: string, failures: number): Promise<number[]> {
    const waits: number[] = [];
    for (let done = 0; done < failures; ) {
      const answer = await verifyCall(t.api, userName, `wrong guess ${done}`, t.clock.now());
      if (answer.status === 429) {
        const wait = Number(answer.headers.get('retry-after'));
        waits.push(wait);
        t.clock.advance(wait * 1000);
        continue;
      }
      assert.deepEqual(answer.body, { status: 'invalid' }, `failure ${done + 1}`);
      done++;
    }
    return waits;
  }

  it('treats an unknown user name like a known one: the same waits after the free failures', async () => {
    for (const userName of ['ghost-of-nobody', 'oakmain']) {
      await fail(userName, FREE_FAILURES);
      const next = await verifyCall(t.api, userName, 'one more guess', t.clock.now());
      assert.equal(next.status, 429, userName);
      assert.equal(next.headers.get('retry-after'), '1', userName);
      assert.deepEqual(next.body, { status: 'rate_limited' });
    }
    t.clock.advance(1000);
    assert.deepEqual((await verifyCall(t.api, 'oakmain', PASSWORD, t.clock.now())).body, { status: 'valid' }, 'a success clears the count');
    assert.deepEqual((await verifyCall(t.api, 'oakmain', 'wrong again', t.clock.now())).body, { status: 'invalid' }, 'no wait after a success');
  });

  it(`locks at ${LOCK_AT} failures: the next call, even with the right password, answers 429 with Retry-After`, async () => {
    const waits = await fail('HappyPaws', LOCK_AT);
    assert.ok(waits.length > 0 && waits.length <= LOCK_AT - FREE_FAILURES, `${waits.length} waits`);
    assert.equal(waits[0], 1, 'the first wait is a second');
    assert.ok(waits.every((wait, i) => i === 0 || wait >= waits[i - 1]!), 'the wait never shrinks');
    assert.ok(Math.max(...waits) <= 15 * 60, 'at most a quarter of an hour');
    for (const password of ['wrong guess 101', PASSWORD]) {
      const answer = await verifyCall(t.api, 'happypaws', password, t.clock.now());
      assert.equal(answer.status, 429);
      assert.match(answer.headers.get('retry-after') ?? '', /^\d+$/);
    }
    t.clock.advance(24 * 3600_000);
    assert.equal((await verifyCall(t.api, 'happypaws', PASSWORD, t.clock.now())).status, 429, 'still locked a day later');
    assert.deepEqual((await verifyCall(t.api, 'oakmain', PASSWORD, t.clock.now())).body, { status: 'valid' }, 'other accounts are unaffected');
  });

  it('ends the lock with a password reset', async () => {
    await t.post('/password-help', { userName: 'happypaws', requestedBy: 'Front desk' });
    await t.drainOutbox();
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(t.mailbox()[0]!.text)![1]!;
    const fresh = 'Copper Kettle Morning Walk 12';
    assert.equal((await t.post('/reset-password', { token, password: fresh })).status, 200);
    assert.deepEqual((await verifyCall(t.api, 'happypaws', fresh, t.clock.now())).body, { status: 'valid' });
  });
});

describe('verify-password on two instances of one PostgreSQL', { skip: engine === 'postgres' ? skip : 'two instances share a PostgreSQL server; this runs in the PostgreSQL pass' }, () => {
  let a: Service;
  let b: Service;
  let close: (() => Promise<void>) | undefined;
  const api = (service: Service): string => `${service.url}/api/login-help`;
  before(async () => {
    ({ a, b, close } = await startTwoInstances(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', PORTAL_SECRET })));
  });
  after(async () => {
    await close?.();
  });

  it('shares the failure count: failures on either instance add up', async () => {
    const answers: CallAnswer[] = [];
    for (let i = 0; i < FREE_FAILURES; i++) answers.push(await verifyCall(api(i % 2 ? a : b), 'happypaws', `wrong ${i}`, new Date()));
    assert.ok(answers.every((answer) => answer.body.status === 'invalid'));
    for (const service of [a, b]) assert.equal((await verifyCall(api(service), 'happypaws', 'wrong again', new Date())).status, 429);
  });

  it('shares the nonces: a call replayed to the other instance is refused', async () => {
    const body = JSON.stringify({ userName: 'nobody-at-all', password: PASSWORD });
    const headers = signedHeaders(api(a), body, new Date());
    assert.equal((await rawVerifyCall(api(a), body, headers)).status, 200);
    assert.equal((await rawVerifyCall(api(b), body, headers)).status, 401);
  });
});
