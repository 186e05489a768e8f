// The portal's own database as the directory (DIRECTORY_SQL_URL + DIRECTORY_SQL_FILE, SPEC §9):
// the operator's four queries read practices and accounts from tables this service does not own,
// and write the new password's hash in the format the portal's sign-in reads. Every failure of
// that database is a DirectoryUnavailable (503), naming the query but never a value.
import { readFile } from 'node:fs/promises';
import { ConfigError, redactUrl } from '../config.js';
import type { HashFormat } from '../passwords/hash-formats.js';
import { AccountGone, DirectoryUnavailable, PasswordUnstorable, type Account, type Directory } from './directory.js';
import { dialectOf, openSqlConnection, type SqlConnection, type SqlResult } from './sql-connection.js';
import { parseSqlFile } from './sql-file.js';
import { dryRun, selectQueries, type DirectoryQueries, type QueryName } from './sql-queries.js';

/** Where the portal's database is and how to write its hashes. */
export interface SqlDirectoryOptions {
  url: string;
  file: string;
  timeoutMs: number;
  format: HashFormat;
}

/** A column value as text (ids may come back as numbers, binary columns as bytes), else undefined. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}

/** A row with lower-case column names (MySQL keeps the case an AS gave; PostgreSQL folds it). */
function lowerKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.toLowerCase(), value]));
}

/** The driver's error code (ECONNREFUSED, 57014, ER_…), never its message, which may quote a value. */
function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : (error as Error).name || 'error';
}

function toAccount(name: QueryName, raw: Record<string, unknown>): Account {
  const row = lowerKeys(raw);
  const [key, userName, practiceName, practiceEmail] = ['account_id', 'user_name', 'practice_name', 'practice_email'].map((column) => text(row[column]));
  if (!key || !userName || !practiceName || !practiceEmail) throw new DirectoryUnavailable(name, 'a row without account_id, user_name, practice_name or practice_email');
  return { key, userName, practiceName, practiceEmail };
}

/** The directory over an open, checked connection. */
function sqlDirectory(connection: SqlConnection, queries: DirectoryQueries, format: HashFormat): Directory {
  async function run(name: QueryName, values: Record<string, string>): Promise<SqlResult> {
    try {
      return await connection.run(queries[name], values);
    } catch (error) {
      throw new DirectoryUnavailable(name, reason(error));
    }
  }
  async function oneAccount(name: 'find-account' | 'find-account-by-user-name', values: Record<string, string>): Promise<Account | undefined> {
    const { rows } = await run(name, values);
    // Two accounts for one name or id: which one was meant cannot be told, so none is guessed.
    if (rows.length > 1) throw new DirectoryUnavailable(name, `${rows.length} rows where at most one may come back`);
    return rows[0] ? toAccount(name, rows[0]) : undefined;
  }
  return {
    kind: 'sql',
    async findLoginsByEmail(_tx, email) {
      const { rows } = await run('find-logins-by-email', { email });
      if (rows.length === 0) return undefined;
      const logins = rows.map((raw) => {
        const row = lowerKeys(raw);
        const [practiceName, userName] = [text(row.practice_name), text(row.user_name)];
        if (!practiceName || !userName) throw new DirectoryUnavailable('find-logins-by-email', 'a row without practice_name or user_name');
        return { practiceName, userName };
      });
      // The optional practice_email column gives the address as on file (its case), else the one entered.
      return { email: text(lowerKeys(rows[0] ?? {}).practice_email) || email, logins };
    },
    findAccountByUserName: (_tx, userName) => oneAccount('find-account-by-user-name', { user_name: userName }),
    findAccount: (_tx, key) => oneAccount('find-account', { account_id: key }),
    async setPassword(_tx, account, password) {
      const refusal = format.refuse?.(password);
      if (refusal) throw new PasswordUnstorable(refusal);
      const hash = await format.hash(password);
      const { changed } = await run('set-password', { account_id: account.key, password_hash: hash });
      if (changed === 0) throw new AccountGone();
    },
    async ready() {
      try {
        await connection.ping();
      } catch (error) {
        throw new DirectoryUnavailable('ping', reason(error));
      }
    },
    close: () => connection.close(),
  };
}

/**
 * Reads DIRECTORY_SQL_FILE, connects to DIRECTORY_SQL_URL and checks every query there (a dry run
 * rolled back); any fault is a ConfigError naming the query, and nothing stays open.
 */
export async function openSqlDirectory(options: SqlDirectoryOptions): Promise<Directory> {
  let source: string;
  try {
    source = await readFile(options.file, 'utf8');
  } catch (error) {
    throw new ConfigError(`DIRECTORY_SQL_FILE ${options.file} cannot be read: ${reason(error)}`);
  }
  let queries: DirectoryQueries;
  try {
    queries = selectQueries(parseSqlFile(source, dialectOf(options.url)));
  } catch (error) {
    throw new ConfigError(`DIRECTORY_SQL_FILE ${options.file}: ${(error as Error).message}`);
  }
  const connection = openSqlConnection(options.url, options.timeoutMs);
  try {
    await connection.ping();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw new ConfigError(`DIRECTORY_SQL_URL ${redactUrl(options.url)} does not answer: ${(error as Error).message || reason(error)}`);
  }
  try {
    await dryRun(connection, queries, options.format.name);
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw new ConfigError(`DIRECTORY_SQL_FILE ${options.file}: ${(error as Error).message}`);
  }
  return sqlDirectory(connection, queries, options.format);
}
