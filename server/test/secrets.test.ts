// No token, password or CSRF token reaches a log line, the audit or an error answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAudit } from '../src/audit.js';
import { startTestService, type TestService } from './helpers/service.js';

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
