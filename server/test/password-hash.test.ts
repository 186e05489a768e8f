// Which stored hashes import accepts, and which a successful check re-hashes (needsRehash).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hash } from '@node-rs/argon2';
import { hashPassword, isSupportedHash, needsRehash, verifyPassword } from '../src/passwords/hash.js';

describe('password hashes', () => {
  it("keeps today's Argon2id cost or stronger, and re-hashes anything weaker or of another variant", async () => {
    const today = await hashPassword('correct horse battery staple');
    assert.equal(needsRehash(today), false);
    assert.equal(needsRehash(today.replace('m=19456,t=2,p=1', 'm=65536,t=3,p=4')), false, 'stronger parameters are kept');
    for (const weaker of ['m=8192,t=2,p=1', 'm=19456,t=1,p=1']) assert.equal(needsRehash(today.replace('m=19456,t=2,p=1', weaker)), true, weaker);
    const argon2i = await hash('correct horse battery staple', { algorithm: 1, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    assert.equal(needsRehash(argon2i), true, 'argon2i');
    assert.ok(await verifyPassword(argon2i, 'correct horse battery staple'), 'still checked until then');
  });

  it('accepts Argon2 PHC strings for import, and nothing else', async () => {
    assert.ok(isSupportedHash(await hashPassword('x')));
    for (const other of ['', 'plain text', '$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234', 'pbkdf2_sha256$600000$salt$hash', '$argon2id$v=19$m=19456,t=2,p=1$short$x']) {
      assert.equal(isSupportedHash(other), false, other);
    }
  });
});
