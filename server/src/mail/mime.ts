// The MIME text of an outgoing email, built directly: the shape nodemailer's composer gives our
// emails (the same headers, a multipart/alternative of a plain-text and an HTML part, each 7bit,
// quoted-printable or base64 by the composer's own rule), with nodemailer's own encoders for
// header words and bodies. The composer's streams cost ~0.8 ms of CPU a message in the SMTP
// thread, most of what it spent on a message (issue #24, BENCHMARKS.md); this costs a few
// hundredths of that. An address that is not plain ASCII (an internationalised domain or mailbox)
// goes through the composer, which knows punycode and SMTPUTF8.
import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { encodeWord, encodeWords, foldLines, hasLongerLines, isPlainText, quoteString } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

/** One message as the outbox hands it over. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
  locale: string;
}

/** A message ready for SMTP: the envelope's addresses and the whole text, CRLF line ends. */
export interface MimeMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

/** The composer's choice of word encoding: quoted-printable when Latin letters outnumber the rest, else base64. */
export function wordEncoding(value: string): 'Q' | 'B' {
  let other = 0;
  let latin = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80 || (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d)) other++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  return other < latin ? 'Q' : 'B';
}

const ASCII_ADDRESS = /^[\x21-\x7e]+@[\x21-\x7e]+$/;

/** `Name <address>` as a header writes it: the name as is, quoted, or as encoded words. */
function formatMailbox(name: string, address: string): string {
  if (!name) return address;
  if (/^[\w ]*$/.test(name)) return `${name} <${address}>`;
  if (/^[\x20-\x7e]*$/.test(name)) return `${quoteString(name)} <${address}>`;
  return `${encodeWord(name, wordEncoding(name), 52)} <${address}>`;
}

/** An unstructured header's value (Subject): encoded words where it is not plain text. */
function headerText(value: string): string {
  const flat = value.replace(/\r?\n|\r/g, ' ');
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for (they must be encoded)
  return /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(flat) ? encodeWord(flat, wordEncoding(flat), 52) : encodeWords(flat, wordEncoding(flat), 52, true);
}

/** A text part: 7bit when it is plain with short lines, else quoted-printable or base64. */
function textPart(type: 'plain' | 'html', content: string): string {
  let encoding: string;
  let body: string;
  if (isPlainText(content) && !hasLongerLines(content, 76)) {
    encoding = '7bit';
    body = content;
  } else if (wordEncoding(content) === 'Q') {
    encoding = 'quoted-printable';
    body = qpWrap(qpEncode(content), 76);
  } else {
    encoding = 'base64';
    body = (Buffer.from(content, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\n');
  }
  return `Content-Type: text/${type}; charset=utf-8\nContent-Transfer-Encoding: ${encoding}\n\n${body}`;
}

/** The Date header's form of a time (RFC 5322, UTC). */
export const mailDate = (date: Date): string => date.toUTCString().replace(/GMT/, '+0000');

/** Builds the message directly, or through nodemailer's composer when an address is not plain ASCII. */
export async function mimeMessage(message: MailMessage): Promise<MimeMessage> {
  const [sender] = addressparser(message.from, { flatten: true });
  const from = sender?.address ?? '';
  if (!ASCII_ADDRESS.test(from) || !ASCII_ADDRESS.test(message.to)) return composed(message);
  const boundary = `--_LH-${randomBytes(8).toString('hex')}-Part_1`;
  const headers = [
    `Content-Language: ${message.locale}`,
    'Auto-Submitted: auto-generated',
    `From: ${formatMailbox(sender?.name ?? '', from)}`,
    `To: ${message.to}`,
    `Subject: ${headerText(message.subject)}`,
    `Message-ID: ${message.messageId}`,
    `Date: ${mailDate(message.date)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ].map((line) => foldLines(line, 76));
  const text = [headers.join('\n'), '', `--${boundary}`, textPart('plain', message.text), `--${boundary}`, textPart('html', message.html), `--${boundary}--`, ''].join('\n');
  return { envelope: { from, to: [message.to] }, raw: Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8') };
}

/** nodemailer's composer, for what the direct path does not take. */
async function composed(message: MailMessage): Promise<MimeMessage> {
  const mail = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    date: message.date,
    headers: { 'Content-Language': message.locale, 'Auto-Submitted': 'auto-generated' },
  }).compile();
  const envelope = mail.getEnvelope();
  return { envelope: { from: envelope.from || '', to: envelope.to }, raw: await mail.build() };
}
