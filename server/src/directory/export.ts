// `export`: every practice and account of the built-in tables, with its password hash, as the CSV
// `import` reads (RFC 4180, CRLF), so a clinic group can take its accounts with it. Written page
// by page (keyset, by account id) so a large table never sits in memory, from one snapshot.
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../db/database.js';
import { EXPORT_HEADER } from './csv.js';

/** Accounts per page read and written. */
const PAGE = 1000;

interface ExportRow {
  id: number;
  practice: string;
  email: string;
  user_name: string;
  active: boolean;
  password_hash: string | null;
}

/** One CSV chunk of records (booleans spelled out: csv-stringify would write 1 and ''). */
const csv = (records: string[][]): string => stringify(records, { record_delimiter: 'windows' });

/**
 * Writes the CSV through `write` (which may wait, for back-pressure); resolves to the number of
 * accounts. An account's `active` is whether it can be found: it and its practice active.
 */
export async function exportDirectory(db: Database, write: (chunk: string) => Promise<void>): Promise<number> {
  return db.transaction(async (tx) => {
    // One snapshot for every page: accounts added or moved meanwhile cannot appear twice or not at all.
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await write(csv([EXPORT_HEADER]));
    let after = 0;
    let count = 0;
    for (;;) {
      const rows = await tx.query<ExportRow>(
        `SELECT a.id, p.name AS practice, p.email, a.user_name, (a.active AND p.active) AS active, a.password_hash
           FROM accounts a JOIN practices p ON p.id = a.practice_id
          WHERE a.id > $1 ORDER BY a.id LIMIT $2`,
        [after, PAGE],
      );
      if (rows.length === 0) return count;
      await write(csv(rows.map((row) => [row.practice, row.email, row.user_name, row.active ? 'true' : 'false', row.password_hash ?? ''])));
      count += rows.length;
      after = rows.at(-1)?.id ?? after;
    }
  });
}
