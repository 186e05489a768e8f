// The statements the outbox worker runs on the `outbox` table, in one place: the main thread
// claims batches, records failures and hands back what it did not try; the "sent" mark also runs
// in the SMTP thread on PostgreSQL (smtp-thread.ts) and after a journal is read (sent-journal.ts),
// so every path marks a message sent with the same SQL.
import { recordAudit } from '../audit.js';
import type { Database, Queryable } from '../db/database.js';
import type { MailMessage } from './mime.js';

/** A claimed message, as the claim returns it. */
export interface OutboxRow {
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

/** A message the mail server accepted, and when (ms since the epoch, on the worker's clock). */
export interface SentMark {
  id: number;
  at: number;
}

/**
 * Claims up to `limit` due messages (pending and due, or sending with a lapsed lease) for
 * `leaseMs`, counting a try on each. A claim sends nothing: it is a lease, and a lease that
 * lapses (this process died) lets the message be claimed again.
 */
export function claimDue(db: Queryable, now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
  // One statement is its own transaction: no BEGIN / COMMIT round trips around it.
  return db.query<OutboxRow>(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = $2
      WHERE id IN (SELECT id FROM outbox
                    WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
                    ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, recipient, subject, text_body, html_body, locale, message_id, request_id, attempts, created_at`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
}

/** The message as a transport sends it. */
export function messageOf(row: OutboxRow, from: string): MailMessage {
  return {
    from,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body ?? '',
    html: row.html_body ?? '',
    messageId: row.message_id,
    date: new Date(row.created_at),
    locale: row.locale,
  };
}

/** Marks messages sent in one statement; their bodies (the only clear copy of a reset token) go. */
export async function markSent(db: Queryable, marks: readonly SentMark[]): Promise<void> {
  if (marks.length === 0) return;
  await db.query(
    `UPDATE outbox AS o SET status = 'sent', sent_at = m.at, lease_until = NULL, last_error = NULL, text_body = NULL, html_body = NULL
       FROM unnest($1::int[], $2::timestamptz[]) AS m(id, at) WHERE o.id = m.id`,
    [marks.map((mark) => mark.id), marks.map((mark) => new Date(mark.at).toISOString())],
  );
}

/** Gives claimed messages that were not tried back, their try uncounted. */
export async function handBack(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`UPDATE outbox SET status = 'pending', attempts = attempts - 1, lease_until = NULL WHERE id = ANY($1::int[]) AND status = 'sending'`, [ids]);
}

/**
 * Records a failed try: due again after its wait in `schedule`, or dead (bodies dropped, an audit
 * row) once the schedule is spent. A failed message was not sent, so this adds no duplicate.
 */
export async function recordFailure(db: Database, row: OutboxRow, failure: string, now: Date, schedule: readonly number[]): Promise<'retry' | 'dead'> {
  const dead = row.attempts > schedule.length;
  await db.transaction(async (tx) => {
    if (dead) {
      await tx.query(`UPDATE outbox SET status = 'dead', lease_until = NULL, last_error = $2, text_body = NULL, html_body = NULL WHERE id = $1`, [row.id, failure]);
      await recordAudit(tx, now, { form: 'mail', value: `${row.kind} #${row.id}`, outcome: 'dead', requestId: row.request_id ?? undefined });
    } else {
      const wait = schedule[row.attempts - 1] ?? schedule.at(-1) ?? 60_000;
      await tx.query(`UPDATE outbox SET status = 'pending', lease_until = NULL, last_error = $2, next_attempt_at = $3 WHERE id = $1`, [row.id, failure, new Date(now.getTime() + wait)]);
    }
  });
  return dead ? 'dead' : 'retry';
}
