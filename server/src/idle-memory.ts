// Why an idle service gives memory back (issue #24): V8 collects garbage only when JavaScript
// allocates, so a service that goes quiet after a burst of requests keeps, resident, every page its
// heap grew to under load (100+ MiB after a soak, three quarters of it garbage). One full
// collection once the work is over returns those pages; nothing runs while requests come in. And
// V8 doubles its young generation under load up to 2 × 16 MiB, which it never gives back: kept at
// its first size (1 MiB a half), a request's short-lived objects are collected a little more often.
import v8 from 'node:v8';
import vm from 'node:vm';

/** What the collector carries from one window to the next. */
export interface IdleState {
  /** CPU milliseconds used since the last collection (or the start). */
  workMs: number;
}

/** CPU milliseconds of work after which a quiet window is worth a collection (about a thousand requests). */
export const WORK_BEFORE_COLLECTING_MS = 1000;

/** A window is quiet below this share of one core. */
export const QUIET_SHARE = 0.02;

/**
 * Decides, at the end of a window that used `cpuMs` over `windowMs`, whether to collect now;
 * returns the state to carry on. Collects once per burst: after a collection the work starts again
 * from zero.
 */
export function afterWindow(state: IdleState, cpuMs: number, windowMs: number): { collect: boolean; state: IdleState } {
  const quiet = cpuMs < windowMs * QUIET_SHARE;
  if (quiet && state.workMs >= WORK_BEFORE_COLLECTING_MS) return { collect: true, state: { workMs: 0 } };
  return { collect: false, state: { workMs: state.workMs + cpuMs } };
}

/** Keeps V8's young generation at its first size; the command calls it for `start` before it loads the service. */
export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/** V8's full collection, which Node gives only behind `--expose-gc`: the flag is set here, where it is needed. */
export function fullCollection(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Watches the process's CPU time every `windowMs` and collects once after each burst of work. */
export function watchIdleMemory(windowMs = 2000, collect: () => void = fullCollection()): { stop(): void } {
  let state: IdleState = { workMs: 0 };
  let last = process.cpuUsage();
  const timer = setInterval(() => {
    const used = process.cpuUsage(last);
    last = process.cpuUsage();
    const next = afterWindow(state, (used.user + used.system) / 1000, windowMs);
    state = next.state;
    if (next.collect) collect();
  }, windowMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
