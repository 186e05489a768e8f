// Signed calls to verify-password, as a portal's back end makes them, over real HTTP.
import { signRequest } from '../../src/directory/signature.js';

/** The secret the tests configure as PORTAL_SECRET. */
export const PORTAL_SECRET = 'portal-secret-for-tests-0123456789abcdef';

/** One answer, read whole. */
export interface CallAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** POSTs `body` (an object, or raw text) to `{api}/verify-password` with `headers` (signed ones, or none). */
export async function rawVerifyCall(api: string, body: string, headers: Record<string, string>): Promise<CallAnswer> {
  const response = await fetch(`${api}/verify-password`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Left empty: a test asserting on the body then fails visibly.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The signature headers for `body`, at `now`, with `secret`. */
export function signedHeaders(api: string, body: string, now: Date, secret = PORTAL_SECRET): Record<string, string> {
  return signRequest(secret, 'POST', `${new URL(api).pathname}/verify-password`, body, now);
}

/** A signed call, as a portal makes it. */
export function verifyCall(api: string, userName: string, password: string, now: Date, secret = PORTAL_SECRET): Promise<CallAnswer> {
  const body = JSON.stringify({ userName, password });
  return rawVerifyCall(api, body, signedHeaders(api, body, now, secret));
}
