// The portal's own database misbehaving (SPEC §9): away or slow, the forms and the reset answer
// 503 JSON with Retry-After, /readyz fails, nothing is written, and all recovers by itself. Two
// databases, no distributed transaction: a failure on either side of the portal's write leaves
// the link usable, and the same link then finishes. Hostile user names are values like any other.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAudit } from '../src/audit.js';
import { freshPortalDb, type PortalDb, type PortalEngine } from './helpers/portal-db.js';
import { sqlPassSkip } from './helpers/sql-pass.js';
import { startTestService, verifyStored, type TestService } from './helpers/service.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';

const skip = sqlPassSkip();
const NEW = 'Lantern orchard quietly 77';

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function requestLink(t: TestService): Promise<string> {
  const before = t.mailbox().length;
  assert.equal((await t.post('/password-help', { userName: 'happypaws', requestedBy: 'Dr. Jane Doe' })).status, 200);
  await t.drainOutbox();
  assert.equal(t.mailbox().length, before + 1);
  return /#token=([A-Za-z0-9_-]{43})/.exec(t.mailbox()[0]!.text)![1]!;
}

const count = async (t: TestService, table: string): Promise<number> => (await t.service.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe("the portal's MariaDB away or slow", { skip }, () => {
  let portal: PortalDb;
  let proxy: TcpProxy;
  let t: TestService;
  before(async () => {
    portal = await freshPortalDb('mariadb');
    const url = new URL(portal.url);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
    url.port = String(proxy.port);
    t = await startTestService({ PASSWORD_HASH_FORMAT: 'bcrypt', DIRECTORY_SQL_URL: url.toString(), DATABASE_TIMEOUT_MS: '1000' }, { portalDb: portal });
  });
  after(async () => {
    await t?.close();
    await proxy?.close();
    await portal?.drop();
  });

  it('answers 503 JSON with Retry-After while it is away, /readyz fails, nothing is written, and it recovers by itself', async () => {
    const token = await requestLink(t);
    const tokens = await count(t, 'reset_tokens');
    proxy.down();
    for (const [path, body] of [
      ['/forgot-username', { email: 'frontdesk@happypaws.example' }],
      ['/password-help', { userName: 'happypaws', requestedBy: 'Dr. Jane Doe' }],
      ['/reset-password/check', { token }],
      ['/reset-password', { token, password: NEW }],
    ] as const) {
      const answer = await t.post(path, body);
      assert.equal(answer.status, 503, path);
      assert.deepEqual(answer.body, { status: 'unavailable' });
      assert.match(answer.headers.get('retry-after') ?? '', /^\d+$/);
    }
    const ready = await fetch(`${t.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: 'unavailable', database: t.service.db.kind, directory: 'sql' });
    assert.equal((await fetch(`${t.url}/healthz`)).status, 200);
    assert.equal(await count(t, 'reset_tokens'), tokens, 'no token was issued');
    assert.equal(await count(t, 'outbox'), 1, 'no email was queued');
    const outcomes = (await listAudit(t.service.db, new Date(0))).map((row) => row.outcome);
    for (const query of ['find-logins-by-email', 'find-account-by-user-name', 'find-account']) assert.ok(outcomes.includes(`unavailable: ${query}`), query);

    proxy.up();
    await until(async () => (await fetch(`${t.url}/readyz`)).status === 200);
    assert.deepEqual((await t.post('/reset-password/check', { token })).body, { status: 'valid', userName: 'happypaws', minLength: 15 }, 'the link still works');
    assert.equal((await t.post('/forgot-username', { email: 'frontdesk@happypaws.example' })).status, 200);
  });

  it('answers 503 instead of hanging when it is slow, and /readyz fails meanwhile', async () => {
    proxy.slow(10_000);
    const started = Date.now();
    const slow = await t.post('/password-help', { userName: 'happypaws', requestedBy: 'Dr. Slow' });
    assert.equal(slow.status, 503);
    assert.ok(Date.now() - started < 6000, `answered in ${Date.now() - started} ms, not after the database's 10 s`);
    assert.equal((await fetch(`${t.url}/readyz`)).status, 503);
    proxy.slow(0);
    await until(async () => (await t.post('/forgot-username', { email: 'nobody@clinics.example' })).status === 404);
  });
});

describe('two databases, no distributed transaction', { skip }, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ PASSWORD_HASH_FORMAT: 'bcrypt' }, { portalDb: 'mariadb' });
  });
  after(() => t?.close());

  it("a failed write to the portal's database: 503, nothing changed there or here, the link still usable", async () => {
    const portal = t.directory.portalDb!;
    const token = await requestLink(t);
    const old = (await portal.account('happypaws'))!.passwordHash;
    // The portal's database refuses the write itself (a real error from MariaDB, not a stand-in).
    await portal.query("CREATE TRIGGER users_frozen BEFORE UPDATE ON users FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'frozen for maintenance'");
    try {
      const failed = await t.post('/reset-password', { token, password: NEW });
      assert.equal(failed.status, 503);
      assert.match(failed.headers.get('retry-after') ?? '', /^\d+$/);
    } finally {
      await portal.query('DROP TRIGGER users_frozen');
    }
    assert.equal((await portal.account('happypaws'))!.passwordHash, old);
    assert.ok((await listAudit(t.service.db, new Date(0))).some((row) => row.outcome === 'unavailable: set-password' && row.form === 'reset'));
    assert.equal((await t.post('/reset-password/check', { token })).body.status, 'valid');
    const retry = await t.post('/reset-password', { token, password: NEW });
    assert.equal(retry.status, 200, retry.text);
    assert.ok(await verifyStored((await portal.account('happypaws'))!.passwordHash!, NEW));
  });

  it("a failure here after the portal's write: the new password already works there, and the same link finishes the reset", async () => {
    const portal = t.directory.portalDb!;
    const token = await requestLink(t);
    const mails = t.mailbox().length;
    // The service's own database refuses to use up the token, after the portal's hash is written.
    await t.service.db.exec(`CREATE FUNCTION refuse_use() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER tokens_frozen BEFORE UPDATE ON reset_tokens FOR EACH ROW EXECUTE FUNCTION refuse_use();`);
    try {
      const failed = await t.post('/reset-password', { token, password: NEW });
      assert.equal(failed.status, 503);
    } finally {
      await t.service.db.exec('DROP TRIGGER tokens_frozen ON reset_tokens; DROP FUNCTION refuse_use();');
    }
    const written = (await portal.account('happypaws'))!.passwordHash!;
    assert.ok(await verifyStored(written, NEW), "the portal's database already holds the new password");
    await t.drainOutbox();
    assert.equal(t.mailbox().length, mails, 'no "Your password was changed" yet');
    assert.equal((await t.post('/reset-password/check', { token })).body.status, 'valid', 'the link is not used up');

    const retry = await t.post('/reset-password', { token, password: NEW });
    assert.equal(retry.status, 200, retry.text);
    assert.ok(await verifyStored((await portal.account('happypaws'))!.passwordHash!, NEW), 'the same password, set again');
    await t.drainOutbox();
    assert.equal(t.mailbox()[0]!.subject, 'Your password was changed');
    assert.equal((await t.post('/reset-password/check', { token })).body.status, 'used');
  });
});

for (const engine of ['mariadb', 'postgres'] as PortalEngine[]) {
  describe(`hostile user names on ${engine}`, { skip }, () => {
    let t: TestService;
    before(async () => {
      t = await startTestService({ PASSWORD_HASH_FORMAT: engine === 'mariadb' ? 'bcrypt' : 'pbkdf2-sha256' }, { portalDb: engine });
    });
    after(() => t?.close());

    it('are values like any other: not found, and the tables intact', async () => {
      const portal = t.directory.portalDb!;
      const users = engine === 'mariadb' ? 'users' : 'auth_user';
      const before = await portal.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${users}`);
      for (const userName of ["x' OR '1'='1", '%', '_appypaws', "'; DROP TABLE users; --", "happypaws' --", 'happypaws"; --', '\\', ':user_name', '$1']) {
        const answer = await t.post('/password-help', { userName, requestedBy: 'Mallory' });
        assert.equal(answer.status, 404, userName);
        assert.deepEqual(answer.body, { status: 'not_found' });
      }
      assert.equal((await t.post('/forgot-username', { email: "x'or'1'='1@clinics.example" })).status, 404);
      assert.deepEqual(await portal.query(`SELECT count(*) AS n FROM ${users}`), before, 'no row added or removed');
      assert.equal((await t.post('/password-help', { userName: 'HappyPaws', requestedBy: 'Dr. Jane Doe' })).status, 200, 'the real account is still found, in any case');
    });
  });
}
