// Done-when of the SQL directory: a reset through the service, in every PASSWORD_HASH_FORMAT, on
// a PHP portal's MariaDB and a Django portal's PostgreSQL, lands a hash that the portal's own
// software accepts for the new password and refuses for the old one: PHP's password_verify,
// Django's check_password, Python's bcrypt and hashlib.scrypt.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_ENTRIES } from '../src/directory/demo.js';
import { hashFormat, type HashFormatName } from '../src/passwords/hash-formats.js';
import { freshDatabase } from './helpers/database.js';
import type { PortalEngine } from './helpers/portal-db.js';
import { sqlPassSkip } from './helpers/sql-pass.js';
import { startTestService, TEST_HASH_COSTS, TEST_HASH_ENV, type TestService } from './helpers/service.js';
import { missingVerifiers, verifyWith, type Verifier } from './helpers/verifiers.js';

const OLD = 'Old front desk password 2019';
const NEW = 'Lantern orchard quietly 77 ✓';

/** Who checks each format, as the portal's sign-in would. */
const VERIFIERS: Record<HashFormatName, Verifier[]> = {
  bcrypt: ['php', 'python-bcrypt'],
  argon2id: ['php'],
  'pbkdf2-sha256': ['django'],
  scrypt: ['python-scrypt'],
};

const missing = missingVerifiers();
// Locally a missing verifier skips with the reason; in CI it is a failure (.ci/run installs them).
const skip = sqlPassSkip() || (missing && !process.env.CI ? `needs ${missing}` : false);

async function resetThrough(t: TestService, password: string): Promise<void> {
  assert.equal((await t.post('/password-help', { userName: 'happypaws', requestedBy: 'Dr. Jane Doe' })).status, 200);
  await t.drainOutbox();
  const token = /#token=([A-Za-z0-9_-]{43})/.exec(t.mailbox()[0]?.text ?? '')?.[1];
  assert.ok(token, 'the email holds a link');
  const answer = await t.post('/reset-password', { token, password });
  assert.equal(answer.status, 200, answer.text);
}

for (const engine of ['mariadb', 'postgres'] as PortalEngine[]) {
  describe(`a reset lands in the portal's ${engine === 'mariadb' ? 'MariaDB (PHP)' : 'PostgreSQL (Django)'} tables, checked by its own software`, { skip }, () => {
    let own: Awaited<ReturnType<typeof freshDatabase>>;
    before(async () => {
      own = await freshDatabase();
    });
    after(() => own?.drop());

    it('has the reference verifiers (php-cli, python3-django, python3-bcrypt)', () => {
      assert.equal(missing, undefined, `missing: ${missing}`);
    });

    for (const format of Object.keys(VERIFIERS) as HashFormatName[]) {
      it(`${format}: ${VERIFIERS[format].join(' and ')} accept the new password and refuse the old`, async () => {
        const t = await startTestService({ PASSWORD_HASH_FORMAT: format, ...TEST_HASH_ENV }, { portalDb: engine, demo: false, db: own.db });
        try {
          const portal = t.directory.portalDb!;
          await portal.add(DEMO_ENTRIES);
          // The account's current password, in the same format, as the portal stored it.
          const old = await hashFormat(format, TEST_HASH_COSTS).hash(OLD);
          await portal.query(engine === 'mariadb' ? 'UPDATE users SET password = ?' : 'UPDATE auth_user SET password = ?', [old]);
          for (const verifier of VERIFIERS[format]) assert.ok(verifyWith(verifier, OLD, old), `${verifier} reads the old hash`);

          await resetThrough(t, NEW);
          const stored = (await portal.account('happypaws'))?.passwordHash;
          assert.ok(stored && stored !== old, 'a new hash is stored');
          for (const verifier of VERIFIERS[format]) {
            assert.ok(verifyWith(verifier, NEW, stored), `${verifier} accepts the new password`);
            assert.ok(!verifyWith(verifier, OLD, stored), `${verifier} refuses the old password`);
          }
        } finally {
          await t.close();
        }
      });
    }
  });
}

describe("bcrypt's 72 bytes, at New Password", { skip }, () => {
  it('refuses a longer password with the reason and keeps the link; 72 bytes of accented text work in PHP', async () => {
    const t = await startTestService({ PASSWORD_HASH_FORMAT: 'bcrypt', ...TEST_HASH_ENV }, { portalDb: 'mariadb' });
    try {
      assert.equal((await t.post('/password-help', { userName: 'happypaws', requestedBy: 'Dr. Jane Doe' })).status, 200);
      await t.drainOutbox();
      const token = /#token=([A-Za-z0-9_-]{43})/.exec(t.mailbox()[0]?.text ?? '')![1]!;
      // 60 characters are 72 bytes here; one more is too long for bcrypt, not for the rule.
      const fits = 'Ça fait déjà été, crème brûlée à la façon de grand-mère très';
      const tooLong = `${fits}!`;
      assert.deepEqual([Buffer.byteLength(fits), Buffer.byteLength(tooLong)], [72, 73]);
      const refused = await t.post('/reset-password', { token, password: tooLong });
      assert.equal(refused.status, 400);
      assert.match((refused.body.errors as Record<string, string>).password ?? '', /first 72 bytes/);
      assert.equal((await t.post('/reset-password/check', { token })).body.status, 'valid');
      assert.equal((await t.post('/reset-password', { token, password: fits })).status, 200);
      const stored = (await t.directory.account('happypaws'))!.passwordHash!;
      assert.ok(verifyWith('php', fits, stored));
      // PHP reads 72 bytes and no more, so it takes any longer text that starts the same: that is
      // why a longer password is refused above rather than stored as its first 72 bytes.
      assert.ok(verifyWith('php', tooLong, stored));
    } finally {
      await t.close();
    }
  });
});
