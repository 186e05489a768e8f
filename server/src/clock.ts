// The time as the service reads it, injectable so tests can move it.
/** The time, injectable so tests can move it (token lifetimes, retry backoff, audit times). */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
