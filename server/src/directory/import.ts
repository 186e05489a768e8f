// `import FILE.csv` and `demo`: fill the directory in one transaction (all rows or none).
import type { Database } from '../db/database.js';
import { parseDirectoryCsv } from './csv.js';
import { DEMO_ENTRIES } from './demo.js';
import type { DirectoryEntry } from './directory.js';
import { upsertEntry } from './table-directory.js';

/** Imports a CSV's text; resolves to the rows added, or the problems (nothing imported then). */
export async function importDirectory(db: Database, csv: string): Promise<{ ok: true; count: number } | { ok: false; problems: string[] }> {
  const parsed = parseDirectoryCsv(csv);
  if (!parsed.ok) return parsed;
  await addEntries(db, parsed.entries);
  return { ok: true, count: parsed.entries.length };
}

/** Adds the demo clinic (SPEC §7); running it again changes nothing. */
export async function addDemo(db: Database): Promise<number> {
  await addEntries(db, DEMO_ENTRIES);
  return DEMO_ENTRIES.length;
}

/** The practice's key as the tables know it: its name and email, ignoring case. */
const practiceKey = (entry: DirectoryEntry): string => `${entry.practice.toLowerCase()}\n${entry.email.toLowerCase()}`;

async function addEntries(db: Database, entries: readonly DirectoryEntry[]): Promise<void> {
  // A practice is active when any of its rows is: the file's `active` is each account's (as
  // `export` writes it), so a practice with one closed login among open ones stays open.
  const activePractices = new Set(entries.filter((entry) => entry.active).map(practiceKey));
  await db.transaction(async (tx) => {
    for (const entry of entries) await upsertEntry(tx, entry, activePractices.has(practiceKey(entry)));
  });
}
