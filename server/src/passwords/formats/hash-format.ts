// What every password hash format gives the SQL directory: a hash in the exact text the portal's
// own sign-in reads, a check of a stored hash, and the passwords the format cannot hold.

/** The formats PASSWORD_HASH_FORMAT names (SPEC §9). */
export const HASH_FORMAT_NAMES = ['argon2id', 'bcrypt', 'pbkdf2-sha256', 'scrypt'] as const;

/** One of PASSWORD_HASH_FORMAT's values. */
export type HashFormatName = (typeof HASH_FORMAT_NAMES)[number];

/** A password a format cannot hold: over bcrypt's 72 bytes, or with a NUL that C bcrypt stops at. */
export type FormatRefusal = 'too-many-bytes' | 'nul-character';

/** A hash format at the configured cost. */
export interface HashFormat {
  readonly name: HashFormatName;
  /** The stored text for `password` (already NFKC-normalized), computed off the event loop. */
  hash(password: string): Promise<string>;
  /** True when `stored` is a hash of this format and `password` matches it; false for anything else. */
  verify(stored: string, password: string): Promise<boolean>;
  /** Why this format cannot hold `password` (worded at New Password by refusal-message.ts), or undefined. */
  refuse?(password: string): FormatRefusal | undefined;
}
