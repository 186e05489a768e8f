// The panel forms' client checks (SPEC §1), as pure functions so fast-check properties can
// hammer them and the snippet builder can reuse them.
import { MAX_EMAIL_LENGTH } from './support-email.js';

/** Longest User Name or Requested By accepted (SPEC §1). */
export const MAX_TEXT_LENGTH = 200;

/** What is wrong with one field's value, before any request is made. */
export type FieldProblem = 'required' | 'email-format' | 'too-long' | 'control-characters';

// The HTML Standard's "valid e-mail address" (what `type=email` checks).
const HTML_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

// Refused, never silently removed: C0/C1 controls other than tab (a line break or NUL in a user
// name is never meant and would travel into e-mails), and invisible characters that only
// disguise text: zero-width space, word joiner, BOM, and bidi embeddings/overrides/isolates
// ("Trojan Source"). ZWNJ/ZWJ (U+200C/U+200D) and the LRM/RLM marks stay allowed: Persian
// names, emoji and right-to-left keyboards produce them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Counts what a person sees as characters (code points), not UTF-16 units. */
function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Checks a required free-text field (User Name, Requested By). `value` is already trimmed. */
export function checkText(value: string, max = MAX_TEXT_LENGTH): FieldProblem | undefined {
  if (value === '') return 'required';
  if (length(value) > max) return 'too-long';
  if (CONTROL.test(value)) return 'control-characters';
  return undefined;
}

/** Checks the Clinic Email field. `value` is already trimmed. */
export function checkEmail(value: string): FieldProblem | undefined {
  if (value === '') return 'required';
  if (value.length > MAX_EMAIL_LENGTH) return 'too-long';
  if (!HTML_EMAIL.test(value)) return 'email-format';
  return undefined;
}
