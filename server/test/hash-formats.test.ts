// The hash formats of PASSWORD_HASH_FORMAT: each verifies the published vectors of its own
// ecosystem, writes the exact text the portal's sign-in reads, and hashes off the event loop.
// (Hashes written through the service are checked by PHP and Django in sql-hash-verifiers.test.ts.)
import assert from 'node:assert/strict';
import { refusalMessage } from '../src/passwords/refusal-message.js';
import { describe, it } from 'node:test';
import { hashFormat, recognizeHash, type HashCosts } from '../src/passwords/hash-formats.js';

/** The lowest costs the variables allow, so the suite stays quick. */
const COSTS: HashCosts = { bcryptCost: 10, pbkdf2Iterations: 600_000, scryptLogN: 15, argon2MemoryKib: 19_456 };

describe('known vectors', () => {
  it('bcrypt: the example of PHP\'s password_verify manual page', async () => {
    const bcrypt = hashFormat('bcrypt', COSTS);
    assert.ok(await bcrypt.verify('$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a', 'rasmuslerdorf'));
    assert.ok(!(await bcrypt.verify('$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a', 'rasmuslerdorF')));
  });

  it("pbkdf2-sha256: Django's own test (make_password('lètmein', 'seasalt'))", async () => {
    const pbkdf2 = hashFormat('pbkdf2-sha256', COSTS);
    const django = 'pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=';
    assert.ok(await pbkdf2.verify(django, 'lètmein'));
    assert.ok(!(await pbkdf2.verify(django, 'letmein')));
  });

  it('argon2id: the reference implementation\'s test vectors (phc-winner-argon2 test.c)', async () => {
    const argon2 = hashFormat('argon2id', COSTS);
    assert.ok(await argon2.verify('$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc', 'password'));
    assert.ok(await argon2.verify('$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4', 'password'));
    assert.ok(!(await argon2.verify('$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4', 'Password')));
  });

  it('scrypt: RFC 7914 §12 (password, NaCl, N=1024, r=8, p=16) as a PHC string', async () => {
    const scrypt = hashFormat('scrypt', COSTS);
    const rfc = '$scrypt$ln=10,r=8,p=16$TmFDbA$/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWIurzDZLiKjiG/xCSedmDDaxyevuUqD7m2DYMvfoswGQA';
    assert.ok(await scrypt.verify(rfc, 'password'));
    assert.ok(!(await scrypt.verify(rfc, 'passwort')));
  });
});

describe('what each format writes', () => {
  const password = 'correct horse battery staple ✓';

  it('bcrypt: $2y$ at the configured cost, 60 characters', async () => {
    const stored = await hashFormat('bcrypt', COSTS).hash(password);
    assert.match(stored, /^\$2y\$10\$[./A-Za-z0-9]{53}$/);
    assert.ok(await hashFormat('bcrypt', COSTS).verify(stored, password));
    assert.match(await hashFormat('bcrypt', { ...COSTS, bcryptCost: 11 }).hash(password), /^\$2y\$11\$/);
  });

  it("pbkdf2-sha256: Django's pbkdf2_sha256$ITERATIONS$SALT$HASH, a 22-character salt of Django's alphabet", async () => {
    const stored = await hashFormat('pbkdf2-sha256', COSTS).hash(password);
    assert.match(stored, /^pbkdf2_sha256\$600000\$[A-Za-z0-9]{22}\$[A-Za-z0-9+/]{43}=$/);
    assert.ok(await hashFormat('pbkdf2-sha256', COSTS).verify(stored, password));
    assert.ok(!(await hashFormat('pbkdf2-sha256', COSTS).verify(stored, 'correct horse battery staple')));
  });

  it('scrypt: a PHC string with ln, r and p', async () => {
    const stored = await hashFormat('scrypt', COSTS).hash(password);
    assert.match(stored, /^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.ok(await hashFormat('scrypt', COSTS).verify(stored, password));
  });

  it('argon2id: a PHC string with the configured memory', async () => {
    const stored = await hashFormat('argon2id', { ...COSTS, argon2MemoryKib: 20_000 }).hash(password);
    assert.match(stored, /^\$argon2id\$v=19\$m=20000,t=2,p=1\$/);
    assert.ok(await hashFormat('argon2id', COSTS).verify(stored, password));
  });

  it('each refuses another format\'s hash and malformed text without throwing', async () => {
    const bcrypt = await hashFormat('bcrypt', COSTS).hash(password);
    for (const name of ['argon2id', 'pbkdf2-sha256', 'scrypt'] as const) {
      assert.equal(await hashFormat(name, COSTS).verify(bcrypt, password), false, name);
      for (const junk of ['', '$', 'pbkdf2_sha256$x$y$z', '$scrypt$ln=99,r=8,p=1$AA$AA', 'pbkdf2_sha256$999999999$s$h']) assert.equal(await hashFormat(name, COSTS).verify(junk, password), false, `${name} ${junk}`);
    }
    assert.equal(await hashFormat('bcrypt', COSTS).verify('$2y$10$short', password), false);
  });

  it('keeps the event loop free while hashing', async () => {
    for (const name of ['bcrypt', 'pbkdf2-sha256', 'scrypt', 'argon2id'] as const) {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      await hashFormat(name, { ...COSTS, bcryptCost: 12, pbkdf2Iterations: 1_000_000, scryptLogN: 17 }).hash(password);
      clearInterval(timer);
      assert.ok(ticks >= 5, `${name}: the loop ran ${ticks} times while it hashed`);
    }
  });
});

describe('the 72-byte limit of bcrypt', () => {
  const bcrypt = hashFormat('bcrypt', COSTS);

  it('refuses a password over 72 UTF-8 bytes, counted in bytes, not characters', () => {
    assert.equal(bcrypt.refuse?.('a'.repeat(72)), undefined);
    assert.equal(bcrypt.refuse?.('a'.repeat(73)), 'too-many-bytes');
    // 25 three-byte characters are 75 bytes.
    assert.equal(bcrypt.refuse?.('€'.repeat(25)), 'too-many-bytes');
    assert.equal(bcrypt.refuse?.('a long password\0with a NUL'), 'nul-character');
  });

  it('words the refusal in the request\'s language, with the limit', () => {
    assert.match(refusalMessage('too-many-bytes', undefined, 15), /first 72 bytes/);
    assert.match(refusalMessage('too-many-bytes', 'es', 15), /72/);
    assert.notEqual(refusalMessage('too-many-bytes', 'es', 15), refusalMessage('too-many-bytes', 'en', 15));
    assert.match(refusalMessage('nul-character', 'en', 15), /NUL/);
  });

  it('the other formats take any length', () => {
    for (const name of ['argon2id', 'pbkdf2-sha256', 'scrypt'] as const) assert.equal(hashFormat(name, COSTS).refuse?.('€'.repeat(256)), undefined);
  });
});

describe('recognizing a stored hash', () => {
  it('names the four formats at any cost, and what else a portal may hold', () => {
    assert.deepEqual(recognizeHash('$2y$13$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a'), { format: 'bcrypt' });
    assert.deepEqual(recognizeHash('$2b$10$x'), { format: 'bcrypt' });
    assert.deepEqual(recognizeHash('pbkdf2_sha256$870000$abc$def='), { format: 'pbkdf2-sha256' });
    assert.deepEqual(recognizeHash('$argon2id$v=19$m=65536,t=4,p=1$a$b'), { format: 'argon2id' });
    assert.deepEqual(recognizeHash('$scrypt$ln=16,r=8,p=1$a$b'), { format: 'scrypt' });
    assert.deepEqual(recognizeHash('5f4dcc3b5aa765d61d8327deb882cf99'), { other: 'unsalted MD5 (32 hex digits)' });
    assert.deepEqual(recognizeHash('$6$salt$hash'), { other: 'SHA-512-crypt ($6$…)' });
    assert.deepEqual(recognizeHash('argon2$argon2id$v=19$m=102400,t=2,p=8$a$b'), { other: "Django's argon2 (argon2$argon2id$…)" });
    assert.deepEqual(recognizeHash('hello'), { other: 'an unrecognized format' });
  });
});
