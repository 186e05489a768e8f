// POST {BASE_PATH}/verify-password (SPEC §9) over real HTTP: signed calls answer valid / invalid
// (unknown accounts alike), every bad signature 401 before the body is read, no CORS at all, 404
// without PORTAL_SECRET, and a short secret stops the start.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAudit } from '../src/audit.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { main } from '../src/cli.js';
import { hash } from '@node-rs/argon2';
import { hashPassword } from '../src/passwords/hash.js';
import { directoryKind, startTestService, type TestService } from './helpers/service.js';
import { PORTAL_SECRET, rawVerifyCall, signedHeaders, verifyCall } from './helpers/portal-call.js';

const skip = directoryKind !== 'tables' ? "verify-password checks the service's own accounts: a portal's directory (HTTP or SQL) has none, and PORTAL_SECRET beside one stops the start" : false;
const PASSWORD = 'Lantern Orchard Quietly 77';
const ORIGIN = 'https://portal.example';

describe('verify-password', { skip }, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ PORTAL_SECRET, ALLOWED_ORIGINS: ORIGIN });
    await t.directory.import(['practice,email,user_name,active', 'Oak Street,oak@oakstreet.example,oakmain,true'].join('\n'));
    await t.service.db.query('UPDATE accounts SET password_hash = $1 WHERE user_name = $2', [await hashPassword(PASSWORD), 'happypaws']);
  });
  after(() => t.close());

  it('answers valid for the right password, whatever the case of the user name', async () => {
    for (const userName of ['happypaws', 'HappyPaws', ' HAPPYPAWS ']) {
      const answer = await verifyCall(t.api, userName, PASSWORD, t.clock.now());
      assert.equal(answer.status, 200, userName);
      assert.deepEqual(answer.body, { status: 'valid' });
    }
  });

  it('answers invalid for a wrong password, an unknown account and an account without a password alike', async () => {
    for (const [userName, password] of [['happypaws', 'lantern orchard quietly 77'], ['nobody-here', PASSWORD], ['oakmain', PASSWORD]] as const) {
      const answer = await verifyCall(t.api, userName, password, t.clock.now());
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { status: 'invalid' }, userName);
    }
  });

  it('refuses unsigned, forged, stale, future, tampered and replayed calls with the same 401', async () => {
    const body = JSON.stringify({ userName: 'happypaws', password: PASSWORD });
    const now = t.clock.now();
    const good = signedHeaders(t.api, body, now);
    const cases: [string, Promise<Awaited<ReturnType<typeof rawVerifyCall>>>][] = [
      ['unsigned', rawVerifyCall(t.api, body, {})],
      ['forged', rawVerifyCall(t.api, body, signedHeaders(t.api, body, now, 'another-secret-that-is-long-enough-000'))],
      ['stale', rawVerifyCall(t.api, body, signedHeaders(t.api, body, new Date(now.getTime() - 301_000)))],
      ['future', rawVerifyCall(t.api, body, signedHeaders(t.api, body, new Date(now.getTime() + 301_000)))],
      ['tampered', rawVerifyCall(t.api, JSON.stringify({ userName: 'happypaws', password: 'something else entirely' }), good)],
      ['signed for another path', rawVerifyCall(t.api, body, { ...signedHeaders(`${t.url}/elsewhere`, body, now) })],
    ];
    for (const [name, call] of cases) {
      const answer = await call;
      assert.equal(answer.status, 401, name);
      assert.deepEqual(answer.body, { status: 'unauthorized' }, name);
    }
    const fresh = signedHeaders(t.api, body, now);
    assert.equal((await rawVerifyCall(t.api, body, fresh)).status, 200, 'the first use');
    const replayed = await rawVerifyCall(t.api, body, fresh);
    assert.equal(replayed.status, 401, 'replayed');
    assert.deepEqual(replayed.body, { status: 'unauthorized' });
  });

  it('checks the signature before the body: 401 for an unsigned bad body, 400 for a signed one', async () => {
    for (const body of ['not json', '[1,2]', '{"userName":"happypaws"}', `{"userName":"happypaws","password":"${'x'.repeat(1100)}"}`, '{"userName":"","password":"x"}']) {
      assert.equal((await rawVerifyCall(t.api, body, {})).status, 401, body.slice(0, 20));
      const signed = await rawVerifyCall(t.api, body, signedHeaders(t.api, body, t.clock.now()));
      assert.equal(signed.status, 400, body.slice(0, 20));
      assert.equal(signed.body.status, 'invalid');
    }
  });

  it('never answers with CORS headers, on the call or its preflight, even from an allowed origin', async () => {
    const body = JSON.stringify({ userName: 'happypaws', password: PASSWORD });
    const call = await rawVerifyCall(t.api, body, { ...signedHeaders(t.api, body, t.clock.now()), Origin: ORIGIN });
    assert.equal(call.status, 200);
    const preflight = await fetch(`${t.api}/verify-password`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-login-help-signature' },
    });
    assert.notEqual(preflight.status, 204);
    const control = await fetch(`${t.api}/forgot-username`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' } });
    assert.equal(control.headers.get('access-control-allow-origin'), ORIGIN, 'the forms do allow the origin (the test can see CORS)');
    for (const headers of [call.headers, preflight.headers]) {
      const cors = [...headers.keys()].filter((name) => name.startsWith('access-control-'));
      assert.deepEqual(cors, []);
    }
  });

  it('re-hashes a hash below today\'s cost on a successful check, and only then', async () => {
    const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await t.service.db.query('UPDATE accounts SET password_hash = $1 WHERE user_name = $2', [weak, 'oakmain']);
    await verifyCall(t.api, 'oakmain', 'not the password at all', t.clock.now());
    const [unchanged] = await t.service.db.query<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE user_name = $1', ['oakmain']);
    assert.equal(unchanged!.password_hash, weak);
    assert.deepEqual((await verifyCall(t.api, 'oakmain', PASSWORD, t.clock.now())).body, { status: 'valid' });
    const [rehashed] = await t.service.db.query<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE user_name = $1', ['oakmain']);
    assert.match(rehashed!.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.deepEqual((await verifyCall(t.api, 'oakmain', PASSWORD, t.clock.now())).body, { status: 'valid' }, 'the new hash verifies');
  });

  it('audits each call with the user name, outcome, client and request id, never the password', async () => {
    const rows = (await listAudit(t.service.db, new Date(0))).filter((row) => row.form === 'verify-password');
    const outcomes = new Set(rows.map((row) => row.outcome));
    for (const outcome of ['valid', 'invalid', 'unauthorized:missing', 'unauthorized:bad-signature', 'unauthorized:stale', 'unauthorized:replayed', 'invalid_request']) assert.ok(outcomes.has(outcome), outcome);
    assert.ok(rows.every((row) => row.client && row.requestId));
    assert.ok(rows.some((row) => row.outcome === 'valid' && row.value === 'HappyPaws'));
    assert.ok(!JSON.stringify(rows).includes(PASSWORD));
  });
});

describe('verify-password is not there without PORTAL_SECRET', { skip }, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(() => t.close());

  it('answers 404 like any unknown path', async () => {
    const answer = await verifyCall(t.api, 'happypaws', PASSWORD, t.clock.now());
    assert.equal(answer.status, 404);
    assert.equal(answer.body.status, 'no_such_endpoint');
  });
});

describe('PORTAL_SECRET', () => {
  it('stops the start when shorter than 32 characters, naming the variable and not the secret', async () => {
    const secret = 'too-short-secret-1234';
    assert.throws(() => loadConfig({ PORTAL_SECRET: secret }), (error: unknown) => error instanceof ConfigError && /PORTAL_SECRET/.test(error.message) && !error.message.includes(secret));
    let err = '';
    const code = await main(['start'], { out: () => undefined, err: (text) => (err += text) }, process.stdin, { PORT: '0', LOGIN_HELP_DATA: 'memory://', PORTAL_SECRET: secret });
    assert.equal(code, 2);
    assert.match(err, /PORTAL_SECRET/);
    assert.ok(!err.includes(secret));
    assert.equal(loadConfig({ PORTAL_SECRET: 'x'.repeat(32) }).portalSecret, 'x'.repeat(32));
  });

  it("stops the start beside a portal's own directory (HTTP or SQL), which checks its own passwords, naming both variables", () => {
    const portals = [
      { DIRECTORY_URL: 'http://127.0.0.1:9/directory', DIRECTORY_SECRET: 'd'.repeat(32) },
      { DIRECTORY_SQL_URL: 'mysql://portal:pw@127.0.0.1:3306/portal', DIRECTORY_SQL_FILE: 'demo/portal-db/mariadb-queries.sql', PASSWORD_HASH_FORMAT: 'bcrypt' },
    ];
    for (const portal of portals) {
      assert.throws(
        () => loadConfig({ PORT: '0', PORTAL_SECRET, ...portal }),
        (error: unknown) => error instanceof ConfigError && /PORTAL_SECRET/.test(error.message) && /DIRECTORY_(SQL_)?URL/.test(error.message) && !error.message.includes(PORTAL_SECRET),
      );
    }
  });
});
