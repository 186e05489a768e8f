// The password rule (NIST SP 800-63B): long enough, no composition rules, any Unicode character,
// and not a common or breached password. Lengths count Unicode code points after NFKC.
import { createRequire } from 'node:module';

/** The widget's and the server's upper bound, in characters. */
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;

/**
 * The bundled list (@zxcvbn-ts/language-common's passwords-common, about 49,000 entries),
 * lower-cased. Loaded at the first password checked, not at start: the package and its `Set`
 * hold ~10 MiB that a service answering only the two forms never needs (issue #24).
 */
function commonPasswords(): Set<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    const list = dictionary['passwords-common'];
    if (!list) throw new Error('@zxcvbn-ts/language-common has no passwords-common list');
    common = new Set(list.map((word) => word.toLowerCase()));
  }
  return common;
}

/** Why a password is refused, or undefined when it is acceptable. */
export type PasswordProblem = 'too-short' | 'too-long' | 'too-common' | 'user-name';

/** The normalized form that is hashed and compared. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** The shortest string whose repetition makes `text` ("abcabcabc" → "abc"). */
function repeatedUnit(text: string): string {
  const chars = [...text];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === text) return unit;
  }
  return text;
}

/** Runs along a keyboard row, the alphabet or the digits (wrapping): "123456789012345", "qwertyuiop…". */
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function isSequence(text: string): boolean {
  return SEQUENCES.some((sequence) => {
    const run = sequence.repeat(Math.ceil(text.length / sequence.length) + 1);
    return run.includes(text) || [...run].reverse().join('').includes(text);
  });
}

/** Checks a (normalized) password against the rule; `userName` may not be the password. */
export function passwordProblem(password: string, minLength: number, userName?: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < minLength) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  // The user name, repeated or with a little around it, is what an attacker tries first.
  const name = userName?.toLowerCase();
  if (name && lower.includes(name) && [...lower.split(name).join('')].length < 6) return 'user-name';
  const list = commonPasswords();
  if (list.has(lower) || list.has(repeatedUnit(lower)) || [...new Set(lower)].length <= 2 || isSequence(lower)) return 'too-common';
  return undefined;
}
