// The rate limits' store on PostgreSQL, grouped (issue #24). rate-limiter-flexible's store made
// one upsert per limit per request: two of the four round trips of a form request. Here the
// consumes made while a statement runs go together in the next one (db/group.ts), one upsert of
// many keys, and each caller gets its own count as if the consumes had run one by one. Same table
// and key format as the library's store (`prefix:key`, points, expiry in ms since the epoch), so
// the counts of a running deployment carry over.
import type { Database } from '../db/database.js';
import { Group, groupPer } from '../db/group.js';

/** One consume: a point against `key`, whose window lasts `durationMs` from its first point. */
export interface Consume {
  key: string;
  durationMs: number;
}

/** A key's count after a consume, and when its window ends (ms since the epoch). */
export interface Count {
  points: number;
  expire: number;
}

/** The statement's rows: each key once (a key may not be updated twice in one statement), in key order (two instances' statements lock rows in the same order, so they cannot deadlock). */
export function rowsOf(consumes: readonly Consume[]): { keys: string[]; points: number[]; durations: number[] } {
  const byKey = new Map<string, { points: number; durationMs: number }>();
  for (const { key, durationMs } of consumes) {
    const row = byKey.get(key);
    if (row) row.points += 1;
    else byKey.set(key, { points: 1, durationMs });
  }
  const keys = [...byKey.keys()].sort();
  return { keys, points: keys.map((key) => byKey.get(key)?.points ?? 0), durations: keys.map((key) => byKey.get(key)?.durationMs ?? 0) };
}

/** Each consume's own count, in order: a key that ends at `total` after n consumes gave them total − n + 1 … total. */
export function countsInOrder(consumes: readonly Consume[], totals: ReadonlyMap<string, Count>): Count[] {
  const perKey = new Map<string, number>();
  for (const { key } of consumes) perKey.set(key, (perKey.get(key) ?? 0) + 1);
  const seen = new Map<string, number>();
  return consumes.map(({ key }) => {
    const total = totals.get(key);
    if (!total) throw new Error(`the rate limit store returned no count for ${key}`);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return { points: total.points - (perKey.get(key) ?? 1) + index + 1, expire: total.expire };
  });
}

const UPSERT = `
INSERT INTO rate_limits (key, points, expire)
SELECT key, points, $1::bigint + duration FROM unnest($2::text[], $3::int[], $4::bigint[]) AS q (key, points, duration) ORDER BY key
ON CONFLICT (key) DO UPDATE SET
  points = CASE WHEN rate_limits.expire <= $1 THEN excluded.points ELSE rate_limits.points + excluded.points END,
  expire = CASE WHEN rate_limits.expire <= $1 THEN excluded.expire ELSE rate_limits.expire END
RETURNING key, points, expire::float8 AS expire`;

const groups = groupPer(
  (db: Database) =>
    new Group<Consume, Count>(async (consumes) => {
      const { keys, points, durations } = rowsOf(consumes);
      const rows = await db.query<{ key: string; points: number; expire: number | null }>(UPSERT, [Date.now(), keys, points, durations]);
      return countsInOrder(consumes, new Map(rows.map((row) => [row.key, { points: row.points, expire: row.expire ?? Number.POSITIVE_INFINITY }])));
    }),
);

/**
 * A limit of `points` per `durationSeconds` for keys under `prefix`; resolves to 0 when the
 * consume is within the limit, else to the ms until the window ends (at least 1).
 */
export function groupedLimit(db: Database, prefix: string, points: number, durationSeconds: number): (key: string) => Promise<number> {
  return async (key) => {
    const count = await groups(db).add({ key: `${prefix}:${key}`, durationMs: durationSeconds * 1000 });
    return count.points > points ? Math.max(Math.min(count.expire - Date.now(), durationSeconds * 1000), 1) : 0;
  };
}

/** Deletes windows that ended over an hour ago, every five minutes, as the library's store did; returns what stops it. */
export function clearExpiredLimits(db: Database, intervalMs = 5 * 60_000): () => void {
  const timer = setInterval(() => {
    db.query('DELETE FROM rate_limits WHERE expire < $1', [Date.now() - 3_600_000]).catch(() => undefined);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
