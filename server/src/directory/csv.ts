// The import file (SPEC §9): a CSV with the header `practice,email,user_name,active`. Parsing is
// pure; every problem names its line (the header is line 1) so a front desk can fix the file.
import { isEmail, hasControlCharacters } from '../http/limits.js';
import type { DirectoryEntry } from './directory.js';

/** The parsed rows, or the problems that stop the import. */
export type CsvResult = { ok: true; entries: DirectoryEntry[] } | { ok: false; problems: string[] };

const HEADER = ['practice', 'email', 'user_name', 'active'];

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF or LF), each with the line it starts on. */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] | { error: string } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldStarted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      start = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { error: `line ${start}: a quoted field is not closed` };
  if (fieldStarted || fields.length > 0) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records.filter((record) => !(record.fields.length === 1 && record.fields[0]?.trim() === ''));
}

/** Checks the whole file; all rows or none. */
export function parseDirectoryCsv(text: string): CsvResult {
  const records = parseCsvRecords(text);
  if ('error' in records) return { ok: false, problems: [records.error] };
  const [header, ...rows] = records;
  if (!header || header.fields.map((name) => name.trim().toLowerCase()).join(',') !== HEADER.join(',')) {
    return { ok: false, problems: [`line 1: the header must be ${HEADER.join(',')}`] };
  }
  const problems: string[] = [];
  const entries: DirectoryEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== HEADER.length) {
      problems.push(`line ${line}: expected ${HEADER.length} fields, found ${fields.length}`);
      continue;
    }
    const [practice, email, userName, active] = fields.map((value) => value.trim()) as [string, string, string, string];
    const rowProblems: string[] = [];
    if (practice === '' || practice.length > 200) rowProblems.push('practice must be 1 to 200 characters');
    if (!isEmail(email)) rowProblems.push(`email "${email}" is not a valid email address`);
    if (userName === '' || userName.length > 200) rowProblems.push('user_name must be 1 to 200 characters');
    if ([practice, email, userName].some(hasControlCharacters)) rowProblems.push('a field holds a control character');
    const state = active.toLowerCase();
    if (!['', 'true', 'false'].includes(state)) rowProblems.push(`active must be true, false or empty, not "${active}"`);
    const previous = seen.get(userName.toLowerCase());
    if (userName !== '' && previous !== undefined) rowProblems.push(`user_name "${userName}" is also on line ${previous}`);
    if (rowProblems.length > 0) {
      problems.push(`line ${line}: ${rowProblems.join('; ')}`);
      continue;
    }
    seen.set(userName.toLowerCase(), line);
    entries.push({ practice, email, userName, active: state !== 'false' });
  }
  if (rows.length === 0) problems.push('the file has no rows after the header');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
