import type { Clock } from '../../src/clock.js';

/** A clock the test moves by hand; it starts at the real time. */
export class TestClock implements Clock {
  #now = Date.now();

  now(): Date {
    return new Date(this.#now);
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
