// The import and export file (SPEC §9): CSV (RFC 4180) with the header
// `practice,email,user_name,active` and, optionally, `password_hash`, read as a stream by csv-parse
// and written by csv-stringify (the csv project). Every problem names its line (the header is
// line 1) so a front desk can fix the file.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { isEmail, hasControlCharacters } from '../http/limits.js';
import { isSupportedHash } from '../passwords/hash.js';
import type { DirectoryEntry } from './directory.js';

/** The parsed rows, or the problems that stop the import. */
export type CsvResult = { ok: true; entries: DirectoryEntry[] } | { ok: false; problems: string[] };

/** The columns every file has; `export` adds EXPORT_HEADER's last. */
const HEADER = ['practice', 'email', 'user_name', 'active'];
/** What `export` writes, and `import` also reads. */
export const EXPORT_HEADER = [...HEADER, 'password_hash'];

/** One row as read: its entry, or the problem that names its line. */
export type CsvRow = { line: number; entry: DirectoryEntry } | { line: number; problem: string };

/**
 * The input as text with LF line ends, across chunk boundaries: csv-parse counts a CRLF inside a
 * quoted field as two lines, and no valid field holds a line break anyway (control characters
 * are refused below), so the line numbers come out right.
 */
async function* lfText(input: AsyncIterable<string | Uint8Array> | Iterable<string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let carried = '';
  for await (const chunk of input) {
    let text = carried + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    carried = text.endsWith('\r') ? '\r' : '';
    if (carried) text = text.slice(0, -1);
    if (text) yield text.replace(/\r\n?/g, '\n');
  }
  const rest = carried + decoder.decode();
  if (rest) yield rest.replace(/\r\n?/g, '\n');
}

/** The records as csv-parse streams them, each with the line it starts on (it tells the line it ends on). */
async function* records(input: AsyncIterable<string | Uint8Array> | Iterable<string>): AsyncGenerator<{ line: number; fields: string[] }> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  const source = Readable.from(lfText(input));
  // `pipe` does not pass a failing input on (a file that cannot be read): the parser fails with it.
  source.once('error', (error) => parser.destroy(error));
  source.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (record.length === 1 && record[0]?.trim() === '') continue;
    yield { line: info.lines - record.reduce((breaks, field) => breaks + field.split('\n').length - 1, 0), fields: record };
  }
}

/** What csv-parse's syntax error means, by line. */
function syntaxProblem(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const reason = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is not closed' : 'a quote is out of place (a field with a quote or comma must be quoted, its quotes doubled)';
  return `line ${line ?? '?'}: ${reason}`;
}

/** The problems of one row, or its entry. */
function readRow(fields: string[], withHash: boolean): { problems: string[] } | DirectoryEntry {
  const [practice, email, userName, active, passwordHash = ''] = fields.map((value) => value.trim()) as [string, string, string, string, string?];
  const problems: string[] = [];
  if (practice === '' || practice.length > 200) problems.push('practice must be 1 to 200 characters');
  if (!isEmail(email)) problems.push(`email "${email}" is not a valid email address`);
  if (userName === '' || userName.length > 200) problems.push('user_name must be 1 to 200 characters');
  if ([practice, email, userName].some(hasControlCharacters)) problems.push('a field holds a control character');
  const state = active.toLowerCase();
  if (!['', 'true', 'false'].includes(state)) problems.push(`active must be true, false or empty, not "${active}"`);
  // The hash itself is never echoed: it is a secret of sorts.
  if (withHash && passwordHash !== '' && !isSupportedHash(passwordHash)) problems.push('password_hash must be empty or an Argon2 hash ($argon2id$v=19$m=…,t=…,p=…$salt$hash), as export writes it');
  if (problems.length > 0) return { problems };
  return { practice, email, userName, active: state !== 'false', ...(passwordHash !== '' ? { passwordHash } : {}) };
}

/**
 * Reads the file as it arrives (a stream or the text), checking each row: yields each row's entry
 * or its problem (the header is line 1), and a last problem when there are no rows. A syntax
 * error ends the reading.
 */
export async function* readDirectoryCsv(input: AsyncIterable<string | Uint8Array> | string): AsyncGenerator<CsvRow> {
  const rows = records(typeof input === 'string' ? [input] : input);
  const seen = new Map<string, number>();
  let width = 0;
  let count = 0;
  try {
    for await (const { line, fields } of rows) {
      if (width === 0) {
        const names = fields.map((name) => name.trim().toLowerCase()).join(',');
        width = names === EXPORT_HEADER.join(',') ? EXPORT_HEADER.length : names === HEADER.join(',') ? HEADER.length : -1;
        if (width < 0) {
          yield { line: 1, problem: `line 1: the header must be ${HEADER.join(',')} (or ${EXPORT_HEADER.join(',')})` };
          return;
        }
        continue;
      }
      count++;
      if (fields.length !== width) {
        yield { line, problem: `line ${line}: expected ${width} fields, found ${fields.length}` };
        continue;
      }
      const row = readRow(fields, width === EXPORT_HEADER.length);
      const problems = 'problems' in row ? row.problems : [];
      const userName = (fields[2] ?? '').trim();
      const previous = seen.get(userName.toLowerCase());
      if (userName !== '' && previous !== undefined) problems.push(`user_name "${userName}" is also on line ${previous}`);
      if ('problems' in row || problems.length > 0) {
        yield { line, problem: `line ${line}: ${problems.join('; ')}` };
        continue;
      }
      seen.set(userName.toLowerCase(), line);
      yield { line, entry: row };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    yield { line: 0, problem: syntaxProblem(error) };
    return;
  }
  if (width === 0) yield { line: 1, problem: `line 1: the header must be ${HEADER.join(',')} (or ${EXPORT_HEADER.join(',')})` };
  else if (count === 0) yield { line: 0, problem: 'the file has no rows after the header' };
}

/** Checks a whole file's text; all rows or none. */
export async function parseDirectoryCsv(text: string): Promise<CsvResult> {
  const problems: string[] = [];
  const entries: DirectoryEntry[] = [];
  for await (const row of readDirectoryCsv(text)) {
    if ('problem' in row) problems.push(row.problem);
    else entries.push(row.entry);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
