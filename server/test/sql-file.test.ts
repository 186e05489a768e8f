// The SQL directory's queries file (SPEC §9): `-- name:` sections, `:name` parameters bound as
// `$n` or `?`, and everything that looks like a parameter but is not one left alone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseSqlFile, prepareQuery, SqlFileError, type SqlDialect } from '../src/directory/sql-file.js';

const pg = (body: string) => prepareQuery('q', 1, body, 'postgres');
const my = (body: string) => prepareQuery('q', 1, body, 'mysql');

describe('the queries file', () => {
  it('splits on "-- name:" lines, ignores text before the first, and keeps each line number', () => {
    const file = ['-- The portal queries', 'SELECT 1;', '', '-- name: find-account', 'SELECT id FROM users', 'WHERE id = :account_id;', '--name:set-password', 'UPDATE users SET pw = :password_hash WHERE id = :account_id'].join('\n');
    const queries = parseSqlFile(file, 'postgres');
    assert.deepEqual([...queries.keys()], ['find-account', 'set-password']);
    assert.equal(queries.get('find-account')?.line, 4);
    assert.equal(queries.get('find-account')?.text, 'SELECT id FROM users\nWHERE id = $1');
    assert.deepEqual(queries.get('set-password')?.params, ['password_hash', 'account_id']);
    assert.equal(queries.get('set-password')?.line, 7);
  });

  it('reads CRLF files and a byte-order mark', () => {
    const queries = parseSqlFile('\uFEFF-- name: a\r\nSELECT :x\r\n', 'mysql');
    assert.equal(queries.get('a')?.text, 'SELECT ?');
  });

  it('refuses a query named twice, a bad name and an empty query, naming them', () => {
    assert.throws(() => parseSqlFile('-- name: a\nSELECT 1\n-- name: a\nSELECT 2', 'postgres'), /line 3: the query a is named twice \(first on line 1\)/);
    assert.throws(() => parseSqlFile('-- name: \nSELECT 1', 'postgres'), /line 1: "-- name:" must be followed by a query name/);
    assert.throws(() => parseSqlFile('-- name: a b\nSELECT 1', 'postgres'), SqlFileError);
    assert.throws(() => parseSqlFile('-- name: find-account\n-- only a comment\n', 'postgres'), /query find-account \(line 1\): has no SQL/);
  });
});

describe('named parameters', () => {
  it('numbers PostgreSQL parameters by first use, reusing the number for a repeat', () => {
    const q = pg('SELECT :b, :a, :b, lower(:a)');
    assert.equal(q.text, 'SELECT $1, $2, $1, lower($2)');
    assert.deepEqual(q.params, ['b', 'a']);
    assert.deepEqual([...q.names], ['b', 'a']);
  });

  it('gives MySQL one ? per use, in order', () => {
    const q = my('SELECT :b, :a, :b');
    assert.equal(q.text, 'SELECT ?, ?, ?');
    assert.deepEqual(q.params, ['b', 'a', 'b']);
  });

  it('leaves casts, quoted literals, identifiers and comments alone', () => {
    const q = pg(`SELECT ':no', 'it''s :no', "col:no", :yes::text, x::int -- :no\n /* :no /* nested :no */ :no */ , E'\\' :no', $$ :no $$, $tag$ :no $ $tag$ FROM t WHERE a = :yes2`);
    assert.deepEqual(q.params, ['yes', 'yes2']);
    assert.match(q.text, /\$1::text, x::int/);
    assert.match(q.text, /'it''s :no'/);
    const m = my("SELECT ':no', 'it\\'s :no', \"str :no\", `col:no`, # :no\n :yes /* :no */ FROM t WHERE b = :yes2");
    assert.deepEqual(m.params, ['yes', 'yes2']);
    assert.match(m.text, /`col:no`/);
  });

  it('does not take a word after a letter for a parameter, nor MySQL\'s := assignment', () => {
    assert.deepEqual(my('SELECT @x := 1, a:b').params, []);
    assert.deepEqual(pg('SELECT arr[1:2]').params, []);
  });

  it('refuses "?" on MySQL and "$1" on PostgreSQL (names only, so order never matters)', () => {
    assert.throws(() => my('SELECT * FROM t WHERE a = ?'), /holds a "\?"/);
    assert.throws(() => pg('SELECT * FROM t WHERE a = $1'), /positional parameter/);
    assert.doesNotThrow(() => my("SELECT '?'"));
    assert.doesNotThrow(() => pg("SELECT '$1', data ? 'key' FROM t"));
  });

  it('allows one statement and a closing ";" (comments after it too), never two', () => {
    assert.equal(pg('SELECT 1; -- done\n').text, 'SELECT 1');
    assert.equal(my('SELECT 1 ;  \n').text, 'SELECT 1');
    assert.throws(() => pg('SELECT 1; DROP TABLE users'), /query q \(line 1\): holds more than one statement/);
    assert.throws(() => my('SELECT 1;;'), /more than one statement/);
    assert.doesNotThrow(() => pg("SELECT ';', $$;$$"));
  });

  it('refuses an unclosed literal, identifier, comment or dollar quote, naming the query', () => {
    for (const [body, what] of [["SELECT 'x", 'quoted literal'], ['SELECT "x', 'quoted identifier'], ['SELECT /* x', 'comment'], ['SELECT $a$ x', 'dollar-quoted']] as const) {
      assert.throws(() => prepareQuery('find-account', 7, body, 'postgres'), new RegExp(`query find-account \\(line 7\\): a[ /*]*${what.split(' ')[0]}`));
    }
    assert.throws(() => my('SELECT `x'), /quoted identifier is never closed/);
  });

  it('never lets a value reach the text: any parameter name becomes a placeholder, whatever surrounds it', () => {
    const dialects: SqlDialect[] = ['postgres', 'mysql'];
    fc.assert(
      fc.property(fc.constantFrom(...dialects), fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/), fc.array(fc.constantFrom('SELECT', ' ', ',', 'lower(', ')', '=', 'x', '\n'), { maxLength: 8 }), (dialect, name, around) => {
        const body = `${around.join('')} :${name} ${around.join('')}`;
        const q = prepareQuery('q', 1, body, dialect);
        assert.ok(q.names.has(name));
        assert.ok(!q.text.includes(`:${name}`));
      }),
    );
  });
});

describe("the README's examples", () => {
  it("are demo/portal-db's queries files, query for query", async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```sql\n(-- name: find-logins-by-email[^]*?)```/g)].map((match) => match[1] ?? '');
    assert.equal(blocks.length, 2, 'the MariaDB and the PostgreSQL example');
    for (const [index, [dialect, file]] of ([['mysql', 'mariadb-queries.sql'], ['postgres', 'postgres-queries.sql']] as const).entries()) {
      const demo = parseSqlFile(await readFile(path.join(root, 'demo', 'portal-db', file), 'utf8'), dialect);
      const shown = parseSqlFile(blocks[index] ?? '', dialect);
      assert.deepEqual([...shown.keys()], [...demo.keys()], file);
      // Comments aside, the same SQL.
      const bare = (text: string | undefined) => text?.replace(/--.*\n/g, '').replace(/\s+/g, ' ');
      for (const [name, query] of demo) assert.equal(bare(shown.get(name)?.text), bare(query.text), `${file}: ${name}`);
    }
  });
});
