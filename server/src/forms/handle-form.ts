// The steps both forms share: the per-client and per-target limits, Idempotency-Key, the lookup,
// one statement for the outbox row, the token and the audit row, and the neutral answer.
import { recordAudit, type AuditEntry } from '../audit.js';
import type { Caller, Context } from '../context.js';
import type { Queryable } from '../db/database.js';
import { AnswerNow, rateLimited, type Answer } from '../http/answer.js';
import { claimKey, rememberAnswer, storedAnswer } from '../http/idempotency.js';
import { messageDomain, type OutgoingEmail } from '../mail/outbox.js';
import { writeForm, writeFormRows, type FormRows } from './form-writes.js';

/** What a found value leads to: the email, and for Password Help the reset token's hash. */
export interface Found {
  email: OutgoingEmail;
  token?: FormRows['token'];
}

/** What one form does once the input is known to be well formed. */
export interface FormWork {
  form: 'username' | 'password';
  /** The value the per-target limit counts (email address or user name). */
  target: string;
  audit: Omit<AuditEntry, 'outcome' | 'client' | 'requestId' | 'form'>;
  body: unknown;
  /** Looks the value up (reading only); when found, resolves to what must be stored with the audit row. */
  find(db: Queryable, now: Date): Promise<Found | undefined>;
}

/** The answer for found / not found, by the REVEAL setting (SPEC §9). */
function outcomeAnswer(context: Context, found: boolean): Answer {
  if (!context.config.reveal) return { status: 200, body: { status: 'accepted' } };
  return found ? { status: 200, body: { status: 'sent' } } : { status: 404, body: { status: 'not_found' } };
}

/** Runs a form request from the limits to the answer. */
export async function handleForm(context: Context, caller: Caller, work: FormWork): Promise<Answer> {
  const { db, clock, limits } = context;
  const entry = (outcome: string): AuditEntry => ({ ...work.audit, form: work.form, outcome, client: caller.client, requestId: caller.requestId });
  const audit = async (outcome: string): Promise<void> => recordAudit(db, clock.now(), entry(outcome));
  const rows = (now: Date, found: Found | undefined): FormRows => ({
    at: now,
    audit: entry(found ? 'sent' : 'not_found'),
    token: found?.token,
    email: found ? { message: found.email, messageDomain: messageDomain(context.config.mailFrom) } : undefined,
  });

  const clientWait = await limits.client(caller.client);
  if (clientWait > 0) {
    await audit('rate_limited');
    return rateLimited(clientWait);
  }
  const key = caller.idempotencyKey;
  // A key already answered gets that answer again before any limit is counted (SPEC §9).
  const stored = key === undefined ? undefined : await storedAnswer(db, work.form, key, work.body, clock.now());
  if (stored) {
    await audit(stored.headers?.['Idempotent-Replayed'] ? 'replayed' : 'invalid');
    return stored;
  }
  // Before any transaction: on PostgreSQL the limit's store takes a pool connection of its own,
  // which a transaction holding one must not wait for (the pool could run dry under load).
  const targetWait = await limits.target(work.form, work.target);
  if (targetWait > 0) {
    await audit('rate_limited');
    return rateLimited(targetWait);
  }
  if (key === undefined) {
    const now = clock.now();
    const found = await work.find(db, now);
    await writeForm(db, rows(now, found));
    if (found) context.nudgeOutbox();
    return outcomeAnswer(context, found !== undefined);
  }
  // With an Idempotency-Key the claim, the lookup and the writes share one transaction, so a
  // concurrent duplicate waits for the first to commit, then replays it.
  let found: Found | undefined;
  try {
    const answer = await db.transaction(async (tx) => {
      const now = clock.now();
      const replay = await claimKey(tx, work.form, key, work.body, now);
      if (replay) throw new AnswerNow(replay);
      found = await work.find(tx, now);
      await writeFormRows(tx, [rows(now, found)]);
      const result = outcomeAnswer(context, found !== undefined);
      await rememberAnswer(tx, work.form, key, result);
      return result;
    });
    if (found) context.nudgeOutbox();
    return answer;
  } catch (error) {
    if (!(error instanceof AnswerNow)) throw error;
    const { answer } = error;
    await audit(answer.headers?.['Idempotent-Replayed'] ? 'replayed' : 'invalid');
    return answer;
  }
}
