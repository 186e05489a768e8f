// The queries the SQL directory needs (SPEC §9), and the checks that stop the start when the
// file or the portal's database does not fit them: each query present, using exactly its
// parameters, parsing and giving its columns in a dry run that is rolled back; and, with
// sample-password-hashes, hashes on file in PASSWORD_HASH_FORMAT's algorithm.
import { recognizeHash, type HashFormatName } from '../passwords/hash-formats.js';
import type { SqlConnection, SqlRunner } from './sql-connection.js';
import type { PreparedQuery } from './sql-file.js';

/** What one query takes and gives. */
interface QuerySpec {
  params: readonly string[];
  columns: readonly string[];
}

/** The four required queries (SPEC §9), by name. */
export const REQUIRED_QUERIES = {
  'find-logins-by-email': { params: ['email'], columns: ['practice_name', 'user_name'] },
  'find-account-by-user-name': { params: ['user_name'], columns: ['account_id', 'user_name', 'practice_name', 'practice_email'] },
  'find-account': { params: ['account_id'], columns: ['account_id', 'user_name', 'practice_name', 'practice_email'] },
  'set-password': { params: ['account_id', 'password_hash'], columns: [] },
} as const satisfies Record<string, QuerySpec>;

/** The optional fifth: a few stored hashes, to check PASSWORD_HASH_FORMAT against. */
export const SAMPLE_QUERY = 'sample-password-hashes';
const SAMPLE_SPEC: QuerySpec = { params: [], columns: ['password_hash'] };

/** A required query's name. */
export type QueryName = keyof typeof REQUIRED_QUERIES;

/** The file's queries, each known to be there and to take its parameters. */
export type DirectoryQueries = Record<QueryName, PreparedQuery> & { sample?: PreparedQuery };

/**
 * Values that match no row, for the dry run: an address on `.invalid` (RFC 2606), a user name
 * with a NUL-free marker no portal issues, and account 0 (numeric ids start at 1; the value must
 * still cast to an integer for `CAST(:account_id AS integer)`).
 */
const NOTHING: Record<string, string> = {
  email: 'login-help-start-check@nothing.invalid',
  user_name: 'login-help start check: matches nothing',
  account_id: '0',
  password_hash: 'login-help start check: never stored',
};

/** Picks the queries out of the file, or says what is missing or misnamed. */
export function selectQueries(file: Map<string, PreparedQuery>): DirectoryQueries {
  const pick = (name: string, spec: QuerySpec): PreparedQuery => {
    const query = file.get(name);
    if (!query) throw new Error(`the query ${name} is missing (a line "-- name: ${name}" followed by its SQL)`);
    for (const param of spec.params) if (!query.names.has(param)) throw new Error(`query ${name} (line ${query.line}) does not use :${param}`);
    for (const param of query.names) {
      if (!spec.params.includes(param)) throw new Error(`query ${name} (line ${query.line}) uses :${param}, which it is not given (${spec.params.length ? spec.params.map((p) => `:${p}`).join(', ') : 'no parameters'})`);
    }
    return query;
  };
  const queries = Object.fromEntries(Object.entries(REQUIRED_QUERIES).map(([name, spec]) => [name, pick(name, spec)])) as DirectoryQueries;
  if (file.has(SAMPLE_QUERY)) queries.sample = pick(SAMPLE_QUERY, SAMPLE_SPEC);
  return queries;
}

/** Runs every query once inside a transaction that is rolled back, and checks its columns. */
export async function dryRun(connection: SqlConnection, queries: DirectoryQueries, format: HashFormatName): Promise<void> {
  await connection.rolledBack(async (run) => {
    // The samples first: a set-password that matched rows would otherwise show them its own dry-run value.
    if (queries.sample) checkSamples(await check(run, queries.sample, SAMPLE_SPEC), format);
    for (const [name, spec] of Object.entries(REQUIRED_QUERIES) as [QueryName, QuerySpec][]) {
      await check(run, queries[name], spec);
    }
  });
}

async function check(run: SqlRunner, query: PreparedQuery, spec: QuerySpec): Promise<Record<string, unknown>[]> {
  let result;
  try {
    result = await run(query, NOTHING);
  } catch (error) {
    // The values are the dry run's own, so the database's message is safe to show here.
    throw new Error(`query ${query.name} (line ${query.line}) failed on the portal's database: ${(error as Error).message}`, { cause: error });
  }
  const columns = new Set(result.columns.map((column) => column.toLowerCase()));
  for (const column of spec.columns) {
    if (!columns.has(column)) {
      const given = result.columns.length ? result.columns.join(', ') : 'no columns';
      throw new Error(`query ${query.name} (line ${query.line}) gives no column ${column} (it gives ${given}; name it with AS ${column})`);
    }
  }
  return result.rows;
}

/** At least one sample must be in the configured format's algorithm, whatever its cost. */
function checkSamples(rows: Record<string, unknown>[], format: HashFormatName): void {
  const hashes = rows.map((row) => row.password_hash ?? row.PASSWORD_HASH).filter((value): value is string => typeof value === 'string' && value !== '');
  if (hashes.length === 0) return;
  const seen = hashes.map(recognizeHash);
  if (seen.some((kind) => 'format' in kind && kind.format === format)) return;
  const found = [...new Set(seen.map((kind) => ('format' in kind ? kind.format : kind.other)))].join(', ');
  throw new Error(`PASSWORD_HASH_FORMAT is ${format}, but the hashes sample-password-hashes reads are ${found}: set PASSWORD_HASH_FORMAT to the format the portal's sign-in checks, or the new passwords would not work there`);
}
