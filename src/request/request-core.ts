// The wire that the panel's RequestController and the reset page's ResetRequest share (SPEC §4):
// the target URL, the headers (Accept-Language, the CSRF header), one POST with a timeout and an
// abort, and a guard for the JSON answer. Shared as source: each bundle builds in its own copy.

/** The parts of an HTTP answer that decide an outcome. */
export interface RawAnswer {
  status: number;
  /** The body as text; `''` when empty. */
  body: string;
  /** The `Retry-After` header, if any. */
  retryAfter?: string | null;
}

/** An answer (with its headers, for what else a caller reads in them), or why there was none. */
export type Exchange = ({ kind: 'answer'; headers: Headers } & RawAnswer) | { kind: 'fault'; reason: 'network' | 'timeout' };

export type Json = Record<string, unknown>;

/**
 * `value` resolved against `base` when it is an http(s) URL without a user name or password:
 * fetch() refuses those, and that is a setup error, not a network one.
 */
export function httpUrl(value: string | undefined, base = document.baseURI): URL | undefined {
  try {
    const url = new URL(value?.trim() || 'x:', base);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `{base}/{path}` with exactly one slash between, whatever the base ends with; no fragment. */
export function joinPath(base: URL, path: string): URL {
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/${path}`;
  base.hash = '';
  return base;
}

/**
 * A JSON request's headers, with `Accept-Language` (a shipped locale, so CORS-safelisted) and the
 * CSRF token (`csrfToken`, else `<meta name="csrf-token">`) under `csrfHeader`. `undefined` when
 * Headers refuses them (a name with spaces, a token with line breaks): a setup error, not a crash.
 */
export function jsonHeaders(lang: string, csrfToken: string | undefined, csrfHeader: string): Headers | undefined {
  const headers = new Headers({ 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': lang });
  const token = csrfToken || document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content;
  try {
    if (token) headers.set(csrfHeader, token);
    return headers;
  } catch {
    return undefined;
  }
}

/**
 * POSTs `body` once (never from the cache, never re-sent), giving up after `timeout` ms through
 * `abort`, which the caller may also abort. A failure is `timeout` only when the timer fired.
 */
export async function post(url: URL, headers: Headers, body: string, credentials: RequestCredentials, timeout: number, abort: AbortController): Promise<Exchange> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeout);
  try {
    const response = await fetch(url, { method: 'POST', headers, body, credentials, signal: abort.signal, cache: 'no-store' });
    const { headers: answer, status } = response;
    return { kind: 'answer', status, body: await response.text(), retryAfter: answer.get('Retry-After'), headers: answer };
  } catch {
    return { kind: 'fault', reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as a JSON object; `undefined` for anything else (not JSON, an array, a string…): the body is untrusted. */
export function jsonObject(body: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}
