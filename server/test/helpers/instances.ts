// Two services on one PostgreSQL schema (the machine's), started at once as two instances of a
// deployment would be: each its own pool, both migrating under the advisory lock.
import type { Config } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { addDemo } from '../../src/directory/import.js';
import { startService, type Service, type ServiceOptions } from '../../src/service.js';
import { freshDatabase, TEST_POSTGRES_URL } from './database.js';

/** Starts both with the demo clinic; `close` stops them and drops the schema. */
export async function startTwoInstances(config: Config, options: ServiceOptions = {}): Promise<{ a: Service; b: Service; close(): Promise<void> }> {
  const fresh = await freshDatabase();
  const other = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, schema: fresh.schema! });
  const [a, b] = await Promise.all([startService(config, { ...options, db: fresh.db }), startService(config, { ...options, db: other })]);
  await addDemo(a.db);
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await other.close();
      await fresh.drop();
    },
  };
}
