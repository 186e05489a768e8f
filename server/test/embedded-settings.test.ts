// The embedded database runs with buffers sized for a clinic, not a server (database.ts): what
// keeps the idle service small (BENCHMARKS.md, "Memory of the embedded default").
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';

describe('the embedded database settings', () => {
  for (const where of ['a data folder', 'memory'] as const) {
    it(`PGlite in ${where} starts with 16 MB of shared buffers, small work memory, an in-memory page cost and plans made for each run's values`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'login-help-settings-'));
      const db = await openDatabase({ dataDir: where === 'memory' ? 'memory://' : path.join(dir, 'data') });
      try {
        const [row] = await db.query<{ shared_buffers: string; work_mem: string; random_page_cost: string; plan_cache_mode: string }>(
          `SELECT current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem, current_setting('random_page_cost') AS random_page_cost,
                  current_setting('plan_cache_mode') AS plan_cache_mode`,
        );
        assert.deepEqual(row, { shared_buffers: '16MB', work_mem: '1MB', random_page_cost: '1.1', plan_cache_mode: 'force_custom_plan' });
      } finally {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it('looks a batch of user names and emails up through their indexes, not by reading every row', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrate(db);
      await db.query(`INSERT INTO practices (name, email, active) SELECT 'Clinic ' || g, 'clinic' || g || '@bench.example', true FROM generate_series(1, 2000) g`);
      await db.query(`INSERT INTO accounts (practice_id, user_name, active) SELECT id, 'clinic' || id, true FROM practices`);
      await db.query('ANALYZE');
      const plan = async (sql: string, values: string[]): Promise<string> =>
        (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [values])).map((row) => row['QUERY PLAN']).join('\n');
      const names = Array.from({ length: 20 }, (_, n) => `clinic${n * 97 + 1}`);
      const byName = await plan(`SELECT a.id FROM unnest($1::text[]) AS q (user_name) JOIN accounts a ON lower(a.user_name) = lower(q.user_name)`, names);
      const byEmail = await plan(`SELECT p.id FROM unnest($1::text[]) AS q (email) JOIN practices p ON lower(p.email) = lower(q.email)`, names.map((name) => `${name}@bench.example`));
      assert.match(byName, /Index Scan using accounts_user_name/);
      assert.match(byEmail, /Index Scan using practices_email/);
      assert.doesNotMatch(`${byName}\n${byEmail}`, /Seq Scan/);
    } finally {
      await db.close();
    }
  });
});
