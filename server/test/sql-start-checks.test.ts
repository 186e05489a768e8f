// The SQL directory's start (SPEC §9): every query is checked on the portal's database before the
// service listens (a dry run rolled back), and a fault stops the start with a message naming the
// query and the column; the configuration's own mistakes stop it earlier, naming the variable.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { main } from '../src/cli.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { DirectoryUnavailable } from '../src/directory/directory.js';
import { openSqlDirectory } from '../src/directory/sql-directory.js';
import { hashFormat, type HashFormatName } from '../src/passwords/hash-formats.js';
import { freshPortalDb, type PortalDb } from './helpers/portal-db.js';
import { TEST_HASH_COSTS } from './helpers/service.js';
import { sqlPassSkip } from './helpers/sql-pass.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'login-help-sql-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** demo/portal-db's queries with one change, written to a file of their own. */
async function queriesWith(portal: PortalDb, change: (text: string) => string): Promise<string> {
  const file = path.join(dir, `queries-${Math.random().toString(36).slice(2)}.sql`);
  await writeFile(file, change(await readFile(portal.queriesFile, 'utf8')));
  return file;
}

function open(portal: PortalDb, file: string, format: HashFormatName = portal.engine === 'mariadb' ? 'bcrypt' : 'pbkdf2-sha256') {
  return openSqlDirectory({ url: portal.url, file, timeoutMs: 5000, format: hashFormat(format, TEST_HASH_COSTS) });
}

/** Asserts the start is refused with a ConfigError whose message matches. */
async function refused(portal: PortalDb, file: string, message: RegExp, format?: HashFormatName): Promise<void> {
  await assert.rejects(open(portal, file, format), (error: Error) => {
    assert.ok(error instanceof ConfigError, error.stack);
    assert.match(error.message, message);
    return true;
  });
}

for (const engine of ['mariadb', 'postgres'] as const) {
  describe(`start-time checks on ${engine}`, { skip: sqlPassSkip() }, () => {
    let portal: PortalDb;
    before(async () => {
      portal = await freshPortalDb(engine);
      await portal.runFile(`${engine}-seed.sql`);
    });
    after(() => portal?.drop());

    it("starts with demo/portal-db's queries, as they are", async () => {
      const directory = await open(portal, portal.queriesFile);
      assert.equal(directory.kind, 'sql');
      assert.equal((await directory.findAccountByUserName({ query: () => Promise.resolve([]) }, 'HAPPYPAWS'))?.practiceEmail, 'frontdesk@happypaws.example');
      await directory.close?.();
    });

    it('refuses a missing query, naming it', async () => {
      const file = await queriesWith(portal, (text) => text.replace('-- name: find-account\n', '-- name: find-acount\n'));
      await refused(portal, file, /the query find-account is missing/);
    });

    it('refuses a query without one of its columns, naming the query and the column', async () => {
      const file = await queriesWith(portal, (text) => text.replace(/(-- name: find-account\n[^]*?), p\.email AS practice_email/, '$1'));
      await refused(portal, file, /query find-account \(line \d+\) gives no column practice_email \(it gives account_id, user_name, practice_name; name it with AS practice_email\)/);
    });

    it('refuses a query the database cannot parse, naming it and quoting the database', async () => {
      const file = await queriesWith(portal, (text) => text.replace(/(-- name: set-password\n(?:--.*\n)*)UPDATE/, '$1UPDAT'));
      await refused(portal, file, /query set-password \(line \d+\) failed on the portal's database: .*(syntax|UPDAT)/i);
    });

    it('refuses a query the file itself cannot split (an unclosed quote, two statements)', async () => {
      await refused(portal, await queriesWith(portal, (text) => text.replace('AS practice_name', "AS 'practice_name")), /query find-logins-by-email \(line \d+\): a quoted (literal|identifier) is never closed/);
      await refused(portal, await queriesWith(portal, (text) => text.replace(/(LIMIT 20;)/, '$1 DELETE FROM users;')), /query sample-password-hashes \(line \d+\): holds more than one statement/);
    });

    it('refuses a parameter a query is not given, or one it leaves out', async () => {
      await refused(portal, await queriesWith(portal, (text) => text.replace(/(-- name: find-account\n[^]*?):account_id/, '$1:id')), /query find-account \(line \d+\) does not use :account_id/);
      await refused(portal, await queriesWith(portal, (text) => text.replace('LOWER(:email)', 'LOWER(:email) AND :other IS NULL').replace('lower(:email)', 'lower(:email) AND :other IS NULL')), /find-logins-by-email \(line \d+\) uses :other, which it is not given \(:email\)/);
    });

    it("refuses a PASSWORD_HASH_FORMAT other than the hashes on file, saying which format it found", async () => {
      const found = engine === 'mariadb' ? 'bcrypt' : 'pbkdf2-sha256';
      const other = engine === 'mariadb' ? 'pbkdf2-sha256' : 'bcrypt';
      await refused(portal, portal.queriesFile, new RegExp(`PASSWORD_HASH_FORMAT is ${other}, but the hashes sample-password-hashes reads are ${found}`), other);
    });

    it('answers the wrong shape at run time with DirectoryUnavailable (503), naming the query: two accounts for one name, an empty column', async () => {
      const file = await queriesWith(portal, (text) =>
        text
          .replace(/(-- name: find-account-by-user-name\n[^]*?)WHERE[^]*?;/, '$1WHERE LOWER(:user_name) <> \'\' UNION ALL SELECT \'7\', \'again\', \'x\', \'y\';')
          .replace(/(-- name: find-account\n[^]*?)p\.email AS practice_email/, '$1NULL AS practice_email'),
      );
      const directory = await open(portal, file);
      try {
        const tx = { query: () => Promise.resolve([]) };
        await assert.rejects(directory.findAccountByUserName(tx, 'happypaws'), (error: Error) => error instanceof DirectoryUnavailable && error.operation === 'find-account-by-user-name' && /2 rows/.test(error.message));
        const id = engine === 'mariadb' ? (await portal.query<{ id: number }>('SELECT id FROM users'))[0]!.id : (await portal.query<{ id: number }>('SELECT id FROM auth_user'))[0]!.id;
        await assert.rejects(directory.findAccount(tx, String(id)), (error: Error) => error instanceof DirectoryUnavailable && /without account_id, user_name, practice_name or practice_email/.test(error.message));
      } finally {
        await directory.close?.();
      }
    });

    it('rolls the dry run back: a set-password that would change every row changes none at start', async () => {
      const users = engine === 'mariadb' ? 'users' : 'auth_user';
      const before = await portal.query(`SELECT password FROM ${users}`);
      const file = await queriesWith(portal, (text) =>
        text.replace(/(-- name: set-password\n(?:--.*\n)*)[^]*?(?=\n\n-- name:)/, `$1UPDATE ${users} SET password = :password_hash WHERE :account_id <> '';`),
      );
      const directory = await open(portal, file);
      await directory.close?.();
      assert.deepEqual(await portal.query(`SELECT password FROM ${users}`), before);
    });
  });
}

describe('the start through the command line', { skip: sqlPassSkip() }, () => {
  let portal: PortalDb;
  before(async () => {
    portal = await freshPortalDb('mariadb');
  });
  after(() => portal?.drop());

  const start = async (env: Record<string, string>) => {
    let out = '';
    let err = '';
    const code = await main(['start'], { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) }, Readable.from(['']), { LOGIN_HELP_DATA: path.join(dir, 'data'), PORT: '0', ...env });
    return { code, out, err };
  };

  it('stops with one line naming the query and the column, a non-zero exit and no stack', async () => {
    const file = await queriesWith(portal, (text) => text.replace('u.username AS user_name, p.name', 'u.username AS login, p.name'));
    const result = await start({ DIRECTORY_SQL_URL: portal.url, DIRECTORY_SQL_FILE: file, PASSWORD_HASH_FORMAT: 'bcrypt' });
    assert.equal(result.code, 1);
    assert.match(result.err, /query find-account-by-user-name \(line \d+\) gives no column user_name/);
    assert.doesNotMatch(result.err, /\n\s+at /);
    assert.equal(result.out, '', 'it never listened');
  });

  it('asks MariaDB for TLS with ?sslmode=require (the test server has none, so it refuses)', async () => {
    const url = new URL(portal.url);
    url.searchParams.set('sslmode', 'require');
    const result = await start({ DIRECTORY_SQL_URL: url.toString(), DIRECTORY_SQL_FILE: portal.queriesFile, PASSWORD_HASH_FORMAT: 'bcrypt' });
    assert.equal(result.code, 1);
    assert.match(result.err, /does not answer: .*secure connection/);
  });

  it('says when the database does not answer, without printing its password', async () => {
    const result = await start({ DIRECTORY_SQL_URL: 'mysql://portal:s3cret-pw@127.0.0.1:1/portal', DIRECTORY_SQL_FILE: portal.queriesFile, PASSWORD_HASH_FORMAT: 'bcrypt' });
    assert.equal(result.code, 1);
    assert.match(result.err, /DIRECTORY_SQL_URL mysql:\/\/portal:\*\*\*@127\.0\.0\.1:1\/portal does not answer/);
    assert.doesNotMatch(result.err, /s3cret/);
  });
});

describe('the SQL directory variables', () => {
  const base = { DIRECTORY_SQL_URL: 'mysql://portal@127.0.0.1/portal', DIRECTORY_SQL_FILE: 'queries.sql' };
  const refuses = (env: Record<string, string>, message: RegExp) => assert.throws(() => loadConfig(env), (error: Error) => error instanceof ConfigError && message.test(error.message));

  it('reads the URL, the file, the format and the costs', () => {
    const config = loadConfig({ ...base, PASSWORD_HASH_FORMAT: 'bcrypt', BCRYPT_COST: '13' });
    assert.deepEqual(config.directorySql, { url: base.DIRECTORY_SQL_URL, file: 'queries.sql' });
    assert.equal(config.passwordHashFormat, 'bcrypt');
    assert.deepEqual(config.hashCosts, { bcryptCost: 13, pbkdf2Iterations: 1_000_000, scryptLogN: 17, argon2MemoryKib: 19_456 });
    assert.equal(loadConfig({}).passwordHashFormat, 'argon2id');
  });

  it('refuses a half-given, doubled or mismatched setting, naming the variable', () => {
    refuses({ DIRECTORY_SQL_URL: base.DIRECTORY_SQL_URL }, /DIRECTORY_SQL_FILE must be set/);
    refuses({ DIRECTORY_SQL_FILE: 'q.sql' }, /DIRECTORY_SQL_URL is not/);
    refuses({ ...base, DIRECTORY_URL: 'https://portal.example/dir', DIRECTORY_SECRET: 'x'.repeat(32) }, /DIRECTORY_URL and DIRECTORY_SQL_URL are both set/);
    refuses({ ...base, DIRECTORY_SQL_URL: 'oracle://db/x' }, /DIRECTORY_SQL_URL must start with postgres: or postgresql: or mysql: or mariadb:/);
    refuses({ ...base, PASSWORD_HASH_FORMAT: 'md5' }, /PASSWORD_HASH_FORMAT must be one of argon2id, bcrypt, pbkdf2-sha256, scrypt/);
    refuses({ PASSWORD_HASH_FORMAT: 'bcrypt' }, /PASSWORD_HASH_FORMAT=bcrypt applies to the portal's own database/);
    refuses({ ...base, BCRYPT_COST: '9' }, /BCRYPT_COST must be a whole number from 10 to 20/);
    refuses({ ...base, PBKDF2_ITERATIONS: '260000' }, /PBKDF2_ITERATIONS must be a whole number from 600000/);
  });

  it("keeps import, demo and check-password off the portal's tables", async () => {
    for (const command of ['import', 'demo', 'check-password']) {
      let err = '';
      const code = await main([command, 'x'], { out: () => undefined, err: (text) => (err += text) }, Readable.from(['']), base);
      assert.equal(code, 2, command);
      assert.match(err, /the portal's own database \(DIRECTORY_SQL_URL\)/);
    }
  });
});
