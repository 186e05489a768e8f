// Argon2id as a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`), what PHP's password_hash writes
// with PASSWORD_ARGON2ID, through @node-rs/argon2 (prebuilt; hashes off the event loop).
import { hash, verify } from '@node-rs/argon2';
import type { HashFormat } from './hash-format.js';

/** Algorithm.Argon2id in @node-rs/argon2 (a const enum, which isolated builds cannot inline). */
const ARGON2ID = 2;

/** Argon2id with `memoryKib` of memory, 2 passes, 1 lane (OWASP's minimum is 19,456 KiB). */
export function argon2idFormat(memoryKib: number): HashFormat {
  return {
    name: 'argon2id',
    hash: (password) => hash(password, { algorithm: ARGON2ID, memoryCost: memoryKib, timeCost: 2, parallelism: 1 }),
    async verify(stored, password) {
      if (!stored.startsWith('$argon2id$')) return false;
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
