// Rate limits (SPEC §9): per client address, per target (an email address or user name, counted
// whether or not it is on file) and per reset token. In memory on the embedded database; in a
// PostgreSQL table with DATABASE_URL, so the limits hold across every instance.
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';

/** The three limiters. `consume` resolves to the wait in ms when the limit is reached, else 0. */
export interface RateLimits {
  client(address: string): Promise<number>;
  target(form: string, value: string): Promise<number>;
  token(tokenHash: string): Promise<number>;
}

const MINUTE = 60;

function limiter(db: Database, name: string, points: number, duration: number): RateLimiterAbstract {
  if (!db.pool) return new RateLimiterMemory({ keyPrefix: name, points, duration });
  // The table comes from the migrations (002), so the store need not create it.
  return new RateLimiterPostgres({ storeClient: db.pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, keyPrefix: name, points, duration, clearExpiredByTimeout: true });
}

async function waitFor(store: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await store.consume(key);
    return 0;
  } catch (result) {
    if (result instanceof RateLimiterRes) return Math.max(result.msBeforeNext, 1);
    throw result;
  }
}

/** Builds the limiters the config asks for, on the database's engine. */
export function createRateLimits(config: Config, db: Database): RateLimits {
  const client = limiter(db, 'client', config.rateLimitPerClient, 15 * MINUTE);
  const target = limiter(db, 'target', config.rateLimitPerTarget, 60 * MINUTE);
  const token = limiter(db, 'token', config.rateLimitPerToken, 60 * MINUTE);
  return {
    client: (address) => waitFor(client, address),
    // Hashed: the key stays short (an email may be 254 characters) and the table holds no addresses.
    target: (form, value) => waitFor(target, `${form}:${createHash('sha256').update(value.normalize('NFKC').toLowerCase()).digest('base64url')}`),
    token: (tokenHash) => waitFor(token, tokenHash),
  };
}
