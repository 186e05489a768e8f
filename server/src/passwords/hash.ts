// Password hashing: Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane) through
// @node-rs/argon2, whose prebuilt binary installs from the npm registry with no install script.
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id in @node-rs/argon2 (a const enum, which isolated builds cannot inline). */
const ARGON2ID = 2;

/** The PHC string of `password` (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** True when `password` matches the stored hash; false for any other hash or a malformed one. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
