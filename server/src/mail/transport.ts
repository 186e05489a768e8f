// How a message leaves: over SMTP (SMTP_URL), or into the development mailbox. Both send the same
// MIME message (From, To, Subject, Date, Message-ID, text and HTML parts), built by mime.ts.
import { mimeMessage, type MailMessage } from './mime.js';
import { SmtpLink } from './smtp-link.js';

/** Delivers a message or throws; `close` frees connections. */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP with timeouts, so a slow server fails a try instead of hanging it. One connection, reused
 * from message to message (the worker sends one at a time): a new connection per message took
 * ~0.1 s here, which capped delivery near 9 emails/s (issue #24).
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const link = new SmtpLink(smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      await link.send(await mimeMessage(message));
    },
    close: () => link.close(),
  };
}

/** A message kept by the development mailbox. */
export interface MailboxMessage extends MailMessage {
  id: number;
}

/**
 * The MIME text SMTP would have carried, built when someone asks to see it: building each
 * message as it arrived cost the main thread ~0.12 ms an email, 8 ms a batch of 70 during a found
 * load, mostly for messages the mailbox dropped at once (issue #24). The Date and Message-ID are
 * the stored ones, so only the part boundary differs from one view to the next.
 */
export async function mailboxRaw(message: MailboxMessage): Promise<string> {
  const { id: _id, ...mail } = message;
  return (await mimeMessage(mail)).raw.toString('utf8').replace(/\r\n/g, '\n');
}

/**
 * How many messages the development mailbox keeps (the oldest go first): enough to find any
 * message of a test session; 2,000 held ~25 MiB after a load (issue #24, memory).
 */
export const MAILBOX_SIZE = 200;

/** The development mailbox: the messages SMTP would have carried, kept in memory for /dev/mailbox. */
export class DevMailbox implements MailTransport {
  readonly kind = 'mailbox' as const;
  readonly #messages: MailboxMessage[] = [];
  readonly #capacity: number;
  #next = 1;

  /** Keeps the newest `capacity` messages. */
  constructor(capacity = MAILBOX_SIZE) {
    this.#capacity = capacity;
  }

  send(message: MailMessage): Promise<void> {
    this.#messages.push({ ...message, id: this.#next++ });
    if (this.#messages.length > this.#capacity) this.#messages.shift();
    return Promise.resolve();
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
    // Nothing to free: the messages go with the mailbox.
  }
}
