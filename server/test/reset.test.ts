// The reset link over real HTTP (SPEC §8, §9): one use, a lifetime on the test's clock, the
// password rule, other links revoked, the "Your password was changed" email, per-token limits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { directoryKind, startTestService, testHashFormat, verifyStored, type TestService } from './helpers/service.js';

const GOOD = 'correct horse battery staple';

/** What a reset writes, in the run's format (argon2id in the service's own tables). */
const HASH_SHAPES = {
  argon2id: /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/,
  bcrypt: /^\$2y\$10\$/,
  'pbkdf2-sha256': /^pbkdf2_sha256\$600000\$/,
  scrypt: /^\$scrypt\$ln=15,r=8,p=1\$/,
};

/** Asks for password help and returns the token from the email's link. */
async function requestLink(t: TestService, requestedBy = 'Dr. Jane Doe'): Promise<string> {
  const answer = await t.post('/password-help', { userName: 'happypaws', requestedBy });
  assert.equal(answer.status, 200);
  await t.drainOutbox();
  const message = t.mailbox().find((m) => m.subject === 'Reset Your Password' && m.text.includes(requestedBy));
  const token = /#token=([A-Za-z0-9_-]{43})/.exec(message?.text ?? '')?.[1];
  assert.ok(token, 'the email holds a link with a token');
  return token;
}

describe('reset link', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ TOKEN_TTL_MINUTES: '60', PASSWORD_MIN_LENGTH: '15', RATE_LIMIT_PER_TOKEN: '1000' });
  });
  after(() => t.close());

  it('checks a fresh link: valid, with the user name and the minimum length', async () => {
    const token = await requestLink(t, 'Check Person');
    const answer = await t.post('/reset-password/check', { token });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'valid', userName: 'happypaws', minLength: 15 });
  });

  it('answers 404 invalid_token for an unknown or malformed token', async () => {
    for (const token of ['A'.repeat(43), 'short', '', '../../etc/passwd', 'x'.repeat(500)]) {
      const answer = await t.post('/reset-password/check', { token });
      assert.equal(answer.status, 404, token);
      assert.deepEqual(answer.body, { status: 'invalid_token' });
    }
  });

  it('refuses a short, a common and a user-name password at the field, and keeps the link alive', async () => {
    const token = await requestLink(t, 'Rule Person');
    const refusals: [string, RegExp][] = [
      ['short', /at least 15/],
      ['passwordpassword', /common/],
      ['123456789012345', /common/],
      ['aaaaaaaaaaaaaaaaaaaa', /common/],
      ['happypawshappypaws', /user name|common/],
      ['x'.repeat(257), /256/],
    ];
    for (const [password, message] of refusals) {
      const answer = await t.post('/reset-password', { token, password });
      assert.equal(answer.status, 400, password);
      assert.equal(answer.body.status, 'invalid');
      assert.match((answer.body.errors as Record<string, string>).password ?? '', message);
    }
    assert.equal((await t.post('/reset-password/check', { token })).status, 200);
  });

  it('counts characters, not UTF-16 units: 15 emoji or accented letters are long enough', async () => {
    const token = await requestLink(t, 'Unicode Person');
    const emoji = '🐶🐱🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵';
    assert.equal([...emoji].length, 15);
    const answer = await t.post('/reset-password', { token, password: emoji });
    assert.equal(answer.status, 200, answer.text);
    const account = await t.directory.account('happypaws');
    assert.ok(await verifyStored(account!.passwordHash!, emoji));
  });

  it('resets once: the hash verifies the new password, the email arrives, the link is then used', async () => {
    const other = await requestLink(t, 'Other Person');
    const token = await requestLink(t, 'Reset Person');
    const before = (await t.directory.account('happypaws'))!.passwordHash;
    const answer = await t.post('/reset-password', { token, password: GOOD });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'reset' });
    const account = await t.directory.account('happypaws');
    assert.match(account!.passwordHash!, HASH_SHAPES[testHashFormat]);
    assert.notEqual(account!.passwordHash, before);
    assert.ok(await verifyStored(account!.passwordHash!, GOOD));
    assert.ok(!(await verifyStored(account!.passwordHash!, 'the old one is gone now')));
    await t.drainOutbox();
    assert.equal(t.mailbox()[0]!.subject, 'Your password was changed');
    assert.equal(t.mailbox()[0]!.to, 'frontdesk@happypaws.example');

    const again = await t.post('/reset-password', { token, password: 'another long password entirely' });
    assert.equal(again.status, 410);
    assert.deepEqual(again.body, { status: 'used' });
    assert.deepEqual((await t.post('/reset-password/check', { token })).body, { status: 'used' });
    // The other link of the same account now answers like an expired one.
    const revoked = await t.post('/reset-password/check', { token: other });
    assert.equal(revoked.status, 410);
    assert.deepEqual(revoked.body, { status: 'expired' });
  });

  it('answers a Save pressed again with the same password (its answer was lost) as reset, changing nothing, for ten minutes', async () => {
    const token = await requestLink(t, 'Retry Person');
    assert.equal((await t.post('/reset-password', { token, password: GOOD })).status, 200);
    await t.drainOutbox();
    const mails = t.mailbox().length;
    const hash = (await t.directory.account('happypaws'))!.passwordHash;
    const retry = await t.post('/reset-password', { token, password: GOOD });
    if (directoryKind === 'tables') {
      assert.equal(retry.status, 200);
      assert.deepEqual(retry.body, { status: 'reset' });
    } else {
      // A portal's directory cannot check a password: the retry hears "already used".
      assert.deepEqual(retry.body, { status: 'used' });
    }
    await t.drainOutbox();
    assert.equal(t.mailbox().length, mails, 'no second "Your password was changed"');
    assert.equal((await t.directory.account('happypaws'))!.passwordHash, hash, 'nothing changed');
    t.clock.advance(10 * 60_000 + 1);
    assert.deepEqual((await t.post('/reset-password', { token, password: GOOD })).body, { status: 'used' });
  });

  it('expires after TOKEN_TTL_MINUTES on the clock', async () => {
    const token = await requestLink(t, 'Late Person');
    t.clock.advance(59 * 60_000);
    assert.equal((await t.post('/reset-password/check', { token })).status, 200);
    t.clock.advance(60_001);
    const answer = await t.post('/reset-password/check', { token });
    assert.equal(answer.status, 410);
    assert.deepEqual(answer.body, { status: 'expired' });
    const reset = await t.post('/reset-password', { token, password: GOOD });
    assert.deepEqual(reset.body, { status: 'expired' });
  });

  it('NFKC-normalizes: a full-width password and its plain form are the same password', async () => {
    const token = await requestLink(t, 'Width Person');
    const wide = 'ｃｏｒｒｅｃｔ　ｈｏｒｓｅ　ｂａｔｔｅｒｙ';
    assert.equal((await t.post('/reset-password', { token, password: wide })).status, 200);
    const account = await t.directory.account('happypaws');
    assert.ok(await verifyStored(account!.passwordHash!, 'correct horse battery'));
  });
});

describe('reset link rate limit', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ RATE_LIMIT_PER_TOKEN: '3' });
  });
  after(() => t.close());

  it('limits the tries on one token with Retry-After', async () => {
    const stored = (await t.directory.account('happypaws'))!.passwordHash;
    const token = await requestLink(t);
    for (let i = 0; i < 3; i++) assert.equal((await t.post('/reset-password/check', { token })).status, 200);
    const limited = await t.post('/reset-password', { token, password: GOOD });
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
    const account = await t.directory.account('happypaws');
    assert.equal(account!.passwordHash, stored, 'nothing was changed');
  });
});
