// The MIME text built by mime.ts, read back by mailparser (as a mail client would), for every
// email in every language, beside what nodemailer's composer made of the same message before
// (issue #24): the same headers, parts and words arrive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { EMAIL_LOCALES } from '../src/i18n/negotiate.js';
import { mimeMessage, wordEncoding, type MailMessage } from '../src/mail/mime.js';
import { renderEmail, type EmailData, type EmailKind } from '../src/mail/templates/index.js';

const DATA: { [K in EmailKind]: EmailData[K] } = {
  'forgot-username': { email: 'frontdesk@happypaws.example', logins: [{ practiceName: 'Clínica Núñez', userName: 'nunez' }, { practiceName: 'عيادة علي', userName: 'ali' }] },
  'reset-password': { practiceName: 'Happy Paws Veterinary Clinic', userName: 'happypaws', requestedBy: 'Dr. Jane Doe', link: `https://clinic.example/reset#token=${'Zm9v'.repeat(11)}`, ttlMinutes: 60 },
  'password-changed': { practiceName: 'Happy Paws', userName: 'happypaws', changedAt: new Date(Date.UTC(2025, 10, 30, 20, 16)), helpEmail: 'help@clinic.example' },
};

const message = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  from: 'Login Help <no-reply@clinic.example>',
  to: 'frontdesk@happypaws.example',
  subject: 'Reset Your Password',
  text: 'Hello.\n',
  html: '<p>Hello.</p>',
  messageId: '<0b6c2f4e-7d7e-4d59-9a39-1c1b2d9a8e01@clinic.example>',
  date: new Date(Date.UTC(2026, 11, 6, 19, 30, 5)),
  locale: 'en',
  ...overrides,
});

/** What nodemailer's composer made of a message (the path before issue #24's third slice). */
const composed = (input: MailMessage): Promise<Buffer> =>
  new MailComposer({ ...input, headers: { 'Content-Language': input.locale, 'Auto-Submitted': 'auto-generated' } }).compile().build();

/** The fields a reader sees. */
function seen(mail: ParsedMail): Record<string, unknown> {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return {
    from: mail.from?.value,
    to: to?.value,
    subject: mail.subject,
    messageId: mail.messageId,
    date: mail.date?.toISOString(),
    text: mail.text,
    html: mail.html,
    language: mail.headers.get('content-language'),
    autoSubmitted: mail.headers.get('auto-submitted'),
  };
}

async function assertSameAsComposer(input: MailMessage): Promise<ParsedMail> {
  const built = await mimeMessage(input);
  const text = built.raw.toString('utf8');
  assert.ok(!/(^|[^\r])\n/.test(text), 'every line ends in CRLF');
  assert.ok(text.split('\r\n').every((line) => line.length <= 998), 'no line is longer than SMTP allows');
  assert.ok(built.raw.every((byte) => byte < 0x80), 'ASCII only: any other byte is encoded');
  const theirs = await composed(input);
  const encodings = (raw: string): string[] => raw.match(/^Content-Transfer-Encoding: .*$/gim) ?? [];
  assert.deepEqual(encodings(text), encodings(theirs.toString('utf8')), 'each part encoded as the composer chose');
  const mine = await simpleParser(built.raw);
  assert.deepEqual(seen(mine), seen(await simpleParser(theirs)));
  return mine;
}

describe('MIME messages', () => {
  it('carries every email in every language as the composer did: headers, both parts, every word', async () => {
    for (const locale of EMAIL_LOCALES) {
      for (const kind of Object.keys(DATA) as EmailKind[]) {
        const email = renderEmail(kind, DATA[kind], locale);
        const mail = await assertSameAsComposer(message({ subject: email.subject, text: email.text, html: email.html, locale: email.locale }));
        assert.equal(mail.subject, email.subject, `${kind} in ${locale}: the subject`);
        assert.equal(mail.text?.trim(), email.text.trim(), `${kind} in ${locale}: the text part`);
        assert.equal(String(mail.html).trim(), email.html.trim(), `${kind} in ${locale}: the HTML part`);
      }
    }
  });

  it('writes the envelope from the addresses, and the sender name as is, quoted or encoded', async () => {
    for (const from of ['no-reply@clinic.example', 'Login Help <no-reply@clinic.example>', 'Happy Paws, "North" <help@clinic.example>', 'Clínica Núñez <help@clinic.example>', 'عيادة علي <help@clinic.example>']) {
      const mail = await assertSameAsComposer(message({ from }));
      assert.equal(mail.from?.value[0]?.address, from.replace(/.*</, '').replace(/>$/, ''));
    }
    assert.deepEqual((await mimeMessage(message())).envelope, { from: 'no-reply@clinic.example', to: ['frontdesk@happypaws.example'] });
  });

  it('keeps long lines, lines of dots, long links and control characters readable and intact', async () => {
    const long = `See https://clinic.example/reset#token=${'A'.repeat(200)} now.`;
    await assertSameAsComposer(message({ text: `${long}\n.\n..leading dots\n`, html: `<p>${long}</p>\n.\n` }));
    await assertSameAsComposer(message({ subject: `A very long subject ${'word '.repeat(40)}end` }));
    await assertSameAsComposer(message({ subject: 'Tab\tand bell\u0007 here', text: 'x\u0007y\n' }));
    await assertSameAsComposer(message({ subject: 'Line\r\nbreak', text: 'windows\r\nline ends\r\n' }));
  });

  it('hands an address that is not plain ASCII to the composer (punycode, SMTPUTF8)', async () => {
    const built = await mimeMessage(message({ to: 'front@bücher.example' }));
    assert.deepEqual(built.envelope.to, ['front@xn--bcher-kva.example']);
    const mail = await simpleParser(built.raw);
    assert.equal(mail.subject, 'Reset Your Password');
  });

  it('picks quoted-printable for mostly Latin text and base64 for the rest, as the composer does', () => {
    assert.equal(wordEncoding('Restablezca su contraseña'), 'Q');
    assert.equal(wordEncoding('اپنا پاس ورڈ'), 'B');
    assert.equal(wordEncoding(''), 'B');
  });
});
