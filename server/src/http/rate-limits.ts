// Rate limits (SPEC §9): per client address, per target (an email address or user name, counted
// whether or not it is on file) and per reset token. In memory on the embedded database; in a
// PostgreSQL table with DATABASE_URL, so the limits hold across every instance, with the consumes
// of concurrent requests grouped into one statement (grouped-limits.ts).
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { clearExpiredLimits, groupedLimit } from './grouped-limits.js';

/** The three limiters. `consume` resolves to the wait in ms when the limit is reached, else 0. */
export interface RateLimits {
  client(address: string): Promise<number>;
  target(form: string, value: string): Promise<number>;
  token(tokenHash: string): Promise<number>;
  /** Stops the upkeep behind them (on PostgreSQL, the cleanup of ended windows). */
  stop(): void;
}

const MINUTE = 60;

function memoryLimit(name: string, points: number, duration: number): (key: string) => Promise<number> {
  const store = new RateLimiterMemory({ keyPrefix: name, points, duration });
  return async (key) => {
    try {
      await store.consume(key);
      return 0;
    } catch (result) {
      if (result instanceof RateLimiterRes) return Math.max(result.msBeforeNext, 1);
      throw result;
    }
  };
}

/** Builds the limiters the config asks for, on the database's engine. */
export function createRateLimits(config: Config, db: Database): RateLimits {
  // The table comes from the migrations (002).
  const stop = db.pool ? clearExpiredLimits(db) : () => undefined;
  const limit = (name: string, points: number, duration: number): ((key: string) => Promise<number>) =>
    db.pool ? groupedLimit(db, name, points, duration) : memoryLimit(name, points, duration);
  const client = limit('client', config.rateLimitPerClient, 15 * MINUTE);
  const target = limit('target', config.rateLimitPerTarget, 60 * MINUTE);
  const token = limit('token', config.rateLimitPerToken, 60 * MINUTE);
  return {
    client,
    // Hashed: the key stays short (an email may be 254 characters) and the table holds no addresses.
    target: (form, value) => target(`${form}:${createHash('sha256').update(value.normalize('NFKC').toLowerCase()).digest('base64url')}`),
    token,
    stop,
  };
}
