// Rate limits (SPEC §9): per client address, per target (an email address or user name, counted
// whether or not it is on file) and per reset token. In memory on the embedded database; in a
// PostgreSQL table with DATABASE_URL, so the limits hold across every instance.
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

async function limiter(db: Database, name: string, points: number, duration: number): Promise<RateLimiterAbstract> {
  if (!db.pool) return new RateLimiterMemory({ keyPrefix: name, points, duration });
  return new Promise((resolve, reject) => {
    const store: RateLimiterPostgres = new RateLimiterPostgres(
      { storeClient: db.pool, storeType: 'pool', tableName: 'rate_limits', keyPrefix: name, points, duration, clearExpiredByTimeout: true },
      (error?: Error) => (error ? reject(error) : resolve(store)),
    );
  });
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
export async function createRateLimits(config: Config, db: Database): Promise<RateLimits> {
  const client = await limiter(db, 'client', config.rateLimitPerClient, 15 * MINUTE);
  const target = await limiter(db, 'target', config.rateLimitPerTarget, 60 * MINUTE);
  const token = await limiter(db, 'token', config.rateLimitPerToken, 60 * MINUTE);
  return {
    client: (address) => waitFor(client, address),
    target: (form, value) => waitFor(target, `${form}:${value.normalize('NFKC').toLowerCase()}`),
    token: (tokenHash) => waitFor(token, tokenHash),
  };
}
