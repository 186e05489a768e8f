// The embedded database's named statements (db/pglite-statements.ts, issue #24): each text is
// prepared once and then run in one call, with the same values and rows as PGlite's query(); and
// a statement from outside never lands inside a transaction that is open.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PGlite, protocol } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../src/db/database.js';
import { NAMED_STATEMENTS, PgliteStatements, RunMessage } from '../src/db/pglite-statements.js';

async function withDatabase(work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await db.exec('CREATE TABLE t (id serial PRIMARY KEY, name text UNIQUE, at timestamptz, tags text[], ok boolean)');
    await work(db);
  } finally {
    await db.close();
  }
}

/** A deferred promise: a transaction's work waits on it while the test looks on. */
function gate(): { wait: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('the embedded database runs named statements', () => {
  it('writes the bytes PGlite’s own serializer writes for a run, into a buffer it keeps', () => {
    const message = new RunMessage();
    const expected = (name: string, values: (string | null)[]): Buffer =>
      Buffer.concat([protocol.serialize.bind({ statement: name, values }), protocol.serialize.describe({ type: 'P' }), protocol.serialize.execute(), protocol.serialize.sync()]);
    const cases: [string, (string | null)[]][] = [
      ['login_help_1', ['42']],
      ['login_help_12', ['Ünïcode ✓ 𝄞', null, '', '{"a","b,c"}']],
      ['login_help_3', ['x'.repeat(40_000), 'é'.repeat(20_000)]],
      ['login_help_4', [null]],
    ];
    for (const [name, values] of cases) assert.deepEqual(Buffer.from(message.bind(name, values)), expected(name, values), `${name}, ${values.length} values`);
  });

  it('gives the rows PGlite’s own query() gives, values and types alike', async () => {
    const plain = await PGlite.create();
    const named = new PgliteStatements(plain);
    try {
      const sql = `SELECT $1::int AS n, $2::text AS s, $3::timestamptz AS at, $4::text[] AS list, $5::boolean AS yes, $6::text AS nothing, $7::jsonb AS doc`;
      const values = [42, 'Ünïcode "quoted", comma', new Date('2026-12-07T01:02:03.456Z'), ['a', 'b,c', 'd"e', ''], true, null, { k: [1, 'two'] }];
      const expected = (await plain.query(sql, values)).rows;
      assert.deepEqual(await named.run(sql, values), expected);
      assert.deepEqual(await named.run(sql, values), expected, 'the second run, through the prepared statement');
      assert.deepEqual(expected, [{ n: 42, s: 'Ünïcode "quoted", comma', at: new Date('2026-12-07T01:02:03.456Z'), list: ['a', 'b,c', 'd"e', ''], yes: true, nothing: null, doc: { k: [1, 'two'] } }]);
    } finally {
      await plain.close();
    }
  });

  it('prepares each text once, however often it runs', () =>
    withDatabase(async (db) => {
      for (let n = 0; n < 5; n++) await db.query('INSERT INTO t (name) VALUES ($1)', [`name ${n}`]);
      const prepared = await db.query<{ name: string; statement: string }>(`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO t%'`);
      assert.equal(prepared.length, 1);
      assert.match(prepared[0]?.name ?? '', /^login_help_\d+$/);
      assert.deepEqual(await db.query('SELECT count(*)::int AS n FROM t'), [{ n: 5 }]);
    }));

  it('reports a failing statement as PostgreSQL does and goes on working', () =>
    withDatabase(async (db) => {
      await db.query('INSERT INTO t (name) VALUES ($1)', ['same']);
      await assert.rejects(db.query('INSERT INTO t (name) VALUES ($1)', ['same']), { code: '23505' });
      await assert.rejects(db.query('SELEC $1::int', [1]), { code: '42601' });
      await assert.rejects(db.query('SELECT $1::int AS n', ['not a number']), { code: '22P02' });
      assert.deepEqual(await db.query('SELECT $1::int AS n', [7]), [{ n: 7 }]);
      assert.deepEqual(await db.query('SELECT name FROM t WHERE name = $1', ['same']), [{ name: 'same' }]);
    }));

  it('runs a statement from outside only after the open transaction has ended', () =>
    withDatabase(async (db) => {
      const held = gate();
      const inside = db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (name) VALUES ($1)', ['in the transaction']);
        await held.wait;
        await tx.query('INSERT INTO t (name) VALUES ($1)', ['also in it']);
      });
      let seen: unknown;
      const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE name <> $1', ['']).then((rows) => (seen = rows));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(seen, undefined, 'the statement from outside waited');
      held.open();
      await inside;
      assert.deepEqual(await outside, [{ n: 2 }]);
    }));

  it('rolls a transaction back when its work throws, and refuses to commit one a statement failed in', () =>
    withDatabase(async (db) => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t (name) VALUES ($1)', ['rolled back']);
          throw new Error('the work failed');
        }),
        /the work failed/,
      );
      await db.query('INSERT INTO t (name) VALUES ($1)', ['taken']);
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t (name) VALUES ($1)', ['lost with the rest']);
          await tx.query('INSERT INTO t (name) VALUES ($1)', ['taken']).catch(() => undefined);
        }),
        { code: '25P02' },
      );
      assert.deepEqual(await db.query('SELECT name FROM t WHERE name <> $1 ORDER BY name', ['']), [{ name: 'taken' }]);
    }));

  it(`names at most ${NAMED_STATEMENTS} texts and runs any beyond them all the same`, () =>
    withDatabase(async (db) => {
      for (let n = 0; n <= NAMED_STATEMENTS + 5; n++) assert.deepEqual(await db.query(`SELECT $1::int + ${n} AS n`, [1]), [{ n: n + 1 }]);
      const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE $1`, ['login_help_%']);
      assert.equal(count?.n, NAMED_STATEMENTS);
    }));
});
