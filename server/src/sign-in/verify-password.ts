// `POST {BASE_PATH}/verify-password` (SPEC §9): a portal's back end asks whether a password is an
// account's, on the built-in tables. Every outcome costs one Argon2id verification, so an unknown
// user name, an account without a password and a wrong password take the same time; the attempt
// is throttled per user name (throttle.ts) and audited without the password.
import { recordAudit } from '../audit.js';
import type { Context } from '../context.js';
import { findAccountByUserName } from '../directory/table-directory.js';
import { rateLimited, type Answer } from '../http/answer.js';
import { hashPassword, needsRehash, verifyPassword } from '../passwords/hash.js';
import { normalizePassword } from '../passwords/policy.js';
import { clearFailures, takeAttempt } from './throttle.js';

/** Who asked, for the audit. */
export interface VerifyCaller {
  client: string;
  requestId: string;
}

/**
 * The hash checked when there is no account or no password: Argon2id at today's cost of a
 * password nobody has, so those answers take as long as a wrong password.
 */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$VR1La2nJK8Dr00bfnQYjCg$e+tuPdiSC0rd9Bi5Xsf/Kc1Tu9UJr41PjVdKXZdf+AM';

/** The audit row of one check (never the password). */
export function auditVerify(context: Context, caller: VerifyCaller, outcome: string, userName?: string): Promise<void> {
  return recordAudit(context.db, context.clock.now(), { form: 'verify-password', value: userName, outcome, client: caller.client, requestId: caller.requestId });
}

/** Checks `password` for `userName` (a signed, well-formed call): valid, invalid, or 429 while throttled. */
export async function verifyAccountPassword(context: Context, caller: VerifyCaller, userName: string, password: string): Promise<Answer> {
  const { db, clock } = context;
  const account = await findAccountByUserName(db, userName);
  // Counted under the account's own user name when there is one, so no spelling that the lookup
  // takes for it (another case, another Unicode form) starts a count of its own.
  const countedAs = account?.userName ?? userName;
  const { wait } = await takeAttempt(db, countedAs, clock.now());
  if (wait > 0) {
    await auditVerify(context, caller, 'rate_limited', userName);
    return rateLimited(wait * 1000);
  }
  const normalized = normalizePassword(password);
  const stored = account?.passwordHash ?? undefined;
  const matches = await verifyPassword(stored ?? DUMMY_HASH, normalized);
  if (!account || !stored || !matches) {
    await auditVerify(context, caller, 'invalid', userName);
    return { status: 200, body: { status: 'invalid' } };
  }
  await clearFailures(db, countedAs);
  if (needsRehash(stored)) {
    // Only if nobody changed it meanwhile (a reset): the password itself did not change.
    await db.query('UPDATE accounts SET password_hash = $3 WHERE id = $1 AND password_hash = $2', [account.id, stored, await hashPassword(normalized)]);
  }
  await auditVerify(context, caller, 'valid', userName);
  return { status: 200, body: { status: 'valid' } };
}
