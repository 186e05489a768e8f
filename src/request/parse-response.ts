// What a panel form's answer means (SPEC §4): one outcome for any status and any body, as a pure
// function so fast-check properties can hammer it.
import { plainSupportAddress } from '../support-email.js';
import type { Outcome } from './outcome.js';
import { jsonObject, type Json, type RawAnswer } from './request-core.js';
import { parseRetryAfter } from './retry-after.js';

/** `undefined` for an empty body, `null` for one that is not a JSON object. */
function readJsonObject(body: string): Json | null | undefined {
  // Only JSON's own whitespace counts as empty; a body of U+00A0 or U+2028 is not JSON, so not trusted.
  return /^[ \t\r\n]*$/.test(body) ? undefined : (jsonObject(body) ?? null);
}

/** Keeps only string messages under string keys: the body is untrusted. */
function readFieldErrors(value: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return errors;
  for (const [field, message] of Object.entries(value as Json)) {
    if (typeof message === 'string' && message.trim() !== '') errors[field] = message;
  }
  return errors;
}

/**
 * Maps one backend answer to exactly one outcome of SPEC §4. Pure and total: any status and
 * any body give an outcome; nothing in the body is ever treated as markup.
 */
export function parseResponse({ status, body, retryAfter }: RawAnswer, now = Date.now()): Outcome {
  const json = readJsonObject(body);
  const supportEmail = plainSupportAddress(json?.supportEmail);
  const extra = supportEmail ? { status, supportEmail } : { status };

  if (status >= 200 && status < 300) {
    const answer = json === undefined ? 'sent' : json?.status;
    if (answer === 'sent') return { kind: 'sent', accepted: false, ...extra };
    if (answer === 'accepted') return { kind: 'sent', accepted: true, ...extra };
    if (answer === 'not_found') return { kind: 'not-found', ...extra };
    return { kind: 'error', reason: 'server', ...extra };
  }
  if (status === 404) return { kind: 'not-found', ...extra };
  if ((status === 400 || status === 422) && json?.status === 'invalid') {
    return { kind: 'error', reason: 'invalid', fieldErrors: readFieldErrors(json.errors), ...extra };
  }
  // 429 is a rate limit; a 503 with Retry-After is a planned pause. Both may say how long to wait.
  const reason = status === 429 ? 'rate-limited' : 'server';
  const retryAfterSeconds = status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : undefined;
  return retryAfterSeconds === undefined ? { kind: 'error', reason, ...extra } : { kind: 'error', reason, retryAfterSeconds, ...extra };
}
