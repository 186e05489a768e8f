// What the request handlers share: built once at start by `buildApp`'s caller.
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Directory } from './directory/directory.js';
import type { RateLimits } from './http/rate-limits.js';
import type { BreachVerdict } from './passwords/breached.js';

/** The service's parts, as the routes see them. */
export interface Context {
  config: Config;
  db: Database;
  directory: Directory;
  clock: Clock;
  limits: RateLimits;
  /** Tells the outbox worker that a message is waiting (delivery never blocks an answer). */
  nudgeOutbox(): void;
  /** The range lookup of passwords seen in breaches, with BREACHED_PASSWORDS_URL. */
  breach?: (password: string) => Promise<BreachVerdict>;
}

/** Who is asking: for the audit and the per-client limit. */
export interface Caller {
  client: string;
  requestId: string;
  acceptLanguage: string | undefined;
  idempotencyKey: string | undefined;
}
