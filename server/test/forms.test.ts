// The two forms over real HTTP (SPEC §4, §9): matching, neutral mode, tokens, limits,
// Idempotency-Key, request ids, CORS and every kind of bad input.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashToken } from '../src/tokens.js';
import { startTestService, type TestService } from './helpers/service.js';

const DEMO_EMAIL = 'frontdesk@happypaws.example';

describe('Forgot User Name?', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
    await t.directory.import(
      [
        'practice,email,user_name,active',
        'North Clinic,shared@clinics.example,north1,true',
        'North Clinic,shared@clinics.example,north2,',
        'South Clinic,Shared@Clinics.example,south,true',
        'Closed Clinic,closed@clinics.example,closed,false',
        'Quiet Clinic,quiet@clinics.example,quiet,true',
      ].join('\n'),
    );
  });
  after(() => t.close());

  it('finds the practice case-insensitively and emails its user name', async () => {
    const answer = await t.post('/forgot-username', { email: 'FrontDesk@HappyPaws.Example' });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'sent' });
    await t.drainOutbox();
    const [message] = t.mailbox();
    assert.equal(message?.subject, 'Forgot User Name Request');
    assert.equal(message?.to, DEMO_EMAIL);
    assert.match(message!.text, /happypaws/);
    assert.match(message!.text, /Happy Paws Veterinary Clinic/);
  });

  it('answers 404 not_found for an address not on file, and sends nothing', async () => {
    const before = t.mailbox().length;
    const answer = await t.post('/forgot-username', { email: 'nobody@example.com' });
    assert.equal(answer.status, 404);
    assert.deepEqual(answer.body, { status: 'not_found' });
    await t.drainOutbox();
    assert.equal(t.mailbox().length, before);
  });

  it('does not find an inactive practice', async () => {
    const answer = await t.post('/forgot-username', { email: 'closed@clinics.example' });
    assert.equal(answer.status, 404);
  });

  it('sends one message listing every practice and user name on one address', async () => {
    const before = t.mailbox().length;
    const answer = await t.post('/forgot-username', { email: 'shared@clinics.example' });
    assert.equal(answer.status, 200);
    await t.drainOutbox();
    const messages = t.mailbox();
    assert.equal(messages.length, before + 1);
    const text = messages[0]!.text;
    for (const expected of ['North Clinic', 'north1', 'north2', 'South Clinic', 'south']) assert.ok(text.includes(expected), `${expected} in the email`);
  });

  it('gives every answer an X-Request-Id', async () => {
    const found = await t.post('/forgot-username', { email: DEMO_EMAIL });
    const bad = await t.post('/forgot-username', 'not json');
    const health = await fetch(`${t.url}/healthz`);
    for (const headers of [found.headers, bad.headers, health.headers]) assert.match(headers.get('x-request-id') ?? '', /^[A-Za-z0-9._:-]{8,64}$/);
    assert.notEqual(found.headers.get('x-request-id'), bad.headers.get('x-request-id'));
  });

  it('replays an Idempotency-Key with the same body and sends no second email', async () => {
    await t.drainOutbox();
    const before = t.mailbox().length;
    const headers = { 'Idempotency-Key': 'key-0001-forgot' };
    const first = await t.post('/forgot-username', { email: 'quiet@clinics.example' }, headers);
    const second = await t.post('/forgot-username', { email: 'quiet@clinics.example' }, headers);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, first.body);
    await t.drainOutbox();
    assert.equal(t.mailbox().length, before + 1);
    const other = await t.post('/forgot-username', { email: DEMO_EMAIL }, headers);
    assert.equal(other.status, 422);
    assert.equal(other.body.status, 'invalid');
  });
});

describe('Password Help?', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ RESET_URL: 'https://portal.example/reset' });
    await t.directory.import('practice,email,user_name,active\nSleepy Clinic,sleepy@clinics.example,sleeper,false\nShut Clinic,shut@clinics.example,shut,true');
    await t.directory.deactivatePractice('Shut Clinic');
  });
  after(() => t.close());

  it('emails the practice a reset link naming who asked; the database keeps only the hash', async () => {
    const answer = await t.post('/password-help', { userName: 'HappyPaws', requestedBy: 'Dr. Jane Doe' });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'sent' });
    await t.drainOutbox();
    const [message] = t.mailbox();
    assert.equal(message?.subject, 'Reset Your Password');
    assert.equal(message?.to, DEMO_EMAIL);
    assert.match(message!.text, /Dr\. Jane Doe/);
    const token = /https:\/\/portal\.example\/reset#token=([A-Za-z0-9_-]{43})/.exec(message!.text)?.[1];
    assert.ok(token, 'the link holds a token');
    assert.ok(message!.html.includes(`https://portal.example/reset#token=${token}`));
    const rows = await t.service.db.query<{ token_hash: string }>('SELECT token_hash FROM reset_tokens');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, hashToken(token));
    const dump = JSON.stringify(await t.service.db.query('SELECT * FROM reset_tokens')) + JSON.stringify(await t.service.db.query('SELECT * FROM audit')) + JSON.stringify(await t.service.db.query('SELECT * FROM outbox'));
    assert.ok(!dump.includes(token), 'no token in clear once the email is sent');
  });

  it('does not find an inactive account or an account of an inactive practice', async () => {
    for (const userName of ['sleeper', 'shut', 'nobody']) {
      const answer = await t.post('/password-help', { userName, requestedBy: 'Someone' });
      assert.equal(answer.status, 404, userName);
      assert.deepEqual(answer.body, { status: 'not_found' });
    }
  });

  it('refuses bad fields with a message per field', async () => {
    const answer = await t.post('/password-help', { userName: '  ', requestedBy: 'x'.repeat(201) });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.status, 'invalid');
    const errors = answer.body.errors as Record<string, string>;
    assert.ok(errors.userName && errors.requestedBy);
    const control = await t.post('/password-help', { userName: 'happy\u0000paws', requestedBy: 'Dr.\u202EJane' });
    assert.equal(control.status, 400);
    assert.deepEqual(Object.keys(control.body.errors as object).sort(), ['requestedBy', 'userName']);
  });
});

describe('neutral mode (REVEAL=false)', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ REVEAL: 'false' });
  });
  after(() => t.close());

  it('answers found and not found with the same status and body', async () => {
    const pairs = [
      ['/forgot-username', { email: DEMO_EMAIL }, { email: 'nobody@example.com' }],
      ['/password-help', { userName: 'happypaws', requestedBy: 'A' }, { userName: 'nobody', requestedBy: 'A' }],
    ] as const;
    for (const [path, found, missing] of pairs) {
      const a = await t.post(path, found);
      const b = await t.post(path, missing);
      assert.equal(a.status, 200);
      assert.equal(b.status, a.status);
      assert.equal(b.text, a.text);
      assert.deepEqual(a.body, { status: 'accepted' });
    }
    await t.drainOutbox();
    assert.equal(t.mailbox().length, 2, 'the found ones still send');
  });
});

describe('rate limits', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ RATE_LIMIT_PER_CLIENT: '6', RATE_LIMIT_PER_TARGET: '2' });
  });
  after(() => t.close());

  it('limits one target, found or not, with Retry-After', async () => {
    for (const email of ['nobody@example.com', DEMO_EMAIL]) {
      assert.notEqual((await t.post('/forgot-username', { email })).status, 429);
      assert.notEqual((await t.post('/forgot-username', { email: email.toUpperCase() })).status, 429);
      const third = await t.post('/forgot-username', { email });
      assert.equal(third.status, 429);
      assert.match(third.headers.get('retry-after') ?? '', /^\d+$/);
      assert.ok(Number(third.headers.get('retry-after')) > 3000, 'about an hour');
    }
  });

  it('limits one client address across targets', async () => {
    // 6 requests were counted above; the next is refused whatever it asks.
    const answer = await t.post('/password-help', { userName: 'fresh', requestedBy: 'A' });
    assert.equal(answer.status, 429);
    assert.ok(Number(answer.headers.get('retry-after')) <= 15 * 60);
  });
});

describe('Idempotency-Key and the per-target limit', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ RATE_LIMIT_PER_CLIENT: '100', RATE_LIMIT_PER_TARGET: '1' });
  });
  after(() => t.close());

  it('replays an answered key without counting it against the target, so a retry after a lost answer is never 429', async () => {
    const headers = { 'Idempotency-Key': 'key-0002-retry' };
    const first = await t.post('/forgot-username', { email: DEMO_EMAIL }, headers);
    assert.equal(first.status, 200);
    for (let retry = 0; retry < 3; retry += 1) {
      const again = await t.post('/forgot-username', { email: DEMO_EMAIL }, headers);
      assert.equal(again.status, 200, `retry ${retry + 1}`);
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
    }
    // The target's one request an hour was the first one: a new key for it is refused.
    assert.equal((await t.post('/forgot-username', { email: DEMO_EMAIL }, { 'Idempotency-Key': 'key-0003-new' })).status, 429);
    await t.drainOutbox();
    assert.equal(t.mailbox().filter((message) => message.to === DEMO_EMAIL).length, 1);
  });
});

describe('bad input', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(() => t.close());

  const cases: [string, string | object, Record<string, string>, number][] = [
    ['not JSON', '{"email": ', {}, 400],
    ['empty body', '', {}, 400],
    ['a JSON array', '[1,2]', {}, 400],
    ['a JSON string', '"x"', {}, 400],
    ['a missing field', {}, {}, 400],
    ['a number', { email: 42 }, {}, 400],
    ['null', { email: null }, {}, 400],
    ['an object', { email: { $ne: 1 } }, {}, 400],
    ['over 16 KiB', { email: 'a'.repeat(17 * 1024) }, {}, 413],
    ['a malformed address', { email: 'not-an-email' }, {}, 400],
    ['an over-long address', { email: `${'a'.repeat(250)}@x.example` }, {}, 400],
    ['control characters', { email: 'front\u0000desk@happypaws.example' }, {}, 400],
    ['text/plain', JSON.stringify({ email: DEMO_EMAIL }), { 'Content-Type': 'text/plain' }, 415],
    ['form encoding', 'email=frontdesk%40happypaws.example', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['__proto__', '{"email":"a@b.example","__proto__":{"x":1}}', {}, 400],
    ['an unusable Idempotency-Key', { email: DEMO_EMAIL }, { 'Idempotency-Key': 'bad key\u00e9' }, 400],
  ];

  for (const [name, body, headers, status] of cases) {
    it(`answers ${name} with ${status} JSON, never a stack trace`, async () => {
      const answer = await t.post('/forgot-username', body, headers);
      assert.equal(answer.status, status, answer.text);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(answer.body.status, 'invalid');
      assert.equal(typeof answer.body.errors, 'object');
      assert.doesNotMatch(answer.text, /at .*\.(js|ts):\d+|stack|FST_/);
    });
  }

  it('answers an unknown path with 404 JSON', async () => {
    const answer = await t.post('/nothing-here', { email: DEMO_EMAIL });
    assert.equal(answer.status, 404);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  });
});

describe('CORS', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ ALLOWED_ORIGINS: 'https://portal.example' });
  });
  after(() => t.close());

  const preflight = (origin: string, headers = 'content-type,accept-language,idempotency-key,x-csrf-token'): Promise<Response> =>
    fetch(`${t.api}/forgot-username`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': headers },
    });

  it('allows the listed origin with the widget headers', async () => {
    const answer = await preflight('https://portal.example');
    assert.ok(answer.status === 204 || answer.status === 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), 'https://portal.example');
    const allowed = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['content-type', 'accept', 'accept-language', 'x-csrf-token', 'idempotency-key']) assert.ok(allowed.includes(header), header);
    const post = await t.post('/forgot-username', { email: DEMO_EMAIL }, { Origin: 'https://portal.example' });
    assert.equal(post.headers.get('access-control-allow-origin'), 'https://portal.example');
    assert.match(post.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });

  it('refuses any other origin', async () => {
    const answer = await preflight('https://evil.example');
    assert.equal(answer.status, 403);
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
  });
});
