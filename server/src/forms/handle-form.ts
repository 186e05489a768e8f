// The steps both forms share: the per-client and per-target limits, Idempotency-Key, one
// transaction for the lookup, the outbox row and the audit row, and the neutral answer.
import { recordAudit, type AuditEntry } from '../audit.js';
import type { Caller, Context } from '../context.js';
import type { Queryable } from '../db/database.js';
import { AnswerNow, rateLimited, type Answer } from '../http/answer.js';
import { claimKey, rememberAnswer } from '../http/idempotency.js';

/** What one form does once the input is known to be well formed. */
export interface FormWork {
  form: 'username' | 'password';
  /** The value the per-target limit counts (email address or user name). */
  target: string;
  audit: Omit<AuditEntry, 'outcome' | 'client' | 'requestId' | 'form'>;
  body: unknown;
  /** Looks the value up and, when found, stores the email; resolves to whether it was found. */
  run(tx: Queryable, now: Date): Promise<boolean>;
}

/** The answer for found / not found, by the REVEAL setting (SPEC §9). */
function outcomeAnswer(context: Context, found: boolean): Answer {
  if (!context.config.reveal) return { status: 200, body: { status: 'accepted' } };
  return found ? { status: 200, body: { status: 'sent' } } : { status: 404, body: { status: 'not_found' } };
}

/** Runs a form request from the limits to the answer. */
export async function handleForm(context: Context, caller: Caller, work: FormWork): Promise<Answer> {
  const { db, clock, limits } = context;
  const audit = async (outcome: string): Promise<void> =>
    recordAudit(db, clock.now(), { ...work.audit, form: work.form, outcome, client: caller.client, requestId: caller.requestId });

  const clientWait = await limits.client(caller.client);
  if (clientWait > 0) {
    await audit('rate_limited');
    return rateLimited(clientWait);
  }
  let found = false;
  try {
    const answer = await db.transaction(async (tx) => {
      const now = clock.now();
      const scope = work.form;
      const key = caller.idempotencyKey;
      if (key !== undefined) {
        const replay = await claimKey(tx, scope, key, work.body, now);
        if (replay) throw new AnswerNow(replay);
      }
      const targetWait = await limits.target(work.form, work.target);
      if (targetWait > 0) throw new AnswerNow(rateLimited(targetWait));
      found = await work.run(tx, now);
      const result = outcomeAnswer(context, found);
      await recordAudit(tx, now, { ...work.audit, form: work.form, outcome: found ? 'sent' : 'not_found', client: caller.client, requestId: caller.requestId });
      if (key !== undefined) await rememberAnswer(tx, scope, key, result);
      return result;
    });
    if (found) context.nudgeOutbox();
    return answer;
  } catch (error) {
    if (!(error instanceof AnswerNow)) throw error;
    const { answer } = error;
    await audit(answer.status === 429 ? 'rate_limited' : answer.headers?.['Idempotent-Replayed'] ? 'replayed' : 'invalid');
    return answer;
  }
}
