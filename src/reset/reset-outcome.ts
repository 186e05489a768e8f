// What the reset page's two answers mean (SPEC §8), and its client checks: pure functions, so
// fast-check properties can hammer them. Nothing in a body is ever treated as markup.
import { jsonObject, type Json, type RawAnswer } from '../request/request-core.js';
import { parseRetryAfter } from '../request/retry-after.js';

/** Longest password accepted, in Unicode characters (SPEC §8). */
export const MAX_PASSWORD_LENGTH = 256;

/** Why a reset link cannot be used. */
export type DeadLink = 'expired' | 'used' | 'invalid';

/** A failure that says nothing about the link: the person may try again. */
export type ResetFault = 'rate-limited' | 'server' | 'network' | 'timeout' | 'config';

export type FaultOutcome = { kind: 'fault'; reason: ResetFault; status?: number; retryAfterSeconds?: number };
export type DeadOutcome = { kind: 'dead'; link: DeadLink; status?: number };

/** `POST {endpoint}/reset-password/check`. */
export type CheckOutcome = { kind: 'valid'; userName: string; minLength: number } | DeadOutcome | FaultOutcome;

/** `POST {endpoint}/reset-password`. */
export type SaveOutcome =
  | { kind: 'reset'; status: number }
  | { kind: 'invalid'; status: number; /** The message for New Password, if the backend gave one (plain text). */ password?: string }
  | DeadOutcome
  | FaultOutcome;

/** 410 and 404 (and, for the check, a refused token) mean the link is dead. */
function deadLink(status: number, json: Json | undefined): DeadOutcome | undefined {
  if (status === 410) return { kind: 'dead', link: json?.status === 'used' ? 'used' : 'expired', status };
  if (status === 404) return { kind: 'dead', link: 'invalid', status };
  return undefined;
}

/** Rate limits and everything else the person can only wait out; 429 and 503 may say how long. */
function fault(status: number, retryAfter: string | null | undefined, now: number): FaultOutcome {
  const reason = status === 429 ? 'rate-limited' : 'server';
  const seconds = status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : undefined;
  return seconds === undefined ? { kind: 'fault', reason, status } : { kind: 'fault', reason, status, retryAfterSeconds: seconds };
}

/**
 * The check's answer: 200 `{"status":"valid","userName","minLength"}` is a usable link; 410
 * expired or used, 404 (and a 400/422 refusing the token itself) not valid; anything else is a
 * fault, including a 2xx of another shape (the answer is not trusted).
 */
export function parseCheck({ status, body, retryAfter }: RawAnswer, now = Date.now()): CheckOutcome {
  const json = jsonObject(body);
  const dead = deadLink(status, json);
  if (dead) return dead;
  if (status === 400 || status === 422) return { kind: 'dead', link: 'invalid', status };
  if (status >= 200 && status < 300) {
    const { userName, minLength } = json ?? {};
    const usable = json?.status === 'valid' && typeof userName === 'string' && userName !== '';
    if (usable && Number.isInteger(minLength) && (minLength as number) >= 1 && (minLength as number) <= MAX_PASSWORD_LENGTH) {
      return { kind: 'valid', userName, minLength: minLength as number };
    }
    return { kind: 'fault', reason: 'server', status };
  }
  return fault(status, retryAfter, now);
}

/**
 * The reset's answer: 200 `{"status":"reset"}` is done; 400/422 `invalid` may carry the message
 * for New Password (`errors.password`, plain text); 410/404 as for the check; anything else is a
 * fault, so success is never shown for an answer that does not say so.
 */
export function parseSave({ status, body, retryAfter }: RawAnswer, now = Date.now()): SaveOutcome {
  const json = jsonObject(body);
  const dead = deadLink(status, json);
  if (dead) return dead;
  if (status >= 200 && status < 300) return json?.status === 'reset' ? { kind: 'reset', status } : { kind: 'fault', reason: 'server', status };
  if ((status === 400 || status === 422) && json?.status === 'invalid') {
    const message = (json.errors as Json | null | undefined)?.password;
    return typeof message === 'string' && message.trim() ? { kind: 'invalid', status, password: message } : { kind: 'invalid', status };
  }
  return fault(status, retryAfter, now);
}

/** What is wrong with New Password or Confirm New Password before anything is sent. */
export type PasswordProblem = 'required' | 'too-short' | 'too-long';
export type ConfirmProblem = 'confirm-required' | 'mismatch';

/** Counts Unicode characters (code points), not UTF-16 units: an emoji is one. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The client checks of SPEC §8. Passwords are never trimmed (a space is a character like any
 * other) and no composition rule applies. The mismatch shows at Confirm New Password.
 */
export function checkPasswords(password: string, confirm: string, minLength: number): { password?: PasswordProblem; confirm?: ConfirmProblem } {
  const problems: { password?: PasswordProblem; confirm?: ConfirmProblem } = {};
  const length = characterCount(password);
  if (password === '') problems.password = 'required';
  else if (length < minLength) problems.password = 'too-short';
  else if (length > MAX_PASSWORD_LENGTH) problems.password = 'too-long';
  if (confirm === '') problems.confirm = 'confirm-required';
  else if (password !== '' && confirm !== password) problems.confirm = 'mismatch';
  return problems;
}
