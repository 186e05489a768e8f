// What a form request writes — its audit row and, when found, a reset token and an email — as
// ONE statement (a single statement is atomic: no BEGIN / COMMIT round trips), and group commit
// (db/group.ts): the requests that arrive while a statement runs go together in the next one,
// each answered once the statement holding its rows has committed (BENCHMARKS.md, issue #24).
import { AUDIT_COLUMNS, auditValues, type AuditEntry } from '../audit.js';
import { insertMany, type Columns } from '../db/columns.js';
import type { Database, Queryable } from '../db/database.js';
import { Group, groupPer } from '../db/group.js';
import { OUTBOX_COLUMNS, outboxValues, type OutgoingEmail } from '../mail/outbox.js';

/** One request's rows. */
export interface FormRows {
  at: Date;
  audit: AuditEntry;
  /** A reset token, stored only as its hash. */
  token?: { accountKey: string; tokenHash: string; expiresAt: Date } | undefined;
  email?: { message: OutgoingEmail; messageDomain: string } | undefined;
}

const TOKEN_COLUMNS: Columns = [
  ['account_key', 'text'],
  ['token_hash', 'text'],
  ['created_at', 'timestamptz'],
  ['expires_at', 'timestamptz'],
];

/** Where each table's column arrays start among the parameters (0-based). */
const TOKENS_FROM = AUDIT_COLUMNS.length;
const EMAILS_FROM = TOKENS_FROM + TOKEN_COLUMNS.length;
const ARRAYS = EMAILS_FROM + OUTBOX_COLUMNS.length;

const SQL = `
WITH audit_rows AS (${insertMany('audit', AUDIT_COLUMNS, 1)}),
     token_rows AS (${insertMany('reset_tokens', TOKEN_COLUMNS, TOKENS_FROM + 1)})
${insertMany('outbox', OUTBOX_COLUMNS, EMAILS_FROM + 1)}`;

/** The parameters of SQL for these requests' rows (column arrays). */
function parameters(batch: readonly FormRows[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: ARRAYS }, () => []);
  const add = (from: number, values: unknown[]): void => values.forEach((value, n) => columns[from + n]?.push(value));
  for (const rows of batch) {
    const at = rows.at.toISOString();
    const { token, email } = rows;
    add(0, auditValues(at, rows.audit));
    if (token) add(TOKENS_FROM, [token.accountKey, token.tokenHash, at, token.expiresAt.toISOString()]);
    if (email) add(EMAILS_FROM, outboxValues(email.message, at, email.messageDomain));
  }
  return columns;
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
