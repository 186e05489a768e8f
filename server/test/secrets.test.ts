// No token, password or CSRF token reaches a log line, the audit or an error answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAudit } from '../src/audit.js';
import { hashPassword } from '../src/passwords/hash.js';
import { PORTAL_SECRET, rawVerifyCall, signedHeaders, verifyCall } from './helpers/portal-call.js';
import { directoryKind, startTestService, type TestService } from './helpers/service.js';

describe('secrets stay out of logs and the audit', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ LOG_LEVEL: 'trace' });
  });
  after(() => t.close());

  it('logs and audits every request without the token, the password or the CSRF token', async () => {
    const csrf = 'csrf-SECRET-4242-token';
    const password = 'Lantern Orchard Quietly 77';
    await t.post('/password-help', { userName: 'happypaws', requestedBy: 'Dr. Jane Doe' }, { 'X-CSRF-Token': csrf });
    await t.drainOutbox();
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(t.mailbox()[0]!.text)![1]!;
    await t.post('/reset-password/check', { token }, { 'X-CSRF-Token': csrf });
    await t.post('/reset-password', { token, password: 'short' }, { 'X-CSRF-Token': csrf });
    await t.post('/reset-password', { token, password }, { 'X-CSRF-Token': csrf });
    await t.post('/reset-password', { token, password }, { 'X-CSRF-Token': csrf });
    await t.post('/reset-password', `{"token":"${token}","password":`, { 'X-CSRF-Token': csrf });
    await fetch(`${t.url}/reset?token=${token}`);
    await t.drainOutbox();

    const audit = await listAudit(t.service.db, new Date(0));
    const forms = new Set(audit.map((row) => row.form));
    for (const form of ['password', 'reset-check', 'reset']) assert.ok(forms.has(form), `audit has ${form}`);
    assert.ok(audit.some((row) => row.outcome === 'reset' && row.value === 'happypaws'));
    const everything = [t.logs.join(''), JSON.stringify(audit), JSON.stringify(await t.service.db.query('SELECT * FROM outbox')), JSON.stringify(await t.service.db.query('SELECT * FROM reset_tokens'))].join('\n');
    assert.ok(t.logs.length > 10, 'the log has lines to search');
    for (const secret of [token, password, csrf, token.slice(0, 20)]) assert.ok(!everything.includes(secret), `${secret.slice(0, 8)}… leaked`);
  });
});

describe('verify-password keeps the password, the signature and PORTAL_SECRET out of logs, the audit and errors', { skip: directoryKind !== 'tables' ? "verify-password checks the service's own accounts: a portal's directory (HTTP or SQL) has none, and PORTAL_SECRET beside one stops the start" : false }, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ LOG_LEVEL: 'trace', PORTAL_SECRET });
  });
  after(() => t.close());

  it('logs and audits valid, invalid, unsigned, forged, replayed and malformed calls without them', async () => {
    const password = 'Quartz Meadow Lantern 4096';
    await t.service.db.query('UPDATE accounts SET password_hash = $1 WHERE user_name = $2', [await hashPassword(password), 'happypaws']);
    const body = JSON.stringify({ userName: 'happypaws', password });
    const headers = signedHeaders(t.api, body, t.clock.now());
    const signatures = [headers['x-login-help-signature']!];
    const answers = [await rawVerifyCall(t.api, body, headers), await rawVerifyCall(t.api, body, headers), await rawVerifyCall(t.api, body, {})];
    const forged = signedHeaders(t.api, body, t.clock.now(), `${PORTAL_SECRET}-but-another`);
    signatures.push(forged['x-login-help-signature']!);
    answers.push(await rawVerifyCall(t.api, body, forged));
    answers.push(await verifyCall(t.api, 'happypaws', `${password} wrong`, t.clock.now()));
    const broken = `{"userName":"happypaws","password":"${password}"`;
    const brokenHeaders = signedHeaders(t.api, broken, t.clock.now());
    signatures.push(brokenHeaders['x-login-help-signature']!);
    answers.push(await rawVerifyCall(t.api, broken, brokenHeaders));
    assert.deepEqual(answers.map((answer) => answer.status), [200, 401, 401, 401, 200, 400]);

    const audit = await listAudit(t.service.db, new Date(0));
    assert.ok(audit.some((row) => row.form === 'verify-password' && row.outcome === 'valid'));
    const tables = await Promise.all(['sign_in_failures', 'portal_nonces'].map((table) => t.service.db.query(`SELECT * FROM ${table}`)));
    const everything = [t.logs.join(''), JSON.stringify(audit), JSON.stringify(tables), JSON.stringify(answers.map((answer) => answer.body))].join('\n');
    for (const secret of [password, PORTAL_SECRET, ...signatures, ...signatures.map((signature) => signature.slice(3, 23))]) assert.ok(!everything.includes(secret), `${secret.slice(0, 8)}… leaked`);
  });
});
