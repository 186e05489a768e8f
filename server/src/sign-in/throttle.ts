// Throttling of sign-in checks (NIST SP 800-63B-4, 3.2.2): consecutive failures are counted per
// user name, whether or not an account has it (so a lock reveals nothing), in the database (so
// every instance on one PostgreSQL shares the count). The first FREE_FAILURES cost nothing; each
// one after makes the next attempt wait twice as long (1 s, 2 s, … up to MAX_WAIT_SECONDS); at
// LOCK_AT the user name is locked until its password is reset. Each refusal is an immediate 429:
// a connection is never held to slow a guesser down, which would hand a flood our sockets.
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/** Failures in a row that cost no wait. */
export const FREE_FAILURES = 10;
/** The longest wait between two attempts, in seconds. */
export const MAX_WAIT_SECONDS = 15 * 60;
/** Failures in a row after which the user name is locked (NIST: no more than 100). */
export const LOCK_AT = 100;
/** The Retry-After of a locked user name: it stays locked until a reset, so a caller may check back hourly. */
export const LOCKED_RETRY_SECONDS = 3600;

/** The key of a user name's count: a hash, so the table holds no user names. */
export function userKey(userName: string): string {
  return createHash('sha256').update(userName.normalize('NFKC').toLowerCase()).digest('base64url');
}

/**
 * Takes one attempt for the user name, or resolves to the seconds to wait when none may be made
 * now. The attempt is counted as a failure before the password is checked, in one statement, so
 * instances checking at once cannot together pass the limit; a success clears it (`clearFailures`).
 */
export async function takeAttempt(db: Queryable, userName: string, now: Date): Promise<{ wait: number }> {
  const key = userKey(userName);
  const taken = await db.query(
    `INSERT INTO sign_in_failures (user_key, failures, next_attempt_at, last_attempt_at) VALUES ($1, 1, $2, $2)
     ON CONFLICT (user_key) DO UPDATE SET
       failures = sign_in_failures.failures + 1,
       last_attempt_at = EXCLUDED.last_attempt_at,
       next_attempt_at = EXCLUDED.last_attempt_at + make_interval(secs =>
         CASE WHEN sign_in_failures.failures + 1 < $3::integer THEN 0
              ELSE least(power(2, sign_in_failures.failures + 1 - $3::integer), $4::integer) END)
     WHERE sign_in_failures.failures < $5::integer AND sign_in_failures.next_attempt_at <= EXCLUDED.last_attempt_at
     RETURNING failures`,
    [key, now, FREE_FAILURES, MAX_WAIT_SECONDS, LOCK_AT],
  );
  if (taken.length === 1) return { wait: 0 };
  const [row] = await db.query<{ failures: number; next_attempt_at: Date }>('SELECT failures, next_attempt_at FROM sign_in_failures WHERE user_key = $1', [key]);
  // No row: a success cleared it between the two statements; the caller may try again at once.
  if (!row) return { wait: 1 };
  if (row.failures >= LOCK_AT) return { wait: LOCKED_RETRY_SECONDS };
  return { wait: Math.max(1, Math.ceil((new Date(row.next_attempt_at).getTime() - now.getTime()) / 1000)) };
}

/** Clears the user name's count: a right password, or a password reset. */
export async function clearFailures(db: Queryable, userName: string): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE user_key = $1', [userKey(userName)]);
}
