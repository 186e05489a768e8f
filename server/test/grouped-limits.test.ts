// The rate limits' grouped store on PostgreSQL (http/grouped-limits.ts): the consumes of
// concurrent requests in one upsert, each caller counted as if they had run one by one, across
// two instances on one table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from '../src/db/database.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { countsInOrder, groupedLimit, rowsOf, type Count } from '../src/http/grouped-limits.js';
import { engine, freshDatabase } from './helpers/database.js';

const skip = engine === 'postgres' ? false : 'the grouped store is the PostgreSQL one; this runs in the PostgreSQL pass';

describe('the grouped rate limit store', () => {
  it('writes each key once, in key order, with its number of consumes', () => {
    const consumes = ['b', 'a', 'b', 'c', 'b'].map((key) => ({ key, durationMs: 1000 }));
    assert.deepEqual(rowsOf(consumes), { keys: ['a', 'b', 'c'], points: [1, 3, 1], durations: [1000, 1000, 1000] });
  });

  it('gives each consume its own count, in the order they came', () => {
    const consumes = ['b', 'a', 'b', 'b'].map((key) => ({ key, durationMs: 1000 }));
    const totals = new Map<string, Count>([
      ['a', { points: 1, expire: 5 }],
      ['b', { points: 7, expire: 9 }],
    ]);
    assert.deepEqual(
      countsInOrder(consumes, totals).map((count) => count.points),
      [5, 1, 6, 7],
    );
    assert.throws(() => countsInOrder([{ key: 'z', durationMs: 1 }], totals), /no count for z/);
  });

  describe('on PostgreSQL', { skip }, () => {
    it('lets exactly the limit through when 40 consumes of one key arrive at once, and says how long to wait', async () => {
      const fresh = await freshDatabase();
      try {
        await migrate(fresh.db);
        const consume = groupedLimit(fresh.db, 'target', 5, 60);
        const waits = await Promise.all(Array.from({ length: 40 }, () => consume('clinic@example.org')));
        assert.equal(waits.filter((wait) => wait === 0).length, 5);
        assert.deepEqual(waits.slice(0, 5), [0, 0, 0, 0, 0], 'the first five in order');
        for (const wait of waits.slice(5)) assert.ok(wait > 55_000 && wait <= 60_000, `wait ${wait}`);
        const other = await Promise.all([consume('other@example.org'), consume('other@example.org')]);
        assert.deepEqual(other, [0, 0], 'another key has its own count');
      } finally {
        await fresh.drop();
      }
    });

    it('counts across two instances on the same table, and starts a new window once the last one ended', async () => {
      const fresh = await freshDatabase();
      let second: Database | undefined;
      try {
        await migrate(fresh.db);
        assert.ok(fresh.url && fresh.schema);
        second = await openDatabase({ databaseUrl: fresh.url, schema: fresh.schema });
        const a = groupedLimit(fresh.db, 'client', 10, 60);
        const b = groupedLimit(second, 'client', 10, 60);
        const waits = await Promise.all(Array.from({ length: 30 }, (_, n) => (n % 2 ? a : b)('203.0.113.9')));
        assert.equal(waits.filter((wait) => wait === 0).length, 10);
        const [row] = await fresh.db.query<{ points: number }>(`SELECT points FROM rate_limits WHERE key = 'client:203.0.113.9'`);
        assert.equal(row?.points, 30);
        await fresh.db.query(`UPDATE rate_limits SET expire = $1 WHERE key = 'client:203.0.113.9'`, [Date.now() - 1]);
        assert.equal(await a('203.0.113.9'), 0, 'a new window');
      } finally {
        await second?.close();
        await fresh.drop();
      }
    });
  });
});
