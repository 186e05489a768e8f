// A tiny test harness for the plain Node scripts in test/package/ and demo/react/: named cases
// print `ok - name` or `not ok - name: reason`; `finish()` prints `N passed, M failed` as the
// last line and sets the exit code.
import process from 'node:process';

let passed = 0;
let failed = 0;

/** Runs one case; a thrown error fails it. */
export async function test(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    const reason = String(error && error.message ? error.message : error).split('\n').join('\n    ');
    console.log(`not ok - ${name}: ${reason}`);
  }
}

/** Fails the current case with `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Records a failure found outside any case (setup) without stopping the run. */
export function fail(name, error) {
  failed += 1;
  console.log(`not ok - ${name}: ${error && error.message ? error.message : error}`);
}

export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}
