// One small query interface over the two engines the service runs on: PGlite (embedded
// PostgreSQL in a folder, the default) and a PostgreSQL server through `pg` (DATABASE_URL).
// Both speak the same SQL; parameters are always bound ($1, $2, …), never concatenated.
import { PGlite, TransactionAbortedError } from '@electric-sql/pglite';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import type pg from 'pg';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { PgliteStatements } from './pglite-statements.js';

/** Something that runs one statement: the database itself or a transaction on it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The database the service uses, whichever engine is behind it. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** The `pg` pool behind a PostgreSQL database (for stores that need one), else undefined. */
  readonly pool?: pg.Pool;
  /** PostgreSQL: where it was opened, so a worker thread can open its own connection to the same place. */
  readonly target?: DatabaseTarget;
  /** The data folder's lock, held while an embedded database in a folder is open. */
  readonly lock?: DataFolderLock;
  close(): Promise<void>;
}

/** Where the data lives: a PGlite folder (or `memory://` for a throwaway one), or a server URL. */
export interface DatabaseTarget {
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL only: the schema to work in (tests use a fresh one per run). */
  schema?: string;
  /** PostgreSQL only: how long a connection or a query may take before it fails. */
  timeoutMs?: number;
  /** PGlite in a folder: the command opening it, named in the lock file (default `start`). */
  command?: string;
}

class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  readonly #db: PGlite;
  readonly #statements: PgliteStatements;
  /** Settles when the last thing queued (a statement, a transaction) is over: one connection, in turn. */
  #turn: Promise<unknown> = Promise.resolve();
  readonly lock: DataFolderLock | undefined;

  constructor(db: PGlite, lock?: DataFolderLock) {
    this.#db = db;
    this.#statements = new PgliteStatements(db);
    this.lock = lock;
  }

  /** Runs `work` when everything queued before it is over, so no statement lands inside another's transaction. */
  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#turn.then(work, work);
    this.#turn = turn.catch(() => undefined);
    return turn;
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.#inTurn(() => this.#statements.run<T>(sql, params));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#inTurn(async () => {
      await this.#db.exec('BEGIN');
      let result: T;
      try {
        result = await work({ query: <R>(sql: string, params: unknown[] = []) => this.#statements.run<R>(sql, params) });
      } catch (error) {
        await this.#db.exec('ROLLBACK');
        throw error;
      }
      // COMMIT in a transaction a statement failed in rolls it back instead (as PGlite's transaction() says).
      const [commit] = await this.#db.exec('COMMIT');
      if (commit?.command === 'ROLLBACK') throw new TransactionAbortedError();
      return result;
    });
  }

  exec(sql: string): Promise<void> {
    return this.#inTurn(async () => {
      await this.#db.exec(sql);
    });
  }

  async close(): Promise<void> {
    try {
      await this.#db.close();
    } finally {
      this.lock?.release();
    }
  }
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly target: DatabaseTarget;

  constructor(pool: pg.Pool, target: DatabaseTarget) {
    this.pool = pool;
    this.target = target;
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection lost between two statements emits 'error' on the client; unheard, it would
    // crash the process. The statement in progress fails instead, and the client is discarded.
    let lost: Error | undefined;
    const onError = (error: Error): void => {
      lost = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work({ query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[] });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      lost ??= await client.query('ROLLBACK').then(
        () => undefined,
        (rollback: Error) => rollback,
      );
      throw error;
    } finally {
      client.off('error', onError);
      client.release(lost);
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * PGlite's own start parameters (single user, no parallel workers, sync I/O), with
 * PostgreSQL's buffers sized for one clinic's few thousand rows instead of a server's: 128 MB of
 * shared_buffers is most of an idle service's memory (BENCHMARKS.md, "Memory of the embedded
 * default"), and the files under them stay in the operating system's page cache anyway. A page
 * read at random costs what one in order does here (the default, 4, is a spinning disk's): with
 * it, the planner looked a batch of user names or emails up by hashing every account or practice
 * (4–5 ms a statement with 2,000 of them, in WebAssembly) instead of through their indexes
 * (0.3–0.7 ms; issue #24, BENCHMARKS.md). Its statements run named (pglite-statements.ts) but are
 * planned at each run for their values: with generic plans Password Help? found lost a third of its
 * requests a second (BENCHMARKS.md, sixth slice).
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c', 'shared_buffers=16MB', '-c', 'temp_buffers=1MB', '-c', 'work_mem=1MB', '-c', 'maintenance_work_mem=8MB', '-c', 'wal_buffers=1MB',
  '-c', 'random_page_cost=1.1',
  '-c', 'plan_cache_mode=force_custom_plan',
];

/**
 * PGlite's PostgreSQL is a WebAssembly module that V8 first compiles with its baseline compiler
 * (Liftoff) and then recompiles, function by function, with its optimizing one (TurboFan) as they
 * get hot. TurboFan's compile memory stays with the process afterwards (glibc keeps its arenas):
 * about 70 MiB of an idle embedded service's 250 MiB, for a few per cent of CPU per statement
 * (BENCHMARKS.md, "Memory"). Set before the module is compiled, unless the command line already
 * says (`node --no-liftoff-only …` keeps V8's default).
 */
function compileWebAssemblyLean(): void {
  if (process.execArgv.some((flag) => flag.includes('liftoff-only'))) return;
  v8.setFlagsFromString('--liftoff-only');
}

/** Opens the database the target names (PGlite unless a URL is given). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.databaseUrl) {
    const timeout = target.timeoutMs ?? 5000;
    // A database that is away or slow fails the request fast (503) instead of holding it.
    const options: pg.PoolConfig = { connectionString: target.databaseUrl, max: 10, connectionTimeoutMillis: timeout, query_timeout: timeout, statement_timeout: timeout };
    if (target.schema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(target.schema)) throw new Error('schema names are lower-case letters, digits and _');
      options.options = `-c search_path=${target.schema}`;
    }
    // pg loads with the first pool: the embedded default never needs it (issue #24, memory).
    const pool = new (createRequire(import.meta.url)('pg') as typeof pg).Pool(options);
    // An idle client that loses its connection emits here; without a listener it would crash the process.
    pool.on('error', () => undefined);
    if (target.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${target.schema}`);
    return new PostgresDatabase(pool, target);
  }
  const dir = target.dataDir ?? 'memory://';
  compileWebAssemblyLean();
  if (dir === 'memory://') return new PgliteDatabase(await PGlite.create({ startParams: PGLITE_START_PARAMS }));
  // One process per folder: refused here, before PGlite touches a file (data-folder-lock.ts).
  const lock = lockDataFolder(dir, target.command ?? 'start');
  try {
    return new PgliteDatabase(await PGlite.create(dir, { startParams: PGLITE_START_PARAMS }), lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}
