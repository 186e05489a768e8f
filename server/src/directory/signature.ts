// How a signed request is made and checked: HMAC-SHA256 with a shared secret over the time, a
// one-time nonce, the method, the path and the body. login-help-server signs its calls to a
// portal's directory (DIRECTORY_SECRET) with it, and checks a portal's calls to verify-password
// (PORTAL_SECRET) with it. A request whose time is outside the replay window, or whose nonce was
// seen within that window, is refused. Pure functions: a portal written in Node may import them
// (`import { verifyDirectoryRequest } from 'login-help-server'`).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The headers that carry the signature. */
export const SIGNATURE_HEADERS = { timestamp: 'x-login-help-timestamp', nonce: 'x-login-help-nonce', signature: 'x-login-help-signature' } as const;

/** How far a request's time may be from the portal's clock, in seconds (either way). */
export const REPLAY_WINDOW_SECONDS = 300;

/** The text that is signed. */
export function signedText(timestamp: string, nonce: string, method: string, path: string, body: string): string {
  return [timestamp, nonce, method.toUpperCase(), path, body].join('\n');
}

function mac(secret: string, text: string): string {
  return `v1=${createHmac('sha256', secret).update(text, 'utf8').digest('hex')}`;
}

/** The three headers for one request. */
export function signRequest(secret: string, method: string, path: string, body: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('base64url');
  return { [SIGNATURE_HEADERS.timestamp]: timestamp, [SIGNATURE_HEADERS.nonce]: nonce, [SIGNATURE_HEADERS.signature]: mac(secret, signedText(timestamp, nonce, method, path, body)) };
}

/** The three headers for one directory request (the name the directory calls have always used). */
export const signDirectoryRequest = signRequest;

/** Why a request is refused, or undefined when its signature is good and fresh. */
export type SignatureProblem = 'missing' | 'stale' | 'bad-signature' | 'replayed';

/** A request as the receiver sees it: the path as sent (with any base path), the body as received. */
export interface SignedRequest {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

// A nonce is the sender's random text; bounded so that remembering one costs little.
const NONCE = /^[\x21-\x7e]{8,128}$/;

/**
 * Checks everything but the replay: the headers are there, the time is within the window and the
 * signature is right. Resolves to the problem, or to the nonce (and the signed time, in seconds)
 * for the caller to check against the nonces it has seen.
 */
export function checkSignature(secret: string, request: SignedRequest, now: Date): SignatureProblem | { nonce: string; timestamp: number } {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const nonce = header(SIGNATURE_HEADERS.nonce);
  const signature = header(SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp) || !NONCE.test(nonce)) return 'missing';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return 'stale';
  const expected = Buffer.from(mac(secret, signedText(timestamp, nonce, request.method, request.path, request.body)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature';
  return { nonce, timestamp: Number(timestamp) };
}

/**
 * Checks a request as a portal receives it. `seen(nonce)` answers whether the nonce was already
 * used within the window (and remembers it); the portal keeps nonces for REPLAY_WINDOW_SECONDS.
 */
export function verifyDirectoryRequest(secret: string, request: SignedRequest, now: Date, seen: (nonce: string) => boolean): SignatureProblem | undefined {
  const checked = checkSignature(secret, request, now);
  if (typeof checked === 'string') return checked;
  return seen(checked.nonce) ? 'replayed' : undefined;
}
