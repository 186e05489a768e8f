// A tiny test harness: named async cases, `ok - name` / `not ok - name: reason` lines, a final
// `N passed, M failed` line, guaranteed cleanup and a global watchdog.

/** Async closers, run last-in first-out by `cleanup()`, each given at most `perCloserMs`. */
const closers = [];
let cleanedUp = false;

export function onCleanup(close) {
  closers.push(close);
}

export async function cleanup(perCloserMs = 5000) {
  if (cleanedUp) return;
  cleanedUp = true;
  while (closers.length) {
    const close = closers.pop();
    await withTimeout(Promise.resolve().then(close), perCloserMs, 'cleanup step').catch((error) => {
      console.error(`# cleanup: ${oneLine(error)}`);
    });
  }
}

/** Kills the run with failure after `ms`, whatever it is doing (after a short cleanup attempt). */
export function startWatchdog(ms) {
  const timer = setTimeout(() => {
    console.log(`not ok - watchdog: the run took longer than ${ms / 1000} s`);
    console.log('# watchdog fired: giving up');
    const hardExit = setTimeout(() => process.exit(1), 5000);
    hardExit.unref();
    cleanup(2000).finally(() => process.exit(1));
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Cleans up and exits on Ctrl-C / kill. */
export function exitOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.log(`# ${signal}: stopping`);
      cleanup(2000).finally(() => process.exit(1));
    });
  }
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const oneLine = (error) =>
  String(error && error.message ? error.message : error)
    // eslint-disable-next-line no-control-regex -- strips terminal colour codes from messages
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 4)
    .join(' | ');

/**
 * Runs the cases one after another. `runCase(testCase)` wraps each one (fresh page, error watch…).
 * @returns {{ passed: number, failed: number }}
 */
export async function runCases(cases, runCase, { perCaseMs = 20000 } = {}) {
  let passed = 0;
  let failed = 0;
  for (const testCase of cases) {
    try {
      await withTimeout(runCase(testCase), perCaseMs, 'case');
      passed += 1;
      console.log(`ok - ${testCase.name}`);
    } catch (error) {
      failed += 1;
      console.log(`not ok - ${testCase.name}: ${oneLine(error)}`);
    }
  }
  return { passed, failed };
}

// ---- assertions ----------------------------------------------------------------------------

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export function equal(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Polls `probe` until it returns a truthy value; fails with `message` (and the last error). */
export async function until(probe, message, { timeout = 5000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(lastError ? `${message} (${oneLine(lastError)})` : message);
    }
    await sleep(interval);
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `server` on a free loopback port; resolves to its port and origin. */
export async function listenOnLoopback(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return { port, origin: `http://127.0.0.1:${port}` };
}

/**
 * Runs a whole suite the way every runner here does: a watchdog, signals handled, `prepare()`
 * (checks and set-up; it resolves to the cases), the cases, the clean-up, then the closing
 * "N passed, M failed" line and the exit code.
 */
export async function runSuite({ watchdogMs, prepare, runCase, perCaseMs }) {
  const stopWatchdog = startWatchdog(watchdogMs);
  exitOnSignals();
  const started = Date.now();
  let result = { passed: 0, failed: 0 };
  try {
    const cases = await prepare();
    result = await runCases(cases, runCase, perCaseMs ? { perCaseMs } : undefined);
  } catch (error) {
    console.log(`not ok - setup: ${oneLine(error)}`);
    result.failed += 1;
  } finally {
    await cleanup();
    stopWatchdog();
  }
  console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exitCode = result.failed > 0 ? 1 : 0;
  // Should anything still hold the event loop open, do not hang.
  setTimeout(() => process.exit(), 3000).unref();
}
