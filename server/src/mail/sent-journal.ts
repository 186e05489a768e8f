// The "sent" journal of the embedded database. PGlite has one connection, in the main thread, so
// the SMTP thread cannot mark a message sent itself; yet the mark must be durable before the next
// message goes, or a crash could send a whole batch twice. So the thread appends each sent id to
// a journal file in the data folder (write + fdatasync, ~0.4 ms) before the next send, and the
// main thread marks the journal's ids in one statement when the batch ends, then deletes it. A
// journal left by a crash is applied at the next start, before the first claim.
import { closeSync, fdatasyncSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../db/database.js';
import { markSent, type SentMark } from './outbox-rows.js';

const PREFIX = 'outbox-sent-';
const SUFFIX = '.journal';

/** The journal of one batch in `folder`. */
export const journalPath = (folder: string, batch: number): string => path.join(folder, `${PREFIX}${batch}${SUFFIX}`);

/** Appends marks to one batch's journal; each is on disk when `append` returns. */
export class JournalWriter {
  readonly #fd: number;

  constructor(file: string) {
    this.#fd = openSync(file, 'a', 0o600);
    // The file's name must survive a power cut too, not only its content.
    const folder = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
  }

  /** Writes one mark and waits for the disk. */
  append(mark: SentMark): void {
    writeSync(this.#fd, `${mark.id} ${mark.at}\n`);
    fdatasyncSync(this.#fd);
  }

  close(): void {
    closeSync(this.#fd);
  }
}

/**
 * The marks in a journal's text: whole lines only. A line cut short by a crash mid-write is not
 * read (its message goes again: it was the one in flight).
 */
export function parseJournal(text: string): SentMark[] {
  return text
    .split('\n')
    .slice(0, -1)
    .filter((line) => /^\d+ \d+$/.test(line))
    .map((line) => {
      const [id, at] = line.split(' ').map(Number);
      return { id: id ?? 0, at: at ?? 0 };
    });
}

/** Marks the messages a journal lists as sent, then deletes it; resolves to its marks (none when it is absent). */
export async function applyJournal(db: Queryable, file: string): Promise<SentMark[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const marks = parseJournal(text);
  await markSent(db, marks);
  await unlink(file);
  return marks;
}

/** Applies every journal a crash left in `folder`; resolves to how many messages they marked. */
export async function applyLeftJournals(db: Queryable, folder: string): Promise<number> {
  const names = (await readdir(folder)).filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX));
  let marked = 0;
  for (const name of names) marked += (await applyJournal(db, path.join(folder, name))).length;
  return marked;
}
