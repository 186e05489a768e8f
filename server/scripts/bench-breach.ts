// What the breach lookup (BREACHED_PASSWORDS_URL) adds to a reset: the same resets, interleaved,
// on a service without the lookup and one with it against a range server on loopback, plus the
// lookup alone. Prints medians and p99s; a figure for BENCHMARKS.md, not a test.
//   node --import tsx server/scripts/bench-breach.ts [--pairs 40] [--lookups 300]
import { performance } from 'node:perf_hooks';
import { breachChecker } from '../src/passwords/breached.js';
import { startRangeServer } from '../test/helpers/range-server.js';
import { startTestService, type TestService } from '../test/helpers/service.js';

/** `--name N` from the command line, else `fallback`. */
const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const pairs = option('pairs', 40);
const lookups = option('lookups', 300);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
const ms = (value: number): string => `${value.toFixed(1)} ms`;

async function link(t: TestService, n: number): Promise<string> {
  await t.post('/password-help', { userName: 'happypaws', requestedBy: `Bench ${n}` });
  await t.drainOutbox();
  const message = t.mailbox().find((m) => m.text.includes(`Bench ${n}`));
  const token = /#token=([A-Za-z0-9_-]{43})/.exec(message?.text ?? '')?.[1];
  if (!token) throw new Error('no link in the email');
  return token;
}

async function timedReset(t: TestService, n: number): Promise<number> {
  const token = await link(t, n);
  const start = performance.now();
  const answer = await t.post('/reset-password', { token, password: `lantern orchard velvet comet ${n}` });
  const elapsed = performance.now() - start;
  if (answer.status !== 200) throw new Error(`reset answered ${answer.status}: ${answer.text}`);
  return elapsed;
}

const range = await startRangeServer(['purple monkey dishwasher 1987']);
const limits = { RATE_LIMIT_PER_TOKEN: '100000', RATE_LIMIT_PER_TARGET: '100000', LOG_LEVEL: 'warn' };
const without = await startTestService(limits);
const withCheck = await startTestService({ ...limits, BREACHED_PASSWORDS_URL: range.url });
const times = { without: [] as number[], with: [] as number[] };
try {
  for (let n = 0; n < pairs; n++) {
    // Interleaved, and each pair in alternating order, so drift on a noisy machine hits both.
    if (n % 2 === 0) {
      times.without.push(await timedReset(without, n));
      times.with.push(await timedReset(withCheck, n));
    } else {
      times.with.push(await timedReset(withCheck, n));
      times.without.push(await timedReset(without, n));
    }
  }
} finally {
  await without.close();
  await withCheck.close();
}
const checker = breachChecker(range.url, 1500);
const alone: number[] = [];
for (let n = 0; n < lookups; n++) {
  const start = performance.now();
  await checker.check(`lookup ${n}`);
  alone.push(performance.now() - start);
}
await checker.close();
await range.close();

const added = { median: quantile(times.with, 0.5) - quantile(times.without, 0.5), p99: quantile(times.with, 0.99) - quantile(times.without, 0.99) };
console.log(`Reset latency, ${pairs} interleaved pairs (Argon2id hash included), range server on loopback:`);
console.log(`  without the lookup   median ${ms(quantile(times.without, 0.5))}   p99 ${ms(quantile(times.without, 0.99))}`);
console.log(`  with the lookup      median ${ms(quantile(times.with, 0.5))}   p99 ${ms(quantile(times.with, 0.99))}`);
console.log(`  added                median ${ms(added.median)}   p99 ${ms(added.p99)}`);
console.log(`The lookup alone, ${lookups} calls on one keep-alive agent: median ${ms(quantile(alone, 0.5))}, p99 ${ms(quantile(alone, 0.99))}`);
