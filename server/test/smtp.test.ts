// Mail end to end through a real SMTP server on loopback (smtp-server, read back by mailparser):
// the headers and both parts, names in any script, and an SMTP server that goes away and comes
// back (the answer stays fast and "sent"; the message is delivered exactly once).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeOutbox } from '../src/admin/reports.js';
import { startTestService, type TestService } from './helpers/service.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

describe('SMTP delivery', () => {
  let smtp: TestSmtp;
  let t: TestService;
  before(async () => {
    smtp = await startSmtp();
    t = await startTestService({ SMTP_URL: smtp.url, MAIL_FROM: 'Happy Paws Login Help <help@happypaws.example>', RESET_URL: 'https://portal.example/reset' }, { retrySchedule: [1000, 2000] });
    await t.directory.import('practice,email,user_name,active\nClínica Núñez,nunez@clinics.example,nunez,true\nعيادة علي,ali@clinics.example,ali,true');
  });
  after(async () => {
    await t.close();
    await smtp.stop();
  });

  it('sends From, To, Subject, Date, Message-ID, a text and an HTML part, and the link', async () => {
    const answer = await t.post('/password-help', { userName: 'happypaws', requestedBy: 'Dra. Núñez' });
    assert.equal(answer.status, 200);
    const [mail] = await smtp.waitFor(1);
    assert.equal(mail!.from?.value[0]?.address, 'help@happypaws.example');
    assert.equal(mail!.from?.value[0]?.name, 'Happy Paws Login Help');
    assert.equal((Array.isArray(mail!.to) ? mail!.to[0] : mail!.to)?.value[0]?.address, 'frontdesk@happypaws.example');
    assert.equal(mail!.subject, 'Reset Your Password');
    assert.ok(mail!.date instanceof Date && Math.abs(mail!.date.getTime() - Date.now()) < 60_000);
    assert.match(mail!.messageId ?? '', /^<[0-9a-f-]{36}@happypaws\.example>$/);
    assert.match(mail!.text ?? '', /Dra\. Núñez/);
    assert.match(String(mail!.html), /Dra\. Núñez/);
    const link = /https:\/\/portal\.example\/reset#token=[A-Za-z0-9_-]{43}/.exec(mail!.text ?? '')?.[0];
    assert.ok(link);
    assert.ok(String(mail!.html).includes(`href="${link}"`));
  });

  it('keeps Arabic and Spanish names intact and writes in the language asked for', async () => {
    const before = smtp.received.length;
    await t.post('/password-help', { userName: 'ali', requestedBy: 'د. علي' }, { 'Accept-Language': 'ar' });
    await t.post('/forgot-username', { email: 'nunez@clinics.example' }, { 'Accept-Language': 'es-MX,es;q=0.9' });
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const arabic = mails.find((m) => m.text?.includes('د. علي'));
    const spanish = mails.find((m) => m.text?.includes('Clínica Núñez'));
    assert.ok(arabic, 'the Arabic name arrives intact');
    assert.ok(String(arabic!.html).includes('د. علي'));
    assert.match(String(arabic!.html), /dir="rtl"/);
    assert.ok(spanish, 'the Spanish practice name arrives intact');
    assert.notEqual(spanish!.subject, 'Forgot User Name Request');
    assert.equal(spanish!.headers.get('content-language'), 'es');
  });

  it('answers "sent" at once while SMTP is down, then delivers exactly once when it is back', async () => {
    await smtp.stop();
    const before = smtp.received.length;
    const answer = await t.post('/forgot-username', { email: 'frontdesk@happypaws.example' });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'sent' });
    // The worker tries, fails, and schedules a retry; the message waits in the outbox.
    let row: { status: string; attempts: number } | undefined;
    for (let i = 0; i < 200; i++) {
      [row] = await t.service.db.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM outbox ORDER BY id DESC LIMIT 1`);
      if (row?.status === 'pending' && row.attempts >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.equal(row?.status, 'pending');
    assert.ok(row!.attempts >= 1);
    await smtp.restart();
    t.clock.advance(1500);
    await t.drainOutbox();
    const mails = await smtp.waitFor(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(mails.length, before + 1, 'delivered once');
    assert.equal(mails.at(-1)!.subject, 'Forgot User Name Request');
    const [sent] = await t.service.db.query<{ status: string; text_body: string | null }>(`SELECT status, text_body FROM outbox ORDER BY id DESC LIMIT 1`);
    assert.equal(sent!.status, 'sent');
    assert.equal(sent!.text_body, null, 'the body is dropped once sent');
  });

  it('marks a message dead after its last try and records it in the audit', async () => {
    await smtp.stop();
    await t.post('/forgot-username', { email: 'frontdesk@happypaws.example' });
    for (let i = 0; i < 3; i++) {
      await t.drainOutbox();
      t.clock.advance(2500);
    }
    await t.drainOutbox();
    const [row] = await t.service.db.query<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM outbox ORDER BY id DESC LIMIT 1`);
    assert.equal(row!.status, 'dead');
    assert.equal(row!.attempts, 3);
    assert.match(row!.last_error, /ECONNREFUSED/);
    const audit = await t.service.db.query<{ outcome: string }>(`SELECT outcome FROM audit WHERE form = 'mail'`);
    assert.deepEqual(audit.map((a) => a.outcome), ['dead']);
    await smtp.restart();
  });
});

describe('SMTP temporary failures (4xx)', () => {
  let failing = true;
  let smtp: TestSmtp;
  let t: TestService;
  before(async () => {
    smtp = await startSmtp({ reject: () => (failing ? 451 : undefined) });
    t = await startTestService({ SMTP_URL: smtp.url }, { retrySchedule: [1000, 60_000] });
  });
  after(async () => {
    await t.close();
    await smtp.stop();
  });

  it('retries a 451 after the backoff and then delivers once', async () => {
    await t.post('/forgot-username', { email: 'frontdesk@happypaws.example' });
    await t.drainOutbox();
    const [row] = await t.service.db.query<{ status: string; last_error: string }>(`SELECT status, last_error FROM outbox`);
    assert.equal(row!.status, 'pending');
    assert.match(row!.last_error, /451/);
    failing = false;
    await t.drainOutbox();
    assert.equal(smtp.received.length, 0, 'not before its time');
    t.clock.advance(1000);
    await t.drainOutbox();
    assert.equal((await smtp.waitFor(1)).length, 1);
  });
});

describe('SMTP permanent failures (5xx)', () => {
  let smtp: TestSmtp;
  let t: TestService;
  before(async () => {
    smtp = await startSmtp({ reject: () => 550 });
    t = await startTestService({ SMTP_URL: smtp.url }, { retrySchedule: [1000, 2000] });
  });
  after(async () => {
    await t.close();
    await smtp.stop();
  });

  it('retries a 550 through its schedule, then marks it dead, in the audit and in `login-help-server outbox`', async () => {
    await t.post('/forgot-username', { email: 'frontdesk@happypaws.example' });
    for (let i = 0; i < 3; i++) {
      await t.drainOutbox();
      t.clock.advance(2000);
    }
    await t.drainOutbox();
    const [row] = await t.service.db.query<{ status: string; attempts: number; last_error: string }>('SELECT status, attempts, last_error FROM outbox');
    assert.equal(row!.status, 'dead');
    assert.equal(row!.attempts, 3);
    assert.match(row!.last_error, /^550 /);
    const audit = await t.service.db.query<{ outcome: string; value: string }>(`SELECT outcome, value FROM audit WHERE form = 'mail'`);
    assert.deepEqual(audit.map((a) => a.outcome), ['dead']);
    const out = (await describeOutbox(t.service.db, t.clock.now())).join('\n');
    assert.match(out, /dead 1/);
    assert.match(out, /dead #\d+\tforgot-username\tfrontdesk@happypaws\.example\t3 tries\t.*550/);
  });
});
