// The password hash formats the SQL directory writes (PASSWORD_HASH_FORMAT, SPEC §9), each at a
// cost an operator may raise, and the recognition of a stored hash's format for the start check.
import { argon2idFormat } from './formats/argon2id.js';
import { bcryptFormat } from './formats/bcrypt.js';
import { HASH_FORMAT_NAMES, type HashFormat, type HashFormatName } from './formats/hash-format.js';
import { pbkdf2Sha256Format } from './formats/pbkdf2-sha256.js';
import { scryptFormat } from './formats/scrypt.js';

export { HASH_FORMAT_NAMES, type HashFormat, type HashFormatName } from './formats/hash-format.js';

/** The cost of each format (one variable each). */
export interface HashCosts {
  /** BCRYPT_COST: log2 of bcrypt's rounds. */
  bcryptCost: number;
  /** PBKDF2_ITERATIONS. */
  pbkdf2Iterations: number;
  /** SCRYPT_LOG_N: log2 of scrypt's N. */
  scryptLogN: number;
  /** ARGON2_MEMORY_KIB. */
  argon2MemoryKib: number;
}

/** The format `name` at the given costs. */
export function hashFormat(name: HashFormatName, costs: HashCosts): HashFormat {
  switch (name) {
    case 'argon2id':
      return argon2idFormat(costs.argon2MemoryKib);
    case 'bcrypt':
      return bcryptFormat(costs.bcryptCost);
    case 'pbkdf2-sha256':
      return pbkdf2Sha256Format(costs.pbkdf2Iterations);
    case 'scrypt':
      return scryptFormat(costs.scryptLogN);
  }
}

const KNOWN: ReadonlySet<string> = new Set(HASH_FORMAT_NAMES);

/** Stored-hash shapes, for naming what a portal holds: [test, format it is, or what to call it]. */
const SHAPES: readonly [RegExp, HashFormatName | string][] = [
  [/^\$2[abxy]\$\d\d\$/, 'bcrypt'],
  [/^pbkdf2_sha256\$\d+\$/, 'pbkdf2-sha256'],
  [/^\$argon2id\$/, 'argon2id'],
  [/^\$scrypt\$/, 'scrypt'],
  [/^\$argon2i\$/, 'argon2i ($argon2i$…)'],
  [/^\$argon2d\$/, 'argon2d ($argon2d$…)'],
  [/^argon2\$argon2id\$/, "Django's argon2 (argon2$argon2id$…)"],
  [/^bcrypt_sha256\$/, "Django's bcrypt_sha256 (bcrypt_sha256$…)"],
  [/^bcrypt\$\$2/, "Django's bcrypt (bcrypt$$2b$…)"],
  [/^scrypt\$\d+\$/, "Django's scrypt (scrypt$…)"],
  [/^pbkdf2_sha1\$/, "Django's pbkdf2_sha1 (pbkdf2_sha1$…)"],
  [/^(sha1|md5|unsalted_md5|unsalted_sha1|crypt)\$/, "one of Django's legacy hashers"],
  [/^\$1\$/, 'MD5-crypt ($1$…)'],
  [/^\$5\$/, 'SHA-256-crypt ($5$…)'],
  [/^\$6\$/, 'SHA-512-crypt ($6$…)'],
  [/^\$y\$/, 'yescrypt ($y$…)'],
  [/^\{[A-Z0-9-]+\}/, 'an LDAP-style {SCHEME} hash'],
  [/^[0-9a-f]{32}$/i, 'unsalted MD5 (32 hex digits)'],
  [/^[0-9a-f]{40}$/i, 'unsalted SHA-1 (40 hex digits)'],
  [/^[0-9a-f]{64}$/i, 'unsalted SHA-256 (64 hex digits)'],
];

/** The PASSWORD_HASH_FORMAT a stored hash is in, or a description of what else it is. */
export function recognizeHash(stored: string): { format: HashFormatName } | { other: string } {
  for (const [shape, what] of SHAPES) {
    if (!shape.test(stored)) continue;
    return KNOWN.has(what) ? { format: what as HashFormatName } : { other: what };
  }
  return { other: stored === '' ? 'empty values' : 'an unrecognized format' };
}
