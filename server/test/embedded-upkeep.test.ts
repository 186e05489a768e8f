// The embedded database's vacuum and analyze (db/embedded-upkeep.ts): PGlite's single-user
// PostgreSQL starts no autovacuum, so the service applies autovacuum's own thresholds itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase, type Database } from '../src/db/database.js';
import { runUpkeep, upkeepFor, watchEmbeddedUpkeep, type TableActivity } from '../src/db/embedded-upkeep.js';
import { migrate } from '../src/db/migrate.js';

const table = (counts: Partial<TableActivity>): TableActivity => ({ name: 'public.t', live: 1000, dead: 0, modifiedSinceAnalyze: 0, insertedSinceVacuum: 0, ...counts });

interface Counters {
  dead: number;
  vacuums: number;
  analyzed: boolean;
}

async function counters(db: Database, name: string): Promise<Counters> {
  await db.query('SELECT pg_stat_force_next_flush()');
  const [row] = await db.query<Counters>(
    `SELECT n_dead_tup::int AS dead, vacuum_count::int AS vacuums, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname = $1`,
    [name],
  );
  assert.ok(row, `no counters for ${name}`);
  return row;
}

/** An embedded database where 600 emails were queued and sent (two updates each) and 2,000 audit rows written. */
async function busyDatabase(): Promise<Database> {
  const db = await openDatabase({ dataDir: 'memory://' });
  await migrate(db);
  await db.query(
    `INSERT INTO outbox (kind, recipient, subject, text_body, html_body, locale, message_id, next_attempt_at, created_at)
     SELECT 'forgot-username', 'clinic' || g || '@example.org', 's', 't', 'h', 'en', '<' || g || '@example.org>', now(), now() FROM generate_series(1, 600) g`,
  );
  await db.query(`UPDATE outbox SET status = 'sending', attempts = attempts + 1`);
  await db.query(`UPDATE outbox SET status = 'sent', sent_at = now(), text_body = NULL, html_body = NULL`);
  await db.query(`INSERT INTO audit (at, form, value, outcome) SELECT now(), 'username', 'x' || g, 'not_found' FROM generate_series(1, 2000) g`);
  return db;
}

describe('the embedded database upkeep', () => {
  it("decides as autovacuum does: dead rows past 50 + 20%, inserts past 1,000 + 20%, changes past 50 + 10% for an analyze", () => {
    assert.equal(upkeepFor(table({})), undefined);
    assert.equal(upkeepFor(table({ dead: 250 })), undefined);
    assert.equal(upkeepFor(table({ dead: 251 })), 'vacuum');
    assert.equal(upkeepFor(table({ insertedSinceVacuum: 1200 })), undefined);
    assert.equal(upkeepFor(table({ insertedSinceVacuum: 1201 })), 'vacuum');
    assert.equal(upkeepFor(table({ modifiedSinceAnalyze: 150 })), undefined);
    assert.equal(upkeepFor(table({ modifiedSinceAnalyze: 151 })), 'analyze');
    assert.equal(upkeepFor(table({ live: 0, dead: 51 })), 'vacuum');
  });

  it('vacuums the tables past the thresholds: the dead rows of sent emails go, the statistics are new', async () => {
    const db = await busyDatabase();
    try {
      const before = await counters(db, 'outbox');
      assert.ok(before.dead >= 600, `dead rows ${before.dead}`);
      assert.equal(before.vacuums, 0);
      const done = await runUpkeep(db);
      assert.deepEqual(
        done.filter((entry) => ['public.outbox', 'public.audit'].includes(entry.table)),
        [
          { table: 'public.audit', did: 'vacuum' },
          { table: 'public.outbox', did: 'vacuum' },
        ],
      );
      const after = await counters(db, 'outbox');
      assert.deepEqual(after, { dead: 0, vacuums: 1, analyzed: true });
      assert.equal((await counters(db, 'audit')).vacuums, 1);
      assert.deepEqual(await runUpkeep(db), [], 'a second pass finds nothing to do');
    } finally {
      await db.close();
    }
  });

  it('runs a pass every interval, and stop waits for the one in progress', async () => {
    const db = await busyDatabase();
    const errors: unknown[] = [];
    const upkeep = watchEmbeddedUpkeep(db, (error) => errors.push(error), 50);
    try {
      for (let tries = 0; tries < 100 && (await counters(db, 'outbox')).vacuums === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      await upkeep.stop();
      assert.deepEqual(await counters(db, 'outbox'), { dead: 0, vacuums: 1, analyzed: true });
      assert.deepEqual(errors, []);
    } finally {
      await upkeep.stop();
      await db.close();
    }
  });

  it('reports a failed pass and goes on', async () => {
    const db = await busyDatabase();
    await db.close();
    const errors: unknown[] = [];
    const upkeep = watchEmbeddedUpkeep(db, (error) => errors.push(error), 20);
    for (let tries = 0; tries < 50 && errors.length < 2; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await upkeep.stop();
    assert.ok(errors.length >= 2, `errors reported: ${errors.length}`);
  });
});
