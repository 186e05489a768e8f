// What a form request writes — its audit row and, when found, a reset token and an email — as
// ONE statement (a single statement is atomic: no BEGIN / COMMIT round trips), and group commit
// (db/group.ts): the requests that arrive while a statement runs go together in the next one,
// each answered once the statement holding its rows has committed (BENCHMARKS.md, issue #24).
import { clip, type AuditEntry } from '../audit.js';
import type { Database, Queryable } from '../db/database.js';
import { Group, groupPer } from '../db/group.js';
import { newMessageId, type OutgoingEmail } from '../mail/outbox.js';

/** One request's rows. */
export interface FormRows {
  at: Date;
  audit: AuditEntry;
  /** A reset token, stored only as its hash. */
  token?: { accountKey: string; tokenHash: string; expiresAt: Date } | undefined;
  email?: { message: OutgoingEmail; messageDomain: string } | undefined;
}

const SQL = `
WITH audit_rows AS (
  INSERT INTO audit (at, form, value, requested_by, outcome, client, request_id)
  SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
), token_rows AS (
  INSERT INTO reset_tokens (account_key, token_hash, created_at, expires_at)
  SELECT * FROM unnest($8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[])
)
INSERT INTO outbox (kind, recipient, subject, text_body, html_body, locale, message_id, request_id, next_attempt_at, created_at)
SELECT kind, recipient, subject, text_body, html_body, locale, message_id, request_id, at, at
  FROM unnest($12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::timestamptz[])
       AS e (kind, recipient, subject, text_body, html_body, locale, message_id, request_id, at)`;

/** The parameters of SQL for these requests' rows (column arrays). */
function parameters(batch: readonly FormRows[]): unknown[] {
  const columns: unknown[][] = Array.from({ length: 20 }, () => []);
  const add = (from: number, values: unknown[]): void => values.forEach((value, n) => columns[from + n]?.push(value));
  for (const rows of batch) {
    const at = rows.at.toISOString();
    const { audit, token, email } = rows;
    add(0, [at, audit.form, clip(audit.value), clip(audit.requestedBy), audit.outcome, audit.client ?? null, audit.requestId ?? null]);
    if (token) add(7, [token.accountKey, token.tokenHash, at, token.expiresAt.toISOString()]);
    if (email) {
      const { message } = email;
      add(11, [message.kind, message.recipient, message.subject, message.text, message.html, message.locale, newMessageId(email.messageDomain), message.requestId ?? null, at]);
    }
  }
  return columns.slice(0, 20);
}

/** Writes these requests' rows in one statement (on a database or inside a transaction). */
export async function writeFormRows(db: Queryable, batch: readonly FormRows[]): Promise<void> {
  await db.query(SQL, parameters(batch));
}

const writers = groupPer((db: Database) => new Group<FormRows, void>(async (batch) => {
  await writeFormRows(db, batch);
  return [];
}));

/** Stores one request's rows with those of the requests around it; resolves once they are committed. */
export function writeForm(db: Database, rows: FormRows): Promise<void> {
  return writers(db).add(rows);
}
