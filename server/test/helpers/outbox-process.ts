// The outbox of a service running as its own process (the built CLI), on the engine under test:
// an embedded folder or a fresh PostgreSQL schema, messages queued straight into it before the
// start (so the first claim takes them all as one batch), and the table read back between runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { enqueueEmail } from '../../src/mail/outbox.js';
import { engine, freshDatabase } from './database.js';

/** A database for a service process, and the environment that points the process at it. */
export interface OutboxPlace {
  /** The process's variables: DATABASE_URL, or LOGIN_HELP_DATA. */
  env: Record<string, string>;
  /** The embedded data folder (PGlite only). */
  folder?: string;
  /** Runs `work` on the database (on PGlite, only while no process holds the folder). */
  use<T>(work: (db: Database) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the engine under test. */
export async function outboxPlace(): Promise<OutboxPlace> {
  if (engine === 'postgres') {
    const fresh = await freshDatabase();
    await migrate(fresh.db);
    return {
      env: { DATABASE_URL: `${fresh.url}?options=${encodeURIComponent(`-c search_path=${fresh.schema}`)}` },
      use: (work) => work(fresh.db),
      drop: () => fresh.drop(),
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'login-help-outbox-test-'));
  const folder = path.join(dir, 'data');
  const use = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const db = await openDatabase({ dataDir: folder, command: 'test' });
    try {
      await migrate(db);
      return await work(db);
    } finally {
      await db.close();
    }
  };
  return { env: { LOGIN_HELP_DATA: folder, DATABASE_URL: '' }, folder, use, drop: () => rm(dir, { recursive: true, force: true }) };
}

/** Queues `count` messages (subjects m0, m1, …) at once. */
export function queueMessages(db: Database, count: number): Promise<void> {
  return db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueEmail(tx, { kind: 'test', recipient: `r${i}@clinics.example`, subject: `m${i}`, text: `message ${i}`, html: `<p>message ${i}</p>`, locale: 'en' }, new Date(Date.now() - 1000), 'localhost');
    }
  });
}

/** The outbox's rows, by id. */
export function outboxRows(db: Database): Promise<{ id: number; status: string; attempts: number; text_body: string | null }[]> {
  return db.query('SELECT id, status, attempts, text_body FROM outbox ORDER BY id');
}
