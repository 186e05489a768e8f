// The audit trail (SPEC §9): every request, with time, form, value entered, Requested By, outcome,
// client address and request id. Never a token or a password.
import { insertOne, type Columns } from './db/columns.js';
import type { Queryable } from './db/database.js';

/** One audit row as written. */
export interface AuditEntry {
  form: string;
  value?: string | undefined;
  requestedBy?: string | undefined;
  outcome: string;
  client?: string | undefined;
  requestId?: string | undefined;
}

/** One audit row as read back. */
export interface AuditRow extends AuditEntry {
  id: number;
  at: Date;
}

/** Longest value kept: hostile input is recorded, not stored whole. */
const KEEP = 256;

export const clip = (text: string | undefined): string | null => (text === undefined ? null : [...text].slice(0, KEEP).join(''));

/** The audit table's columns as written. */
export const AUDIT_COLUMNS: Columns = [
  ['at', 'timestamptz'],
  ['form', 'text'],
  ['value', 'text'],
  ['requested_by', 'text'],
  ['outcome', 'text'],
  ['client', 'text'],
  ['request_id', 'text'],
];

/** One entry's values, in AUDIT_COLUMNS' order. */
export function auditValues(at: Date | string, entry: AuditEntry): unknown[] {
  return [at, entry.form, clip(entry.value), clip(entry.requestedBy), entry.outcome, entry.client ?? null, entry.requestId ?? null];
}

const INSERT = insertOne('audit', AUDIT_COLUMNS);

/** Records one entry. */
export async function recordAudit(db: Queryable, at: Date, entry: AuditEntry): Promise<void> {
  await db.query(INSERT, auditValues(at, entry));
}

/** The entries since `since`, oldest first. */
export async function listAudit(db: Queryable, since: Date): Promise<AuditRow[]> {
  const rows = await db.query<{ id: number; at: Date; form: string; value: string | null; requested_by: string | null; outcome: string; client: string | null; request_id: string | null }>(
    'SELECT id, at, form, value, requested_by, outcome, client, request_id FROM audit WHERE at >= $1 ORDER BY at, id',
    [since],
  );
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at),
    form: row.form,
    value: row.value ?? undefined,
    requestedBy: row.requested_by ?? undefined,
    outcome: row.outcome,
    client: row.client ?? undefined,
    requestId: row.request_id ?? undefined,
  }));
}

/** Parses `--since` (`90s`, `15m`, `1h`, `7d`, or an ISO date) into a time before `now`. */
export function parseSince(text: string, now: Date): Date | undefined {
  const span = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (span) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[span[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now.getTime() - Number(span[1]) * unit);
  }
  const date = new Date(text);
  return /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(date.getTime()) ? date : undefined;
}
