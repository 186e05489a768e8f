// Applies the migrations that have not run yet, all in one transaction under an advisory lock,
// so two instances starting together on one PostgreSQL neither race nor apply a step twice.
import type { Database } from './database.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Any 64-bit number of our own: the lock every instance takes while it migrates. */
const MIGRATION_LOCK = 7_165_843_120;

/** Brings the schema up to date; resolves to the names of the migrations it applied. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      applied.push(`${migration.id} ${migration.name}`);
    }
    return applied;
  });
}

/** Splits a migration into statements (our migrations hold no semicolons inside strings). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((part) => part.replace(/^\s*--.*$/gm, '').trim())
    .filter((part) => part !== '');
}
