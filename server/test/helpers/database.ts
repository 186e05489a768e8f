// The database a test runs on: PGlite in memory, or (TEST_DATABASE=postgres) the machine's
// PostgreSQL in a fresh schema that is dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';

/** The PostgreSQL server the PostgreSQL run uses. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Which engine this run tests. */
export const engine: 'pglite' | 'postgres' = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, empty database (not yet migrated) and how to throw it away. */
export async function freshDatabase(): Promise<{ db: Database; url?: string; schema?: string; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, drop: () => db.close() };
  }
  const schema = `lh_test_${randomBytes(6).toString('hex')}`;
  const db = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, schema });
  return {
    db,
    url: TEST_POSTGRES_URL,
    schema,
    async drop() {
      await db.close();
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
