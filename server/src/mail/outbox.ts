// The durable outbox (the courier pattern): an email is stored in the same transaction as what
// caused it, and a worker delivers it afterwards, retrying with backoff for about a day, then
// marks it sent or dead. A message is claimed with FOR UPDATE SKIP LOCKED and a lease, so on a
// shared PostgreSQL each message goes to one worker, and a worker that dies hands it back when
// its lease ends.
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit.js';
import type { Clock } from '../clock.js';
import type { Database, Queryable } from '../db/database.js';
import type { MailTransport } from './transport.js';

/** An email to send, already rendered. */
export interface OutgoingEmail {
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
  requestId?: string | undefined;
}

/**
 * Waits before each retry: seconds at first, then minutes, then hours; 15 retries over about 23
 * hours, then the message is dead.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 21600].map((s) => s * 1000);

/** Stores an email in the outbox inside the caller's transaction. */
export async function enqueueEmail(tx: Queryable, email: OutgoingEmail, now: Date, messageDomain: string): Promise<void> {
  await tx.query(
    `INSERT INTO outbox (kind, recipient, subject, text_body, html_body, locale, message_id, request_id, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [email.kind, email.recipient, email.subject, email.text, email.html, email.locale, newMessageId(messageDomain), email.requestId ?? null, now],
  );
}

/** A new Message-ID under `domain`, fixed when the email is queued so every retry carries the same one. */
export const newMessageId = (domain: string): string => `<${randomUUID()}@${domain}>`;

/** The domain of MAIL_FROM's address, for Message-IDs. */
export function messageDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom);
  return match?.[1] ?? 'localhost';
}

interface OutboxRow {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  locale: string;
  message_id: string;
  request_id: string | null;
  attempts: number;
  created_at: Date;
}

/** How one try ended. */
export type DeliveryResult = 'sent' | 'retry' | 'dead';

/** What the worker needs. */
export interface OutboxWorkerOptions {
  db: Database;
  transport: MailTransport;
  clock: Clock;
  from: string;
  /** Waits between tries; its length is the number of retries. */
  schedule?: readonly number[];
  /** How long a claimed message stays with this worker before another may take it. */
  leaseMs?: number;
  /** How often the worker looks for due messages when nobody nudges it. */
  pollMs?: number;
  /** Told about each failed try (never the message body). */
  onError?: (error: unknown, context: { id: number; attempt: number; dead: boolean }) => void;
  /** Told how each try ended (for metrics). */
  onDelivery?: (result: DeliveryResult) => void;
}

/** A short, safe description of a delivery failure (SMTP code and first line only). */
export function describeFailure(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const first = String(e.message ?? error).split('\n', 1)[0]?.slice(0, 200);
  return [e.responseCode, e.code, first].filter((part) => part !== undefined && part !== '').join(' ');
}

/** Delivers what is due, in the background; `nudge` after an enqueue makes it look at once. */
export class OutboxWorker {
  readonly #options: Required<Omit<OutboxWorkerOptions, 'onError' | 'onDelivery'>> & Pick<OutboxWorkerOptions, 'onError' | 'onDelivery'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;

  constructor(options: OutboxWorkerOptions) {
    this.#options = { schedule: RETRY_SCHEDULE_MS, leaseMs: 120_000, pollMs: 1_000, ...options };
  }

  /** Starts polling. */
  start(): void {
    this.#stopped = false;
    this.nudge();
  }

  /** Looks for due messages now (or right after the pass in progress). */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#pass().finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.nudge();
      } else {
        this.#timer = setTimeout(() => this.nudge(), this.#options.pollMs);
        this.#timer.unref();
      }
    });
  }

  async #pass(): Promise<void> {
    try {
      while (!this.#stopped && (await this.runOnce()) > 0);
    } catch (error) {
      // The database is away: try again at the next poll.
      this.#options.onError?.(error, { id: 0, attempt: 0, dead: false });
    }
  }

  /** Stops polling and waits for the pass in progress (its sends finish and are recorded). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Claims the due messages (up to 10) and tries each once; resolves to how many it tried. */
  async runOnce(): Promise<number> {
    const { db, clock, leaseMs } = this.#options;
    const now = clock.now();
    const claimed = await db.transaction((tx) =>
      tx.query<OutboxRow>(
        `UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = $2
          WHERE id IN (SELECT id FROM outbox
                        WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
                        ORDER BY next_attempt_at, id LIMIT 10 FOR UPDATE SKIP LOCKED)
          RETURNING id, kind, recipient, subject, text_body, html_body, locale, message_id, request_id, attempts, created_at`,
        [now, new Date(now.getTime() + leaseMs)],
      ),
    );
    for (const [index, row] of claimed.entries()) {
      if (this.#stopped) {
        // Shutting down: hand the rest back at once instead of leaving them to their lease.
        const rest = claimed.slice(index).map((left) => left.id);
        await db.query(`UPDATE outbox SET status = 'pending', attempts = attempts - 1, lease_until = NULL WHERE id = ANY($1::int[]) AND status = 'sending'`, [rest]);
        break;
      }
      this.#options.onDelivery?.(await this.#deliver(row));
    }
    return claimed.length;
  }

  async #deliver(row: OutboxRow): Promise<DeliveryResult> {
    const { db, transport, clock, from, schedule } = this.#options;
    try {
      await transport.send({
        from,
        to: row.recipient,
        subject: row.subject,
        text: row.text_body ?? '',
        html: row.html_body ?? '',
        messageId: row.message_id,
        date: new Date(row.created_at),
        locale: row.locale,
      });
    } catch (error) {
      const dead = row.attempts > schedule.length;
      this.#options.onError?.(error, { id: row.id, attempt: row.attempts, dead });
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (dead) {
          await tx.query(`UPDATE outbox SET status = 'dead', lease_until = NULL, last_error = $2, text_body = NULL, html_body = NULL WHERE id = $1`, [row.id, describeFailure(error)]);
          await recordAudit(tx, now, { form: 'mail', value: `${row.kind} #${row.id}`, outcome: 'dead', requestId: row.request_id ?? undefined });
        } else {
          const wait = schedule[row.attempts - 1] ?? schedule.at(-1) ?? 60_000;
          await tx.query(`UPDATE outbox SET status = 'pending', lease_until = NULL, last_error = $2, next_attempt_at = $3 WHERE id = $1`, [row.id, describeFailure(error), new Date(now.getTime() + wait)]);
        }
      });
      return dead ? 'dead' : 'retry';
    }
    // Sent: the bodies (which hold the only clear copy of a reset token) are dropped.
    await db.query(`UPDATE outbox SET status = 'sent', sent_at = $2, lease_until = NULL, last_error = NULL, text_body = NULL, html_body = NULL WHERE id = $1`, [row.id, clock.now()]);
    return 'sent';
  }
}

/** Counts by status, and the age of the oldest waiting message (for `/readyz`, the CLI, metrics). */
export async function outboxSummary(db: Queryable, now: Date): Promise<{ pending: number; sending: number; sent: number; dead: number; oldestWaitingSeconds: number }> {
  const rows = await db.query<{ status: string; count: number; oldest: Date | null }>(`SELECT status, count(*)::int AS count, min(created_at) AS oldest FROM outbox GROUP BY status`);
  const count = (status: string): number => rows.find((row) => row.status === status)?.count ?? 0;
  const waiting = rows.filter((row) => (row.status === 'pending' || row.status === 'sending') && row.oldest).map((row) => new Date(row.oldest ?? 0).getTime());
  return {
    pending: count('pending'),
    sending: count('sending'),
    sent: count('sent'),
    dead: count('dead'),
    oldestWaitingSeconds: waiting.length > 0 ? Math.round((now.getTime() - Math.min(...waiting)) / 1000) : 0,
  };
}
