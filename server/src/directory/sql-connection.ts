// The portal's own database (DIRECTORY_SQL_URL), PostgreSQL through `pg` or MySQL/MariaDB through
// `mysql2`: a small pool of its own, a time limit on every call, and values always bound (pg's
// extended protocol, mysql2's server-side prepared statements), never written into the SQL.
import { createRequire } from 'node:module';
import type mysql from 'mysql2/promise';
import type pg from 'pg';
import type { PreparedQuery, SqlDialect } from './sql-file.js';

/** What one query gave: its rows, its column names, and how many rows it changed. */
export interface SqlResult {
  rows: Record<string, unknown>[];
  /** The column names, present for a SELECT even when no row comes back. */
  columns: string[];
  changed: number;
}

/** Runs a prepared query with its parameters' values. */
export type SqlRunner = (query: PreparedQuery, values: Record<string, string>) => Promise<SqlResult>;

/** An open pool on the portal's database. */
export interface SqlConnection {
  readonly dialect: SqlDialect;
  readonly run: SqlRunner;
  /** Runs `work` in one transaction that is always rolled back (the start-time dry run). */
  rolledBack<T>(work: (run: SqlRunner) => Promise<T>): Promise<T>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The dialect a DIRECTORY_SQL_URL speaks. */
export function dialectOf(url: string): SqlDialect {
  return /^postgres(ql)?:/i.test(url) ? 'postgres' : 'mysql';
}

/** The values in placeholder order; a parameter without a value is an error, never an empty string. */
function bind(query: PreparedQuery, values: Record<string, string>): string[] {
  return query.params.map((name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name}`);
    return value;
  });
}

/** Rejects when `promise` takes longer than `ms`: the database drivers' own limits, backed up. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('the portal database did not answer in time'), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ends a pool, waiting at most about `ms`: a connection stuck on a slow database would otherwise
 * hold a shutdown until that database answers. What is left is dropped with the process.
 */
function closeWithin(ending: Promise<void>, ms: number): Promise<void> {
  return within(ending, ms + 500).catch(() => undefined);
}

/** At most this many connections: the service's own database carries the rest of the work. */
const POOL_SIZE = 4;

/** The drivers load with the first pool: a service on its own tables never needs either (issue #24, memory). */
const load = createRequire(import.meta.url);

function postgresConnection(url: string, timeoutMs: number): SqlConnection {
  const pool = new (load('pg') as typeof pg).Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, statement_timeout: timeoutMs, idleTimeoutMillis: 30_000 });
  // An idle client that loses its connection emits here; unheard, it would crash the process.
  pool.on('error', () => undefined);
  const runOn =
    (client: pg.Pool | pg.PoolClient): SqlRunner =>
    async (query, values) => {
      const result = await within(client.query({ text: query.text, values: bind(query, values) }), timeoutMs + 500);
      return { rows: result.rows as Record<string, unknown>[], columns: (result.fields ?? []).map((field) => field.name), changed: result.rowCount ?? 0 };
    };
  return {
    dialect: 'postgres',
    run: runOn(pool),
    async rolledBack(work) {
      const client = await within(pool.connect(), timeoutMs + 500);
      const onError = (): void => undefined;
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        return await work(runOn(client));
      } finally {
        await client.query('ROLLBACK').catch((error: Error) => (broken = error));
        client.off('error', onError);
        client.release(broken);
      }
    },
    async ping() {
      await within(pool.query('SELECT 1'), timeoutMs + 500);
    },
    close: () => closeWithin(pool.end(), timeoutMs),
  };
}

/** `?ssl=true` or `?sslmode=require|verify-ca|verify-full`: TLS, the server's certificate checked against the system's CAs. */
function mysqlTls(parsed: URL): { ssl: { rejectUnauthorized: boolean } } | undefined {
  const ssl = parsed.searchParams.get('ssl');
  const mode = parsed.searchParams.get('sslmode');
  return ssl === 'true' || (mode !== null && mode !== 'disable') ? { ssl: { rejectUnauthorized: true } } : undefined;
}

function mysqlConnection(url: string, timeoutMs: number): SqlConnection {
  const parsed = new URL(url);
  const pool = (load('mysql2/promise') as typeof mysql).createPool({
    ...mysqlTls(parsed),
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    charset: 'utf8mb4',
    connectionLimit: POOL_SIZE,
    maxIdle: POOL_SIZE,
    idleTimeout: 30_000,
    connectTimeout: timeoutMs,
    enableKeepAlive: true,
    // "Rows matched", not "rows whose value differed": set-password's count says whether the account is there.
    flags: ['FOUND_ROWS'],
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
  });
  const runOn =
    (connection: mysql.Pool | mysql.PoolConnection): SqlRunner =>
    async (query, values) => {
      const [result, fields] = await within(connection.execute({ sql: query.text, values: bind(query, values), timeout: timeoutMs }), timeoutMs + 500);
      if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], columns: (fields ?? []).map((field) => field.name), changed: 0 };
      return { rows: [], columns: [], changed: (result as mysql.ResultSetHeader).affectedRows };
    };
  return {
    dialect: 'mysql',
    run: runOn(pool),
    async rolledBack(work) {
      const connection = await within(pool.getConnection(), timeoutMs + 500);
      let broken = false;
      try {
        await connection.query('START TRANSACTION');
        return await work(runOn(connection));
      } finally {
        await connection.query('ROLLBACK').catch(() => (broken = true));
        if (broken) connection.destroy();
        else connection.release();
      }
    },
    async ping() {
      await within(pool.query('SELECT 1'), timeoutMs + 500);
    },
    close: () => closeWithin(pool.end(), timeoutMs),
  };
}

/** Opens a pool on `url` (postgres://, postgresql://, mysql:// or mariadb://); connects lazily. */
export function openSqlConnection(url: string, timeoutMs: number): SqlConnection {
  return dialectOf(url) === 'postgres' ? postgresConnection(url, timeoutMs) : mysqlConnection(url, timeoutMs);
}
