// `import FILE.csv` and `demo`: fill the directory in one transaction (all rows or none). The CSV
// is read as it arrives and written row by row inside the transaction, so a large file never sits
// in memory; the first bad row stops the writing (the rest is still checked, so every bad line is
// named) and the transaction is rolled back.
import type { Database, Queryable } from '../db/database.js';
import { readDirectoryCsv } from './csv.js';
import { DEMO_ENTRIES } from './demo.js';
import type { DirectoryEntry } from './directory.js';
import { upsertEntry } from './table-directory.js';

/** What an import did: the rows added, or the problems (nothing imported then). */
export type ImportResult = { ok: true; count: number } | { ok: false; problems: string[] };

/** Thrown inside the transaction to roll it back with the problems found. */
class BadFile extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('the file has bad rows');
    this.problems = problems;
  }
}

/** Imports a CSV, given as its text or as a stream of it (standard input, a file stream). */
export async function importDirectory(db: Database, csv: string | AsyncIterable<string | Uint8Array>): Promise<ImportResult> {
  try {
    return await db.transaction(async (tx) => {
      const adder = entryAdder(tx);
      const problems: string[] = [];
      for await (const row of readDirectoryCsv(csv)) {
        if ('problem' in row) problems.push(row.problem);
        else if (problems.length === 0) await adder(row.entry);
      }
      if (problems.length > 0) throw new BadFile(problems);
      return { ok: true as const, count: adder.count };
    });
  } catch (error) {
    if (error instanceof BadFile) return { ok: false, problems: error.problems };
    throw error;
  }
}

/** Adds the demo clinic (SPEC §7); running it again changes nothing. */
export async function addDemo(db: Database): Promise<number> {
  await db.transaction(async (tx) => {
    const adder = entryAdder(tx);
    for (const entry of DEMO_ENTRIES) await adder(entry);
  });
  return DEMO_ENTRIES.length;
}

/** The practice's key as the tables know it: its name and email, ignoring case. */
const practiceKey = (entry: DirectoryEntry): string => `${entry.practice.toLowerCase()}\n${entry.email.toLowerCase()}`;

/**
 * Upserts entries one by one. A practice is active when any of its rows so far is: the file's
 * `active` is each account's (as `export` writes it), so a practice with one closed login among
 * open ones stays open whatever the order of its rows.
 */
function entryAdder(tx: Queryable): ((entry: DirectoryEntry) => Promise<void>) & { count: number } {
  const active = new Set<string>();
  const add = Object.assign(
    async (entry: DirectoryEntry): Promise<void> => {
      if (entry.active) active.add(practiceKey(entry));
      await upsertEntry(tx, entry, active.has(practiceKey(entry)));
      add.count++;
    },
    { count: 0 },
  );
  return add;
}
