// Django's default hasher: `pbkdf2_sha256$ITERATIONS$SALT$HASH`, the hash being the base64 of
// 32 bytes of PBKDF2-HMAC-SHA256 over the UTF-8 password and the salt's text. node:crypto's
// asynchronous pbkdf2 runs on libuv's thread pool.
import { pbkdf2, randomInt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { HashFormat } from './hash-format.js';

const derive = promisify(pbkdf2);

/** Django's get_random_string alphabet (RANDOM_STRING_CHARS). */
const SALT_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** 22 characters of 62: Django's 128 bits of salt entropy. */
const SALT_LENGTH = 22;
const KEY_BYTES = 32;
/** A stored hash asking for more than this is refused instead of tying up a thread for minutes. */
const MAX_ITERATIONS = 100_000_000;

/** A salt as Django makes one. */
function djangoSalt(): string {
  let salt = '';
  for (let i = 0; i < SALT_LENGTH; i++) salt += SALT_ALPHABET[randomInt(SALT_ALPHABET.length)];
  return salt;
}

async function digest(password: string, salt: string, iterations: number): Promise<string> {
  return (await derive(Buffer.from(password, 'utf8'), Buffer.from(salt, 'utf8'), iterations, KEY_BYTES, 'sha256')).toString('base64');
}

/** Django's pbkdf2_sha256 at `iterations` (Django 5.2 writes 1,000,000; OWASP asks for 600,000 or more). */
export function pbkdf2Sha256Format(iterations: number): HashFormat {
  return {
    name: 'pbkdf2-sha256',
    async hash(password) {
      const salt = djangoSalt();
      return `pbkdf2_sha256$${iterations}$${salt}$${await digest(password, salt, iterations)}`;
    },
    async verify(stored, password) {
      const [algorithm, rounds, salt, expected, ...rest] = stored.split('$');
      if (algorithm !== 'pbkdf2_sha256' || rest.length > 0 || !rounds || !/^\d{1,9}$/.test(rounds) || salt === undefined || !expected) return false;
      const count = Number(rounds);
      if (count < 1 || count > MAX_ITERATIONS) return false;
      const actual = Buffer.from(await digest(password, salt, count));
      const wanted = Buffer.from(expected);
      return actual.length === wanted.length && timingSafeEqual(actual, wanted);
    },
  };
}
