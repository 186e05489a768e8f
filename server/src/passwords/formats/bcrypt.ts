// bcrypt as PHP's password_hash writes it (`$2y$12$…`), through @node-rs/bcrypt (prebuilt, no
// install script), which hashes on libuv's thread pool so the event loop never waits.
import type { HashFormat } from './hash-format.js';

/** Loaded on first use: a platform without its prebuilt binary fails only where bcrypt is chosen. */
const bcrypt = (): Promise<typeof import('@node-rs/bcrypt')> => import('@node-rs/bcrypt');

/** bcrypt reads no more than this many bytes of a password; the rest would be ignored. */
export const BCRYPT_MAX_BYTES = 72;

/** bcrypt at `cost` (log2 of the rounds; Laravel's and PHP 8.4's default is 12). */
export function bcryptFormat(cost: number): HashFormat {
  return {
    name: 'bcrypt',
    // Refused rather than truncated: a longer password would be stored as its first 72 bytes,
    // and the portal's sign-in would then accept anything that starts with them.
    refuse(password) {
      if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) return 'too-many-bytes';
      // C bcrypt implementations (and PHP 8.4) stop at a NUL byte or refuse it.
      if (password.includes('\0')) return 'nul-character';
      return undefined;
    },
    hash: async (password) => (await bcrypt()).hash(password, { cost, version: '2y', rejectLongPasswords: true }),
    async verify(stored, password) {
      if (!/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(stored)) return false;
      return (await bcrypt()).verify(password, stored);
    },
  };
}
