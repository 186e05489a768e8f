// The widget's limits (SPEC §1), enforced again here: the server never trusts the page.

/** Longest Clinic Email accepted. */
export const MAX_EMAIL_LENGTH = 254;
/** Longest User Name or Requested By accepted. */
export const MAX_TEXT_LENGTH = 200;

// The HTML Standard's "valid e-mail address", as `type=email` checks it in the widget.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

// C0/C1 controls (tab aside), zero-width and bidi-override characters: never meant in a name and
// able to disguise one ("Trojan Source"). ZWNJ/ZWJ and LRM/RLM stay allowed (Persian, emoji).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** True for a well-formed address within the length limit. */
export function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

/** True when the text holds a character the widget refuses. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/**
 * What is wrong with Clinic Email (trimmed), as the widget's own sentence for it (its lit-localize
 * id: the same words in every language, from the one catalogue), or undefined when it is fine.
 */
export function emailProblem(value: string): 'problem.email-required' | 'problem.email-too-long' | 'problem.email-format' | undefined {
  if (value === '') return 'problem.email-required';
  if (value.length > MAX_EMAIL_LENGTH) return 'problem.email-too-long';
  if (!EMAIL.test(value)) return 'problem.email-format';
  return undefined;
}

/** What is wrong with User Name or Requested By (trimmed), as the widget's sentence id, or undefined. */
export function textProblem(
  field: 'userName' | 'requestedBy',
  value: string,
): 'problem.user-name-required' | 'problem.requested-by-required' | 'problem.user-name-too-long' | 'problem.requested-by-too-long' | 'problem.control-characters' | undefined {
  if (value === '') return field === 'userName' ? 'problem.user-name-required' : 'problem.requested-by-required';
  if ([...value].length > MAX_TEXT_LENGTH) return field === 'userName' ? 'problem.user-name-too-long' : 'problem.requested-by-too-long';
  if (hasControlCharacters(value)) return 'problem.control-characters';
  return undefined;
}
