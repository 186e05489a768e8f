// Idempotency-Key (SPEC §9): a repeated key with the same body gets the first answer and causes
// nothing again; the same key with another body is 422. The key is claimed inside the request's
// own transaction, so a concurrent duplicate waits for the first to commit, then replays it.
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { Answer } from './answer.js';

/** How long a key is remembered. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** A usable key: printable ASCII, 1 to 255 characters (UUIDs, ULIDs, the widget's own). */
export function isUsableKey(key: string): boolean {
  return /^[\x21-\x7E]{1,255}$/.test(key);
}

function bodyHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Claims `key` for this request. Resolves to the stored answer to replay, a 422 for a key reused
 * with another body, or undefined when this request is the first (then `remember` must follow).
 */
export async function claimKey(tx: Queryable, scope: string, key: string, body: unknown, now: Date): Promise<Answer | undefined> {
  const hash = bodyHash(body);
  const stale = new Date(now.getTime() - KEY_LIFETIME_MS);
  const claimed = await tx.query(
    `INSERT INTO idempotency (scope, key, body_hash, status, response, created_at) VALUES ($1, $2, $3, 0, '', $4)
     ON CONFLICT (scope, key) DO UPDATE SET body_hash = EXCLUDED.body_hash, status = 0, response = '', created_at = EXCLUDED.created_at
       WHERE idempotency.created_at < $5
     RETURNING key`,
    [scope, key, hash, now, stale],
  );
  if (claimed.length > 0) return undefined;
  return (await answered(tx, scope, key, hash, stale, false)) ?? REUSED;
}

const REUSED: Answer = { status: 422, body: { status: 'invalid', errors: { idempotencyKey: 'This Idempotency-Key was already used for a different request.' } } };

/**
 * The answer `key` already has (a replay, or 422 for another body), read without claiming; undefined
 * when the key is new, stale or still being answered. Read before the per-target limit, so a person
 * retrying after a lost answer gets that answer back and uses none of the limit (SPEC §9).
 */
export async function storedAnswer(db: Queryable, scope: string, key: string, body: unknown, now: Date): Promise<Answer | undefined> {
  return answered(db, scope, key, bodyHash(body), new Date(now.getTime() - KEY_LIFETIME_MS), true);
}

async function answered(db: Queryable, scope: string, key: string, hash: string, stale: Date, doneOnly: boolean): Promise<Answer | undefined> {
  const [first] = await db.query<{ body_hash: string; status: number; response: string; created_at: Date | string }>(
    'SELECT body_hash, status, response, created_at FROM idempotency WHERE scope = $1 AND key = $2',
    [scope, key],
  );
  if (!first || (doneOnly && (first.status === 0 || new Date(first.created_at) < stale))) return undefined;
  if (first.body_hash !== hash) return REUSED;
  return { status: first.status, body: JSON.parse(first.response) as Record<string, unknown>, headers: { 'Idempotent-Replayed': 'true' } };
}

/** Stores the answer of the request that claimed `key`. */
export async function rememberAnswer(tx: Queryable, scope: string, key: string, answer: Answer): Promise<void> {
  await tx.query('UPDATE idempotency SET status = $3, response = $4 WHERE scope = $1 AND key = $2', [scope, key, answer.status, JSON.stringify(answer.body)]);
}
