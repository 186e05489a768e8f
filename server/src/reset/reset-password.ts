// The reset link (SPEC §8, §9): checking a token and setting the new password. A token is looked
// up by its hash; it works once, until it expires, and a reset revokes every other token of the
// account, so an older link then answers like an expired one.
import { recordAudit } from '../audit.js';
import type { Caller, Context } from '../context.js';
import type { Queryable } from '../db/database.js';
import { AccountGone, PasswordUnstorable, type Account, type Directory } from '../directory/directory.js';
import { AnswerNow, invalid, rateLimited, type Answer } from '../http/answer.js';
import { enqueueEmail, messageDomain } from '../mail/outbox.js';
import { renderEmail } from '../mail/templates/index.js';
import { normalizePassword, passwordProblem } from '../passwords/policy.js';
import { refusalMessage } from '../passwords/refusal-message.js';
import { hashToken, isTokenShaped } from '../tokens.js';
import { clearFailures } from '../sign-in/throttle.js';

/** Where a token stands. */
type TokenState =
  | { state: 'valid'; tokenId: number; account: Account }
  | { state: 'used'; account?: Account; usedAt: Date }
  | { state: 'expired' | 'invalid_token'; account?: Account };

const DEAD: Record<'expired' | 'used' | 'invalid_token', Answer> = {
  expired: { status: 410, body: { status: 'expired' } },
  used: { status: 410, body: { status: 'used' } },
  invalid_token: { status: 404, body: { status: 'invalid_token' } },
};

/** Reads the token's state; with `lock`, holds its row until the transaction ends. */
async function tokenState(directory: Directory, tx: Queryable, token: string, now: Date, lock = false): Promise<TokenState> {
  if (!isTokenShaped(token)) return { state: 'invalid_token' };
  const [row] = await tx.query<{ id: number; account_key: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null }>(
    `SELECT id, account_key, expires_at, used_at, revoked_at FROM reset_tokens WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
    [hashToken(token)],
  );
  if (!row) return { state: 'invalid_token' };
  const account = await directory.findAccount(tx, row.account_key);
  if (row.used_at) return { state: 'used', account, usedAt: new Date(row.used_at) };
  if (row.revoked_at || new Date(row.expires_at).getTime() <= now.getTime() || !account) return { state: 'expired', account };
  return { state: 'valid', tokenId: row.id, account };
}

/** How long after a reset the same link and password still answer "reset" (a retry after a lost answer). */
const RETRY_WINDOW_MS = 10 * 60_000;

/**
 * True when a used link comes back, soon after, with the very password it set: the person's
 * answer was lost (a dropped connection) and they pressed Save again. They get "reset" instead of
 * "already used"; nothing changes. Only a directory that can check a password can tell.
 */
async function isRetryOfReset(context: Context, state: TokenState, password: string): Promise<boolean> {
  const { directory, db, clock } = context;
  if (state.state !== 'used' || !state.account || !directory.matchesPassword) return false;
  if (clock.now().getTime() - state.usedAt.getTime() > RETRY_WINDOW_MS) return false;
  return directory.matchesPassword(db, state.account, normalizePassword(password));
}

/** The per-client and per-token limits of both endpoints. */
async function limited(context: Context, caller: Caller, token: string): Promise<Answer | undefined> {
  const clientWait = await context.limits.client(caller.client);
  if (clientWait > 0) return rateLimited(clientWait);
  const tokenWait = isTokenShaped(token) ? await context.limits.token(hashToken(token)) : 0;
  return tokenWait > 0 ? rateLimited(tokenWait) : undefined;
}

/** Answers `{endpoint}/reset-password/check`. */
export async function checkToken(context: Context, caller: Caller, token: string): Promise<Answer> {
  const { db, clock, config } = context;
  const limit = await limited(context, caller, token);
  const now = clock.now();
  const audit = (outcome: string, userName?: string): Promise<void> =>
    recordAudit(db, now, { form: 'reset-check', value: userName, outcome, client: caller.client, requestId: caller.requestId });
  if (limit) {
    await audit('rate_limited');
    return limit;
  }
  const state = await tokenState(context.directory, db, token, now);
  await audit(state.state, state.account?.userName);
  if (state.state !== 'valid') return DEAD[state.state];
  return { status: 200, body: { status: 'valid', userName: state.account.userName, minLength: config.passwordMinLength } };
}

/** Answers `{endpoint}/reset-password`. */
export async function resetPassword(context: Context, caller: Caller, token: string, password: string): Promise<Answer> {
  const { db, clock, config } = context;
  const audit = (outcome: string, userName?: string): Promise<void> =>
    recordAudit(db, clock.now(), { form: 'reset', value: userName, outcome, client: caller.client, requestId: caller.requestId });

  const limit = await limited(context, caller, token);
  if (limit) {
    await audit('rate_limited');
    return limit;
  }
  const before = await tokenState(context.directory, db, token, clock.now());
  if (await isRetryOfReset(context, before, password)) {
    await audit('replayed', before.account?.userName);
    return { status: 200, body: { status: 'reset' } };
  }
  if (before.state !== 'valid') {
    await audit(before.state, before.account?.userName);
    return DEAD[before.state];
  }
  const normalized = normalizePassword(password);
  const problem = passwordProblem(normalized, config.passwordMinLength, before.account.userName);
  if (problem) {
    await audit('invalid', before.account.userName);
    return invalid({ password: refusalMessage(problem, caller.acceptLanguage, config.passwordMinLength) });
  }
  // Passwords seen in breaches: never a reason a reset fails (a skipped lookup is audited).
  const breach = context.breach ? await context.breach(normalized) : undefined;
  if (breach && 'breached' in breach && breach.breached) {
    await audit('invalid: breached', before.account.userName);
    return invalid({ password: refusalMessage('breached', caller.acceptLanguage, config.passwordMinLength) });
  }
  const skipped = breach && 'skipped' in breach ? `; breach check skipped (${breach.skipped})` : '';
  try {
    await db.transaction(async (tx) => {
      const now = clock.now();
      const state = await tokenState(context.directory, tx, token, now, true);
      if (state.state !== 'valid') throw new AnswerNow(DEAD[state.state]);
      try {
        await context.directory.setPassword(tx, state.account, normalized, now);
      } catch (error) {
        if (error instanceof AccountGone) throw new AnswerNow(DEAD.expired);
        // What the portal's hash format cannot hold (bcrypt's 72 bytes) is refused, never cut short.
        if (error instanceof PasswordUnstorable) throw new AnswerNow(invalid({ password: refusalMessage(error.refusal, caller.acceptLanguage, config.passwordMinLength) }));
        throw error;
      }
      await tx.query('UPDATE reset_tokens SET used_at = $2 WHERE id = $1', [state.tokenId, now]);
      // A new password ends a lock-out of verify-password (NIST: a reset is the way out of one).
      await clearFailures(tx, state.account.userName);
      await tx.query('UPDATE reset_tokens SET revoked_at = $3 WHERE account_key = $1 AND id <> $2 AND used_at IS NULL AND revoked_at IS NULL', [state.account.key, state.tokenId, now]);
      const message = renderEmail(
        'password-changed',
        { practiceName: state.account.practiceName, userName: state.account.userName, changedAt: now, helpEmail: config.supportEmail },
        caller.acceptLanguage,
      );
      await enqueueEmail(tx, { kind: 'password-changed', recipient: state.account.practiceEmail, ...message, requestId: caller.requestId }, now, messageDomain(config.mailFrom));
      await recordAudit(tx, now, { form: 'reset', value: state.account.userName, outcome: `reset${skipped}`, client: caller.client, requestId: caller.requestId });
    });
    context.nudgeOutbox();
    return { status: 200, body: { status: 'reset' } };
  } catch (error) {
    if (!(error instanceof AnswerNow)) throw error;
    await audit(String(error.answer.body.status), before.account.userName);
    return error.answer;
  }
}
