// Passwords seen in breaches (SPEC §9, BREACHED_PASSWORDS_URL): a k-anonymous range lookup, as
// the Pwned Passwords API defines it. Only the first five hex digits of the SHA-1 leave the
// service; the answer lists every known suffix under that prefix (padded with count-0 lines), and
// the suffix is compared here, over the whole answer, in constant time per line.
//
// Never a dependency: any failure (no answer, not 200, a redirect, a body too large or malformed,
// the whole lookup over the timeout) is a "skipped" verdict with its reason, and the rest of the
// password rule decides.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Dispatcher } from 'undici';

/** undici loads with the first checker: without BREACHED_PASSWORDS_URL it is never needed (issue #24, memory). */
const undici = (): typeof import('undici') => createRequire(import.meta.url)('undici') as typeof import('undici');

/** What a lookup found. */
export type BreachVerdict = { breached: boolean } | { skipped: BreachSkip };

/** Why a lookup was skipped (audited and counted in /metrics). */
export type BreachSkip = 'unreachable' | 'timeout' | 'status' | 'redirect' | 'oversized' | 'malformed';

/** A range answer is ~40 KB padded; anything past this is not one. */
export const MAX_RANGE_BYTES = 1024 * 1024;

/** The SHA-1 of the (already NFKC-normalized) password's UTF-8 bytes, upper-case hex: prefix (5) and suffix (35). */
export function rangeKey(password: string): { prefix: string; suffix: string } {
  const hex = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
  return { prefix: hex.slice(0, 5), suffix: hex.slice(5) };
}

const LINE = /^([0-9A-Fa-f]{35}):(\d{1,12})$/;

/**
 * Reads a range answer: true when `suffix` is listed with a count above 0. Every line is compared
 * (no early exit), so the time does not tell where, or whether, it matched. Undefined when the
 * body is not a range answer.
 */
export function findSuffix(body: string, suffix: string): boolean | undefined {
  const wanted = Buffer.from(suffix.toUpperCase(), 'ascii');
  const lines = body.split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line !== '');
  if (lines.length === 0) return undefined;
  let found = false;
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) return undefined;
    const same = timingSafeEqual(Buffer.from((match[1] ?? '').toUpperCase(), 'ascii'), wanted);
    // Padding lines (count 0) are decoys, never a match.
    found = (same && Number(match[2]) > 0) || found;
  }
  return found;
}

/** One GET of a range, read whole (up to MAX_RANGE_BYTES) and searched for `suffix`; throws when the connection fails. */
async function rangeLookup(url: string, suffix: string, signal: AbortSignal, dispatcher: Dispatcher): Promise<BreachVerdict> {
  // undici's request follows no redirect: a 3xx is refused below, never followed.
  const response = await undici().request(url, { method: 'GET', headers: { 'Add-Padding': 'true', Accept: 'text/plain' }, signal, dispatcher });
  if (response.statusCode !== 200) {
    await response.body.dump();
    return { skipped: response.statusCode >= 300 && response.statusCode < 400 ? 'redirect' : 'status' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RANGE_BYTES) {
      response.body.destroy();
      return { skipped: 'oversized' };
    }
    chunks.push(chunk);
  }
  const found = findSuffix(Buffer.concat(chunks).toString('latin1'), suffix);
  return found === undefined ? { skipped: 'malformed' } : { breached: found };
}

/** A range lookup bound to one URL: keep-alive connections, the proxy from HTTPS_PROXY/NO_PROXY. */
export interface BreachChecker {
  check(password: string): Promise<BreachVerdict>;
  close(): Promise<void>;
}

/** The checker for `baseUrl` (the prefix is appended), each lookup bounded by `timeoutMs` as a whole. */
export function breachChecker(baseUrl: string, timeoutMs: number, dispatcher: Dispatcher = new (undici().EnvHttpProxyAgent)({ connections: 8 })): BreachChecker {
  return {
    async check(password) {
      const { prefix, suffix } = rangeKey(password);
      const controller = new AbortController();
      // The bound holds whatever the connection does (a proxy that never answers CONNECT, a body
      // that trickles): the verdict is "timeout" when the time is up, and the lookup is aborted.
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<BreachVerdict>((resolve) => {
        timer = setTimeout(() => {
          controller.abort();
          resolve({ skipped: 'timeout' });
        }, timeoutMs);
      });
      const lookup = rangeLookup(`${baseUrl}${prefix}`, suffix, controller.signal, dispatcher).catch((): BreachVerdict => ({ skipped: controller.signal.aborted ? 'timeout' : 'unreachable' }));
      try {
        return await Promise.race([lookup, expired]);
      } finally {
        clearTimeout(timer);
      }
    },
    // A lookup still waiting (a proxy that never answered) must not hold the shutdown.
    close: () => dispatcher.destroy(),
  };
}
