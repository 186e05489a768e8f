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

/** What to tell the person about one field, or undefined when it is fine. `value` is trimmed. */
export function emailProblem(value: string): string | undefined {
  if (value === '') return 'Enter your clinic email.';
  if (value.length > MAX_EMAIL_LENGTH) return `Clinic Email must be ${MAX_EMAIL_LENGTH} characters or fewer.`;
  if (!EMAIL.test(value)) return 'Enter an email address in the correct format, like name@example.com.';
  return undefined;
}

/** What to tell the person about User Name or Requested By (`label`), or undefined. */
export function textProblem(label: string, value: string): string | undefined {
  if (value === '') return `Enter ${label}.`;
  if ([...value].length > MAX_TEXT_LENGTH) return `${label} must be ${MAX_TEXT_LENGTH} characters or fewer.`;
  if (hasControlCharacters(value)) return `${label} contains a character that is not allowed.`;
  return undefined;
}
