// The queries file of the SQL directory (DIRECTORY_SQL_FILE, SPEC §9): plain SQL in the portal
// database's own dialect, each query opened by a line `-- name: QUERY` (yesql, HugSQL, aiosql,
// sqlc), with named parameters `:name`. A parameter becomes a bound placeholder (`$1` for
// PostgreSQL, `?` for MySQL/MariaDB); nothing is ever spliced into the text. Pure: no I/O.

/** Which placeholder style, and which quoting rules, the file follows. */
export type SqlDialect = 'postgres' | 'mysql';

/** One query, ready to run with bound values. */
export interface PreparedQuery {
  name: string;
  /** The 1-based line of its `-- name:` line. */
  line: number;
  /** The SQL with placeholders, without a closing `;`. */
  text: string;
  /** The parameter names in placeholder order: one per `$n` (PostgreSQL), one per `?` (MySQL). */
  params: string[];
  /** Every distinct parameter the query names. */
  names: Set<string>;
}

/** A file that cannot be used; the message names the query (and its line). */
export class SqlFileError extends Error {
  override name = 'SqlFileError';
}

const NAME_LINE = /^[ \t]*--[ \t]*name:(.*)$/;
const QUERY_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;

/** Splits the file into its named queries (text before the first `-- name:` is ignored). */
export function parseSqlFile(source: string, dialect: SqlDialect): Map<string, PreparedQuery> {
  const queries = new Map<string, PreparedQuery>();
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let current: { name: string; line: number; body: string[] } | undefined;
  const finish = (): void => {
    if (!current) return;
    queries.set(current.name, prepareQuery(current.name, current.line, current.body.join('\n'), dialect));
  };
  lines.forEach((text, index) => {
    const match = NAME_LINE.exec(text);
    if (!match) {
      current?.body.push(text);
      return;
    }
    finish();
    const name = (match[1] ?? '').trim();
    if (!QUERY_NAME.test(name)) throw new SqlFileError(`line ${index + 1}: "-- name:" must be followed by a query name such as find-account, not "${name}"`);
    if (queries.has(name)) throw new SqlFileError(`line ${index + 1}: the query ${name} is named twice (first on line ${queries.get(name)?.line})`);
    current = { name, line: index + 1, body: [] };
  });
  finish();
  return queries;
}

/** Where a quoted span, comment or token ends, for each kind the lexer skips. */
function skipQuoted(sql: string, start: number, quote: string, backslash: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const char = sql[i];
    if (backslash && char === '\\') {
      i += 2;
      continue;
    }
    if (char === quote) {
      // A doubled quote is an escaped quote inside the span.
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return -1;
}

function skipBlockComment(sql: string, start: number, nests: boolean): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth = nests ? depth + 1 : 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return -1;
}

function lineEnd(sql: string, start: number): number {
  const end = sql.indexOf('\n', start);
  return end === -1 ? sql.length : end;
}

/** A PostgreSQL dollar-quote opener at `start` (`$$` or `$tag$`), or undefined. */
function dollarTag(sql: string, start: number): string | undefined {
  return /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start, start + 66))?.[0];
}

/** The SQL of one query with its parameters bound, or a SqlFileError naming it. */
export function prepareQuery(name: string, line: number, body: string, dialect: SqlDialect): PreparedQuery {
  const fail = (problem: string): never => {
    throw new SqlFileError(`query ${name} (line ${line}): ${problem}`);
  };
  const postgres = dialect === 'postgres';
  let text = '';
  const params: string[] = [];
  const names = new Set<string>();
  let i = 0;
  let ended = -1;
  let code = false;
  const copy = (end: number, what: string): void => {
    if (end === -1) fail(`${what} is never closed`);
    text += body.slice(i, end);
    i = end;
  };
  while (i < body.length) {
    const char = body[i] ?? '';
    const next = body[i + 1] ?? '';
    if (char === '-' && next === '-') {
      copy(lineEnd(body, i), 'a comment');
    } else if (!postgres && char === '#') {
      copy(lineEnd(body, i), 'a comment');
    } else if (char === '/' && next === '*') {
      copy(skipBlockComment(body, i, postgres), 'a /* comment');
    } else if (ended !== -1 && !/\s/.test(char)) {
      fail('holds more than one statement (one per query; a closing ";" is allowed)');
    } else if (char === "'") {
      // PostgreSQL's E'…' strings take backslash escapes; its standard strings do not. MySQL's do.
      const escaped = postgres ? /[Ee]/.test(body[i - 1] ?? '') && !IDENT.test(body[i - 2] ?? '') : true;
      copy(skipQuoted(body, i, "'", escaped), 'a quoted literal');
      code = true;
    } else if (char === '"') {
      copy(skipQuoted(body, i, '"', !postgres), postgres ? 'a quoted identifier' : 'a quoted literal');
      code = true;
    } else if (!postgres && char === '`') {
      copy(skipQuoted(body, i, '`', false), 'a quoted identifier');
      code = true;
    } else if (postgres && char === '$' && dollarTag(body, i) && !IDENT.test(body[i - 1] ?? '')) {
      const tag = dollarTag(body, i) ?? '$$';
      const close = body.indexOf(tag, i + tag.length);
      copy(close === -1 ? -1 : close + tag.length, 'a dollar-quoted string');
      code = true;
    } else if (char === ':' && next === ':') {
      text += '::';
      i += 2;
    } else if (char === ':' && IDENT_START.test(next) && !IDENT.test(body[i - 1] ?? '')) {
      let end = i + 1;
      while (end < body.length && IDENT.test(body[end] ?? '')) end++;
      const param = body.slice(i + 1, end);
      names.add(param);
      if (postgres) {
        const at = params.indexOf(param);
        text += `$${at === -1 ? params.push(param) : at + 1}`;
      } else {
        params.push(param);
        text += '?';
      }
      i = end;
      code = true;
    } else if (!postgres && char === '?') {
      fail('holds a "?": write each parameter by its name (:email), so nothing depends on the order');
    } else if (postgres && char === '$' && /\d/.test(next)) {
      fail(`holds a positional parameter ($${next}…): write each parameter by its name (:email)`);
    } else if (char === ';') {
      ended = text.length;
      i++;
    } else {
      // Whitespace alone does not make a statement.
      if (!/\s/.test(char)) code = true;
      text += char;
      i++;
    }
  }
  if (!code) fail('has no SQL');
  return { name, line, text: (ended === -1 ? text : text.slice(0, ended)).trim(), params, names };
}
