// The import and export file (SPEC §9): CSV (RFC 4180) with the header
// `practice,email,user_name,active` and, optionally, `password_hash`, read by csv-parse and written
// by csv-stringify (the csv project). Every problem names its line (the header is line 1) so a
// front desk can fix the file.
import { CsvError, parse } from 'csv-parse/sync';
import { isEmail, hasControlCharacters } from '../http/limits.js';
import { isSupportedHash } from '../passwords/hash.js';
import type { DirectoryEntry } from './directory.js';

/** The parsed rows, or the problems that stop the import. */
export type CsvResult = { ok: true; entries: DirectoryEntry[] } | { ok: false; problems: string[] };

/** The columns every file has; `export` adds EXPORT_HEADER's last. */
const HEADER = ['practice', 'email', 'user_name', 'active'];
/** What `export` writes, and `import` also reads. */
export const EXPORT_HEADER = [...HEADER, 'password_hash'];

/** One record and the line it starts on. */
interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits CSV text into records, each with the line it starts on; or the syntax error, by line. */
function records(text: string): CsvRecord[] | { error: string } {
  // Line breaks made LF first: csv-parse counts a CRLF inside a quoted field as two lines, and no
  // valid field holds a line break anyway (control characters are refused below).
  const source = text.replace(/\r\n?/g, '\n');
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ends on (the sync API's types do not say so).
    parsed = parse(source, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    const reason = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is not closed' : 'a quote is out of place (a field with a quote or comma must be quoted, its quotes doubled)';
    return { error: `line ${line ?? '?'}: ${reason}` };
  }
  return parsed
    .map(({ record, info }) => ({ line: info.lines - record.reduce((breaks, field) => breaks + field.split('\n').length - 1, 0), fields: record }))
    .filter((record) => !(record.fields.length === 1 && record.fields[0]?.trim() === ''));
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

/** Checks the whole file; all rows or none. */
export function parseDirectoryCsv(text: string): CsvResult {
  const all = records(text);
  if ('error' in all) return { ok: false, problems: [all.error] };
  const [header, ...rows] = all;
  const names = header?.fields.map((name) => name.trim().toLowerCase()).join(',');
  const withHash = names === EXPORT_HEADER.join(',');
  if (!header || (!withHash && names !== HEADER.join(','))) {
    return { ok: false, problems: [`line 1: the header must be ${HEADER.join(',')} (or ${EXPORT_HEADER.join(',')})`] };
  }
  const width = withHash ? EXPORT_HEADER.length : HEADER.length;
  const problems: string[] = [];
  const entries: DirectoryEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== width) {
      problems.push(`line ${line}: expected ${width} fields, found ${fields.length}`);
      continue;
    }
    const row = readRow(fields, withHash);
    const rowProblems = 'problems' in row ? row.problems : [];
    const userName = (fields[2] ?? '').trim();
    const previous = seen.get(userName.toLowerCase());
    if (userName !== '' && previous !== undefined) rowProblems.push(`user_name "${userName}" is also on line ${previous}`);
    if ('problems' in row || rowProblems.length > 0) {
      problems.push(`line ${line}: ${rowProblems.join('; ')}`);
      continue;
    }
    seen.set(userName.toLowerCase(), line);
    entries.push(row);
  }
  if (rows.length === 0) problems.push('the file has no rows after the header');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
