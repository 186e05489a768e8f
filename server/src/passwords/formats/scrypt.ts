// scrypt as a PHC string, `$scrypt$ln=17,r=8,p=1$SALT$HASH` (salt and hash in base64 without
// padding), at OWASP's N=2^17, r=8, p=1 by default. node:crypto's asynchronous scrypt runs on
// libuv's thread pool.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { HashFormat } from './hash-format.js';

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number, length: number): Promise<Buffer> {
  const N = 2 ** logN;
  // Node refuses above 32 MiB unless told: scrypt needs 128·N·r bytes.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => scrypt(Buffer.from(password, 'utf8'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/** scrypt with N = 2^`logN` (17 by default). */
export function scryptFormat(logN: number): HashFormat {
  return {
    name: 'scrypt',
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, logN, BLOCK_SIZE, PARALLELISM, KEY_BYTES);
      return `$scrypt$ln=${logN},r=${BLOCK_SIZE},p=${PARALLELISM}$${b64(salt)}$${b64(key)}`;
    },
    async verify(stored, password) {
      const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
      if (!match) return false;
      const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
      // Bounds a stored hash cannot push past: at most 2 GiB of memory for one check.
      if (ln < 1 || ln > 22 || r < 1 || r > 32 || p < 1 || p > 16 || 128 * 2 ** ln * r > 2 ** 31) return false;
      const expected = Buffer.from(match[5] ?? '', 'base64');
      if (expected.length < 16) return false;
      const actual = await derive(password, Buffer.from(match[4] ?? '', 'base64'), ln, r, p, expected.length);
      return timingSafeEqual(actual, expected);
    },
  };
}
