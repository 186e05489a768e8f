// Password hashing: Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane) through
// @node-rs/argon2, whose prebuilt binary installs from the npm registry with no install script.
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id in @node-rs/argon2 (a const enum, which isolated builds cannot inline). */
const ARGON2ID = 2;

/** Today's cost: memory in KiB, passes, lanes. */
export const ARGON2_COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The PHC string of `password` (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...ARGON2_COST });
}

/** True when `password` matches the stored hash; false for any other hash or a malformed one. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// An Argon2 PHC string: `$argon2id$v=19$m=…,t=…,p=…$salt$hash` (salt and hash unpadded base64).
const ARGON2_PHC = /^\$(argon2id|argon2i|argon2d)\$v=(16|19)\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{16,}$/;

/** True for a stored hash `verifyPassword` can check (an Argon2 PHC string), as `import` accepts them. */
export function isSupportedHash(stored: string): boolean {
  return ARGON2_PHC.test(stored);
}

/**
 * True when a hash that has just verified should be replaced by `hashPassword`'s: another Argon2
 * variant or version, or less memory, fewer passes or fewer lanes than today's cost (as Django and
 * PHP's `password_needs_rehash` do). Stronger parameters are kept.
 */
export function needsRehash(stored: string): boolean {
  const match = ARGON2_PHC.exec(stored);
  if (!match) return true;
  const [, variant, version, m, t, p] = match;
  return variant !== 'argon2id' || version !== '19' || Number(m) < ARGON2_COST.memoryCost || Number(t) < ARGON2_COST.timeCost || Number(p) < ARGON2_COST.parallelism;
}
