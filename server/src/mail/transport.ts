// How a message leaves: nodemailer over SMTP (SMTP_URL), or into the development mailbox.
// Both build the same MIME message (From, To, Subject, Date, Message-ID, text and HTML parts).
import nodemailer, { type SendMailOptions } from 'nodemailer';

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

/** Delivers a message or throws; `close` frees connections. */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

function toNodemailer(message: MailMessage): SendMailOptions {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    date: message.date,
    headers: { 'Content-Language': message.locale, 'Auto-Submitted': 'auto-generated' },
  };
}

/**
 * SMTP through nodemailer, with timeouts so a slow server fails a try instead of hanging it. One
 * pooled connection, reused from message to message (the worker sends one at a time): a new
 * connection per message took ~0.1 s here, which capped delivery near 9 emails/s (issue #24).
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 1, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail(toNodemailer(message));
    },
    close: () => transporter.close(),
  };
}

/** A message kept by the development mailbox. */
export interface MailboxMessage extends MailMessage {
  id: number;
  raw: string;
}

/**
 * How many messages the development mailbox keeps (the oldest go first): enough to find any
 * message of a test session; 2,000 held ~25 MiB after a load (issue #24, memory).
 */
export const MAILBOX_SIZE = 200;

/** The development mailbox: the messages nodemailer built, kept in memory for /dev/mailbox. */
export class DevMailbox implements MailTransport {
  readonly kind = 'mailbox' as const;
  readonly #messages: MailboxMessage[] = [];
  readonly #transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  readonly #capacity: number;
  #next = 1;

  /** Keeps the newest `capacity` messages. */
  constructor(capacity = MAILBOX_SIZE) {
    this.#capacity = capacity;
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.#transporter.sendMail(toNodemailer(message));
    const raw = Buffer.isBuffer(info.message) ? info.message.toString('utf8') : String(info.message);
    this.#messages.push({ ...message, id: this.#next++, raw });
    if (this.#messages.length > this.#capacity) this.#messages.shift();
  }

  /** Every message, newest first. */
  list(): MailboxMessage[] {
    return [...this.#messages].reverse();
  }

  /** One message by its mailbox number. */
  get(id: number): MailboxMessage | undefined {
    return this.#messages.find((message) => message.id === id);
  }

  close(): void {
    this.#transporter.close();
  }
}
