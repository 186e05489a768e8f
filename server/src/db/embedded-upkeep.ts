// PGlite runs PostgreSQL in single-user mode, where no autovacuum launcher starts: the setting
// says "on", yet nothing ever vacuums or analyzes the embedded database. Measured: 400,000
// updates left 108,747 dead rows and `autovacuum_count` 0. Without it the outbox (two updates
// an email, neither of them HOT: `status` is in its partial index) and the audit table grow their
// indexes for good, the planner keeps the statistics of the day the folder was made, and
// transaction ids are never frozen. So the service does the launcher's work: every minute it
// reads the tables' counters and vacuums or analyzes those past autovacuum's own thresholds.
import type { Database } from './database.js';

/** One table's counters, from `pg_stat_user_tables`. */
export interface TableActivity {
  /** The table's name, quoted for SQL by PostgreSQL (`quote_ident`). */
  name: string;
  live: number;
  dead: number;
  modifiedSinceAnalyze: number;
  insertedSinceVacuum: number;
}

/** PostgreSQL's own defaults for autovacuum's thresholds (base + scale × live rows). */
export const THRESHOLDS = {
  vacuum: { base: 50, scale: 0.2 },
  insert: { base: 1000, scale: 0.2 },
  analyze: { base: 50, scale: 0.1 },
} as const;

/** What a table needs now, by autovacuum's rules: a vacuum (which analyzes too), an analyze, or nothing. */
export function upkeepFor(table: TableActivity): 'vacuum' | 'analyze' | undefined {
  const past = (count: number, rule: { base: number; scale: number }): boolean => count > rule.base + rule.scale * table.live;
  if (past(table.dead, THRESHOLDS.vacuum) || past(table.insertedSinceVacuum, THRESHOLDS.insert)) return 'vacuum';
  return past(table.modifiedSinceAnalyze, THRESHOLDS.analyze) ? 'analyze' : undefined;
}

/** One pass of the launcher's work; resolves to what it did, table by table. */
export async function runUpkeep(db: Database): Promise<{ table: string; did: 'vacuum' | 'analyze' }[]> {
  // The counters reach the shared statistics at most once a second; this statement's end flushes them.
  await db.query('SELECT pg_stat_force_next_flush()');
  const tables = await db.query<TableActivity>(
    `SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name, n_live_tup::float8 AS live, n_dead_tup::float8 AS dead,
            n_mod_since_analyze::float8 AS "modifiedSinceAnalyze", n_ins_since_vacuum::float8 AS "insertedSinceVacuum"
       FROM pg_stat_user_tables ORDER BY relname`,
  );
  const done: { table: string; did: 'vacuum' | 'analyze' }[] = [];
  for (const table of tables) {
    const did = upkeepFor(table);
    if (!did) continue;
    // The name is the catalog's own, quoted by quote_ident: no value from outside reaches this text.
    await db.exec(did === 'vacuum' ? `VACUUM (ANALYZE) ${table.name}` : `ANALYZE ${table.name}`);
    done.push({ table: table.name, did });
  }
  return done;
}

/** Runs `runUpkeep` every `intervalMs` (autovacuum's naptime, a minute); `stop` waits for a pass in progress. */
export function watchEmbeddedUpkeep(db: Database, onError: (error: unknown) => void, intervalMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => runUpkeep(db)).catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
