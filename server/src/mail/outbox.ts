// The durable outbox (the courier pattern): an email is stored in the same transaction as what
// caused it, and a worker delivers it afterwards, retrying with backoff for about a day, then
// marks it sent or dead. Messages are claimed in batches with FOR UPDATE SKIP LOCKED and a lease,
// so on a shared PostgreSQL each message goes to one worker, and a worker that dies hands its
// batch back when the lease ends. A batch is sent one message at a time, each marked sent before
// the next goes (over SMTP from a thread of its own: smtp-thread.ts), so a crash sends at most
// the one message in flight twice.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.js';
import { insertOne, type Columns } from '../db/columns.js';
import type { Database, Queryable } from '../db/database.js';
import { inProcessSender, type BatchSender } from './batch-sender.js';
import { describeFailure } from './failure.js';
import { claimDue, handBack, recordFailure, type OutboxRow } from './outbox-rows.js';
import { applyLeftJournals } from './sent-journal.js';
import { threadSender } from './thread-sender.js';
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

/** The outbox's columns as a new email is written. */
export const OUTBOX_COLUMNS: Columns = [
  ['kind', 'text'],
  ['recipient', 'text'],
  ['subject', 'text'],
  ['text_body', 'text'],
  ['html_body', 'text'],
  ['locale', 'text'],
  ['message_id', 'text'],
  ['request_id', 'text'],
  ['next_attempt_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
];

/** A new email's values, in OUTBOX_COLUMNS' order: due at once, with a new Message-ID. */
export function outboxValues(email: OutgoingEmail, now: Date | string, messageDomain: string): unknown[] {
  return [email.kind, email.recipient, email.subject, email.text, email.html, email.locale, newMessageId(messageDomain), email.requestId ?? null, now, now];
}

const INSERT = insertOne('outbox', OUTBOX_COLUMNS);

/** Stores an email in the outbox inside the caller's transaction. */
export async function enqueueEmail(tx: Queryable, email: OutgoingEmail, now: Date, messageDomain: string): Promise<void> {
  await tx.query(INSERT, outboxValues(email, now, messageDomain));
}

/** A new Message-ID under `domain`, fixed when the email is queued so every retry carries the same one. */
export const newMessageId = (domain: string): string => `<${randomUUID()}@${domain}>`;

/** The domain of MAIL_FROM's address, for Message-IDs. */
export function messageDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom);
  return match?.[1] ?? 'localhost';
}

/** How one try ended. */
export type DeliveryResult = 'sent' | 'retry' | 'dead';

/** What the worker needs. */
export interface OutboxWorkerOptions {
  db: Database;
  /** Sends in the main thread (the development mailbox), unless `smtpUrl` is given. */
  transport: MailTransport;
  /** Sends over SMTP from a worker thread instead (the claims and failures stay here). */
  smtpUrl?: string;
  clock: Clock;
  from: string;
  /** Waits between tries; its length is the number of retries. */
  schedule?: readonly number[];
  /** How long a claimed message stays with this worker before another may take it. */
  leaseMs?: number;
  /** How often the worker looks for due messages when nobody nudges it. */
  pollMs?: number;
  /** How many due messages one claim takes (default 100). */
  batchSize?: number;
  /**
   * After a claim that was not full, how long the next waits for more to come due (default 50 ms):
   * under a steady load, claims of a few rows each, one after the other, kept the embedded
   * database's one connection busy (a few ms a claim) from the requests (issue #24).
   */
  gatherMs?: number;
  /** Told about each failed try (never the message body). */
  onError?: (error: unknown, context: { id: number; attempt: number; dead: boolean }) => void;
  /** Told how each try ended (for metrics). */
  onDelivery?: (result: DeliveryResult) => void;
}

/** Delivers what is due, in the background; `nudge` after an enqueue makes it look at once. */
export class OutboxWorker {
  readonly #options: Required<Omit<OutboxWorkerOptions, 'onError' | 'onDelivery' | 'smtpUrl'>> & Pick<OutboxWorkerOptions, 'onError' | 'onDelivery'>;
  readonly #sender: BatchSender;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #recovered: Promise<void> | undefined;
  #again = false;
  /** A pass is due once the gathering wait ends: nudges until then change nothing. */
  #gathering = false;
  #stopped = true;

  constructor(options: OutboxWorkerOptions) {
    this.#options = { schedule: RETRY_SCHEDULE_MS, leaseMs: 120_000, pollMs: 1_000, batchSize: 100, gatherMs: 50, ...options };
    const { db, transport, clock, from } = this.#options;
    const folder = db.kind === 'pglite' ? db.lock?.folder : undefined;
    const threaded = options.smtpUrl ? threadSender({ smtpUrl: options.smtpUrl, from, db, clock, ...(folder ? { journalFolder: folder } : {}) }) : undefined;
    this.#sender = threaded ?? inProcessSender(db, transport, clock, from);
  }

  /** Starts polling. */
  start(): void {
    this.#stopped = false;
    this.nudge();
  }

  /** Looks for due messages now (or right after the pass in progress). */
  nudge(): void {
    if (this.#stopped || this.#gathering) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#pass().finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        // Nudged during the pass: look again once a few more messages may have come due.
        this.#again = false;
        this.#gathering = true;
        this.#timer = setTimeout(() => {
          this.#gathering = false;
          this.nudge();
        }, this.#options.gatherMs);
        this.#timer.unref();
      } else {
        this.#timer = setTimeout(() => this.nudge(), this.#options.pollMs);
        this.#timer.unref();
      }
    });
  }

  async #pass(): Promise<void> {
    // One batch ahead: the next is claimed and posted while this one is sent, so the SMTP thread
    // does not wait for the main thread's turns between batches. A sender sends its batches one
    // after the other, one message at a time.
    // A batch that met a problem (the database, the thread) ends the pass: the next poll tries again.
    let ahead: Promise<boolean> = Promise.resolve(true);
    try {
      while (!this.#stopped) {
        const claimed = await this.#claim();
        if (claimed.length === 0) break;
        const delivering = this.#deliver(claimed).catch((error: unknown) => {
          this.#options.onError?.(error, { id: 0, attempt: 0, dead: false });
          return false;
        });
        const fine = await ahead;
        ahead = delivering;
        if (!fine) break;
        if (claimed.length < this.#options.batchSize) await sleep(this.#options.gatherMs);
      }
    } catch (error) {
      // The database is away: try again at the next poll.
      this.#options.onError?.(error, { id: 0, attempt: 0, dead: false });
    }
    await ahead;
  }

  /** Stops polling; the message in flight finishes and is recorded, the rest of its batch is handed back. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#gathering = false;
    clearTimeout(this.#timer);
    this.#sender.interrupt();
    await this.#running;
    await this.#sender.close();
  }

  /** Claims a batch of due messages and tries each once; resolves to how many it claimed. */
  async runOnce(): Promise<number> {
    const claimed = await this.#claim();
    if (claimed.length > 0) await this.#deliver(claimed);
    return claimed.length;
  }

  async #claim(): Promise<OutboxRow[]> {
    const { db, clock, leaseMs, batchSize } = this.#options;
    this.#recovered ??= recoverFromCrash(db).catch((error: unknown) => {
      this.#recovered = undefined;
      throw error;
    });
    await this.#recovered;
    // Nothing sent may be claimed again: what a finished batch sent is recorded first.
    await this.#sender.prepare();
    return claimDue(db, clock.now(), leaseMs, batchSize);
  }

  /** Sends a claimed batch and records how it went; resolves to false when a problem cut it short. */
  async #deliver(claimed: OutboxRow[]): Promise<boolean> {
    const { db, clock, leaseMs, schedule } = this.#options;
    // No message starts after half the lease: the last one's send must end before the lease does.
    const report = await this.#sender.send(claimed, { deadline: Date.now() + leaseMs / 2, stopped: () => this.#stopped });
    const rows = new Map(claimed.map((row) => [row.id, row]));
    for (const { id, error } of report.failed) {
      const row = rows.get(id);
      if (!row) continue;
      const result = await recordFailure(db, row, describeFailure(error), clock.now(), schedule);
      this.#options.onError?.(error, { id, attempt: row.attempts, dead: result === 'dead' });
      this.#options.onDelivery?.(result);
    }
    for (let i = 0; i < report.sent.length; i++) this.#options.onDelivery?.('sent');
    await handBack(db, report.unsent);
    if (report.problem === undefined) return true;
    this.#options.onError?.(report.problem, { id: 0, attempt: 0, dead: false });
    return false;
  }
}

/**
 * Once, before the first claim on an embedded database in a folder: marks what the journals of a
 * process that died had sent, then makes what it still held due at once (one process per folder,
 * so no lease there belongs to anyone alive).
 */
async function recoverFromCrash(db: Database): Promise<void> {
  const folder = db.kind === 'pglite' ? db.lock?.folder : undefined;
  if (!folder) return;
  await applyLeftJournals(db, folder);
  await db.query(`UPDATE outbox SET status = 'pending', lease_until = NULL WHERE status = 'sending'`);
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
