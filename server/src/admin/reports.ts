// What `login-help-server audit` and `outbox` print, as lines: computed from an open database,
// either by the command itself or, beside a running service on the embedded database, by the
// service on the command's behalf (admin-socket.ts).
import { listAudit, type AuditRow } from '../audit.js';
import type { Database } from '../db/database.js';
import { outboxSummary } from '../mail/outbox.js';

function auditLine(row: AuditRow): string {
  const cell = (text: string | undefined): string => JSON.stringify(text ?? '');
  return [row.at.toISOString(), row.form, row.outcome, cell(row.value), cell(row.requestedBy), row.client ?? '-', row.requestId ?? '-'].join('\t');
}

/** The audit entries since `since`: a header and one tab-separated line each, or one JSON object a line. */
export async function auditReport(db: Database, since: Date, json: boolean): Promise<string[]> {
  const rows = await listAudit(db, since);
  if (json) return rows.map((row) => JSON.stringify(row));
  return [['time', 'form', 'outcome', 'value', 'requested by', 'client', 'request id'].join('\t'), ...rows.map(auditLine)];
}

/** What `login-help-server outbox` prints: the counts, then each dead message with its last error. */
export async function describeOutbox(db: Database, now: Date): Promise<string[]> {
  const summary = await outboxSummary(db, now);
  const dead = await db.query<{ id: number; kind: string; recipient: string; attempts: number; last_error: string | null; created_at: Date }>(
    `SELECT id, kind, recipient, attempts, last_error, created_at FROM outbox WHERE status = 'dead' ORDER BY id`,
  );
  return [
    `waiting ${summary.pending + summary.sending} (oldest ${summary.oldestWaitingSeconds} s), sent ${summary.sent}, dead ${summary.dead}`,
    ...dead.map((row) => `dead #${row.id}\t${row.kind}\t${row.recipient}\t${row.attempts} tries\t${new Date(row.created_at).toISOString()}\t${row.last_error ?? ''}`),
  ];
}
