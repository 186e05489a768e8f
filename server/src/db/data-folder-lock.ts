// One process per embedded data folder (PGlite opens its folder as if it were alone; a second
// writer loses the first one's writes). Whichever process opens the folder, the service or a
// command, first takes `login-help.lock` inside it, as PostgreSQL takes `postmaster.pid`.
//
// The lock file is JSON naming its holder: pid, host, the boot it started in and the process's
// start time, so a lock left by a `kill -9` or a power cut is recognised and taken over at once,
// and a pid that now belongs to an unrelated process is not mistaken for the holder. It is
// written whole to a private file and then hard-linked into place (link fails if the name
// exists), so no process ever reads a half-written lock. A stale lock is taken over under a
// second, short-lived lock (`login-help.lock.takeover`), so two processes that both find it
// stale cannot both win.
//
// Why not proper-lockfile: it judges staleness by an mtime the holder must refresh on a timer; a
// PGlite query runs synchronously on the main thread and can hold that timer back, and a lock
// left by a kill -9 would block the next start until it aged. It records no pid to name either.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'login-help.lock';

/** Who holds a data folder: what the lock file holds. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The kernel's boot id (Linux), so a lock from before a reboot is known stale. */
  boot?: string;
  /** The process's start time since boot, in clock ticks (Linux), so a reused pid is not the holder. */
  started?: string;
  /** What it runs: `start`, `import`, … */
  command: string;
  /** When it took the lock (ISO 8601). */
  since: string;
  /** A Unix socket where the holder answers read-only questions (audit, outbox), if it listens. */
  admin?: string;
}

/** Thrown when the folder is in use, or its lock cannot be judged safely. The message says what to do. */
export class DataFolderBusy extends Error {
  override name = 'DataFolderBusy';
  readonly folder: string;
  readonly holder: LockHolder | undefined;

  constructor(message: string, folder: string, holder?: LockHolder) {
    super(message);
    this.folder = folder;
    this.holder = holder;
  }
}

/** A held lock. */
export interface DataFolderLock {
  readonly folder: string;
  readonly holder: LockHolder;
  /** Records the admin socket in the lock file (the service, once it listens there). */
  advertise(admin: string): void;
  /** Removes the lock file if it is still this process's. Idempotent. */
  release(): void;
}

const WAYS_FORWARD = 'Stop that process first, or put both on a PostgreSQL server with DATABASE_URL.';

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** This machine's boot id, or undefined off Linux. */
function bootId(): string | undefined {
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

/** A process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or undefined. */
export function processStart(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces or ')': count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Parses a lock file's text; undefined when it is not one. */
export function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isSafeInteger(value.pid) || (value.pid ?? 0) <= 0 || typeof value.host !== 'string' || typeof value.command !== 'string' || typeof value.since !== 'string') return undefined;
    return value as LockHolder;
  } catch {
    return undefined;
  }
}

/** What a lock file found on the folder means, from this process on this host. */
export type LockVerdict = 'held' | 'stale' | 'other-host';

/** Judges a holder: alive here (held), gone (stale: dead pid, another boot, a reused pid), or on another host. */
export function judgeHolder(holder: LockHolder, here = { host: hostname(), boot: bootId() }, alive = isAlive, startOf = processStart): LockVerdict {
  if (holder.host !== here.host) return 'other-host';
  if (holder.boot && here.boot && holder.boot !== here.boot) return 'stale';
  if (!alive(holder.pid)) return 'stale';
  const started = startOf(holder.pid);
  if (holder.started && started && holder.started !== started) return 'stale';
  return 'held';
}

function describe(holder: LockHolder): string {
  return `process ${holder.pid} (login-help-server ${holder.command}, since ${holder.since})`;
}

/** Writes `text` whole to a new private file beside `file` and returns its name. */
function writeDraft(file: string, text: string): string {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(draft, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return draft;
}

/** Creates `file` holding `text`, atomically and only if no such file exists; false if one does. */
function createExclusive(file: string, text: string): boolean {
  const draft = writeDraft(file, text);
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function removeIfSame(file: string, text: string): void {
  if (readText(file) === text) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}

function folderProblem(folder: string, error: NodeJS.ErrnoException): DataFolderBusy {
  const why =
    error.code === 'EROFS'
      ? 'is on a read-only file system'
      : error.code === 'EACCES' || error.code === 'EPERM'
        ? 'cannot be written by this user'
        : error.code === 'ENOTDIR' || error.code === 'EEXIST'
          ? 'is not a folder'
          : `cannot be used (${error.code ?? error.message})`;
  return new DataFolderBusy(`the data folder ${folder} ${why}. Set LOGIN_HELP_DATA to a folder this user can write, or use DATABASE_URL.`, folder);
}

/**
 * A recursive mkdir reports ENOENT for a read-only or unwritable parent; the real reason is what
 * creating the first missing folder below the nearest existing one says.
 */
function underlying(folder: string, error: NodeJS.ErrnoException): NodeJS.ErrnoException {
  if (error.code !== 'ENOENT') return error;
  let missing = folder;
  while (path.dirname(missing) !== missing && !existsSync(path.dirname(missing))) missing = path.dirname(missing);
  try {
    mkdirSync(missing);
    rmdirSync(missing);
  } catch (real) {
    return real as NodeJS.ErrnoException;
  }
  return error;
}

const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Takes the data folder's lock for `command`, or throws DataFolderBusy with a message naming the
 * folder, the holder and what to do. Creates the folder when missing. Synchronous: it runs once,
 * before the database opens, and must not interleave with anything that could open it.
 */
export function lockDataFolder(folderPath: string, command: string): DataFolderLock {
  const folder = path.resolve(folderPath);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw folderProblem(folder, underlying(folder, error as NodeJS.ErrnoException));
  }
  const file = path.join(folder, LOCK_FILE);
  const guard = `${file}.takeover`;
  const here = { host: hostname(), boot: bootId() };
  let holder: LockHolder = { pid: process.pid, host: here.host, ...(here.boot ? { boot: here.boot } : {}), ...(processStart(process.pid) ? { started: processStart(process.pid) } : {}), command, since: new Date().toISOString() };
  let text = `${JSON.stringify(holder)}\n`;

  for (let attempt = 0; ; attempt++) {
    try {
      if (createExclusive(file, text)) break;
    } catch (error) {
      throw folderProblem(folder, error as NodeJS.ErrnoException);
    }
    const found = readText(file);
    if (found === undefined) continue; // Released between the two calls: try again.
    const other = parseHolder(found);
    if (!other) {
      throw new DataFolderBusy(`the data folder ${folder} holds a lock file (${LOCK_FILE}) that cannot be read, so it may be in use. If no login-help-server runs on this folder, delete ${file} and try again; or use DATABASE_URL.`, folder);
    }
    const verdict = judgeHolder(other, here);
    if (verdict === 'other-host') {
      throw new DataFolderBusy(`the data folder ${folder} is in use by ${describe(other)} on host ${other.host}. ${WAYS_FORWARD} If ${other.host} no longer runs it, delete ${file}.`, folder, other);
    }
    if (verdict === 'held') {
      throw new DataFolderBusy(`the data folder ${folder} is in use by ${describe(other)}. ${WAYS_FORWARD}`, folder, other);
    }
    // Stale: take it over under the takeover guard, re-checking that it is still the same lock.
    if (attempt > 50) throw new DataFolderBusy(`the data folder ${folder}: its stale lock could not be taken over (another process keeps racing for it). Try again.`, folder);
    if (!createExclusive(guard, text)) {
      const guardHolder = parseHolder(readText(guard) ?? '');
      if (!guardHolder || judgeHolder(guardHolder, here) !== 'held') removeIfSame(guard, readText(guard) ?? '');
      pause(20);
      continue;
    }
    try {
      if (readText(file) === found) {
        unlinkSync(file);
        // The dead holder's admin socket folder (admin-socket.ts) goes with its lock.
        if (other.admin && path.basename(path.dirname(other.admin)).startsWith('login-help-admin-')) rmSync(path.dirname(other.admin), { recursive: true, force: true });
      }
    } finally {
      unlinkSync(guard);
    }
  }

  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    removeIfSame(file, text);
  };
  // A command that ends (or throws) without closing its database still frees the folder.
  process.on('exit', release);
  return {
    folder,
    get holder() {
      return holder;
    },
    advertise(admin) {
      if (released) return;
      const next = { ...holder, admin };
      const nextText = `${JSON.stringify(next)}\n`;
      // Rewritten in place through a rename, so a reader sees the old or the new file, never a part.
      const draft = writeDraft(file, nextText);
      if (readText(file) !== text) {
        unlinkSync(draft);
        return;
      }
      renameSync(draft, file);
      holder = next;
      text = nextText;
    },
    release,
  };
}
