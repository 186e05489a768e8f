// The nonces of signed portal calls, remembered in the database for the replay window so that a
// call replayed to this instance, to another one on the same PostgreSQL or after a restart is
// refused.
import type { Queryable } from '../db/database.js';
import { REPLAY_WINDOW_SECONDS } from '../directory/signature.js';

/** How often an instance clears nonces whose window has passed. */
const PURGE_EVERY_MS = 60_000;

/** Remembers nonces; `firstUse` is true once per nonce within its window. */
export interface NonceStore {
  firstUse(nonce: string, signedAtSeconds: number, now: Date): Promise<boolean>;
}

/** The store on `db` (the table `portal_nonces`). */
export function databaseNonces(db: Queryable): NonceStore {
  let purgedAt = 0;
  return {
    async firstUse(nonce, signedAtSeconds, now) {
      if (now.getTime() - purgedAt > PURGE_EVERY_MS) {
        purgedAt = now.getTime();
        await db.query('DELETE FROM portal_nonces WHERE expires_at < $1', [now]);
      }
      // Kept until no clock within the window could accept its timestamp any more.
      const expires = new Date(Math.max(signedAtSeconds * 1000, now.getTime()) + (REPLAY_WINDOW_SECONDS + 1) * 1000);
      // A row whose window has passed (not yet purged) may be taken again: its old signature is stale anyway.
      const rows = await db.query(
        `INSERT INTO portal_nonces (nonce, expires_at) VALUES ($1, $2)
         ON CONFLICT (nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE portal_nonces.expires_at < $3
         RETURNING nonce`,
        [nonce, expires, now],
      );
      return rows.length === 1;
    },
  };
}
