// The main thread's side of the SMTP thread (smtp-thread.ts): starts the thread when there is
// something to send, posts it each claimed batch, marks in one statement what a batch's journal
// lists (embedded database), and ends the thread after a short idle time, since a live thread
// costs memory. Nothing is claimed while a sent message is still unrecorded here (`prepare`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { BatchLimits, BatchReport, BatchSender } from './batch-sender.js';
import { markSent, messageOf, type OutboxRow, type SentMark } from './outbox-rows.js';
import { applyJournal, journalPath } from './sent-journal.js';
import type { BatchDone, ThreadSetup, ToThread } from './smtp-thread.js';

/** What the SMTP thread needs. */
export interface ThreadSenderOptions {
  smtpUrl: string;
  from: string;
  db: Database;
  clock: Clock;
  /** The folder for the batches' journals (embedded database); a temporary one when absent. */
  journalFolder?: string;
  /** How long the thread stays with nothing to send (default 5 s). */
  idleMs?: number;
}

/** A live thread and the batches it has not answered yet. */
interface Thread {
  worker: Worker;
  exited: Promise<unknown>;
  pending: Map<number, { ids: number[]; resolve(done: BatchDone): void }>;
}

// The entry next to this module: smtp-thread.js when built, smtp-thread.ts under tsx (the tests),
// whose loader a thread does not inherit on Node 20: there the thread registers it first.
const ENTRY = new URL(`./smtp-thread${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url);
const newThread = (workerData: ThreadSetup): Worker =>
  ENTRY.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); });`, { eval: true, workerData })
    : new Worker(ENTRY, { workerData });

/** A sender through the SMTP thread, or undefined when the thread could not record its sends (a database given without its target). */
export function threadSender(options: ThreadSenderOptions): BatchSender | undefined {
  if (options.db.kind === 'postgres' && !options.db.target) return undefined;
  return new ThreadSender(options);
}

class ThreadSender implements BatchSender {
  readonly #options: ThreadSenderOptions;
  #thread: Thread | undefined;
  #next = 1;
  #idle: NodeJS.Timeout | undefined;
  #tempFolder: string | undefined;
  /** Sent but not yet marked in the database: journals, and marks the thread could not make. */
  readonly #unrecorded: { journals: string[]; marks: SentMark[] } = { journals: [], marks: [] };
  #recording: Promise<void> = Promise.resolve();

  constructor(options: ThreadSenderOptions) {
    this.#options = options;
  }

  prepare(): Promise<void> {
    // One at a time: two passes (a nudge and a test's drain) must not apply one journal twice.
    const recording = this.#recording.catch(() => undefined).then(() => this.#record());
    this.#recording = recording;
    return recording;
  }

  async #record(): Promise<void> {
    const { db } = this.#options;
    while (this.#unrecorded.journals.length > 0) {
      await applyJournal(db, this.#unrecorded.journals[0] ?? '');
      this.#unrecorded.journals.shift();
    }
    await markSent(db, this.#unrecorded.marks);
    this.#unrecorded.marks = [];
  }

  async send(rows: readonly OutboxRow[], limits: BatchLimits): Promise<BatchReport> {
    const { db, clock, from } = this.#options;
    const thread = this.#thread ?? this.#start();
    clearTimeout(this.#idle);
    const batch = this.#next++;
    const journal = db.kind === 'pglite' ? journalPath(this.#journalFolder(), batch) : undefined;
    const answered = new Promise<BatchDone>((resolve) => thread.pending.set(batch, { ids: rows.map((row) => row.id), resolve }));
    thread.worker.ref();
    const request: ToThread = {
      type: 'batch',
      batch,
      messages: rows.map((row) => ({ id: row.id, message: messageOf(row, from) })),
      deadline: limits.deadline,
      clockOffsetMs: clock.now().getTime() - Date.now(),
      ...(journal ? { journal } : {}),
    };
    thread.worker.postMessage(request);
    if (limits.stopped()) thread.worker.postMessage({ type: 'stop' } satisfies ToThread);
    const done = await answered;
    if (thread.pending.size === 0) this.#idleSoon(thread);
    const report: BatchReport = { sent: done.sent, failed: done.failed.map(({ id, failure }) => ({ id, error: failure })), unsent: done.unsent, ...(done.problem ? { problem: done.problem } : {}) };
    // Recorded before anything else is claimed, even when the database fails now (then at the next prepare).
    if (journal) this.#unrecorded.journals.push(journal);
    if (done.unmarked) this.#unrecorded.marks.push(done.unmarked);
    await this.prepare();
    if (done.unmarked) report.sent.push(done.unmarked.id);
    return report;
  }

  interrupt(): void {
    this.#thread?.worker.postMessage({ type: 'stop' } satisfies ToThread);
  }

  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const thread = this.#thread;
    if (thread) await this.#end(thread);
    if (this.#tempFolder) rmSync(this.#tempFolder, { recursive: true, force: true });
    this.#tempFolder = undefined;
  }

  #journalFolder(): string {
    this.#tempFolder ??= this.#options.journalFolder ? undefined : mkdtempSync(path.join(tmpdir(), 'login-help-outbox-'));
    return this.#options.journalFolder ?? this.#tempFolder ?? tmpdir();
  }

  #start(): Thread {
    const { smtpUrl, db } = this.#options;
    const setup: ThreadSetup = { smtpUrl, ...(db.kind === 'postgres' && db.target ? { database: db.target } : {}) };
    const worker = newThread(setup);
    const thread: Thread = { worker, exited: new Promise((resolve) => worker.once('exit', resolve)), pending: new Map() };
    thread.worker.on('message', (done: BatchDone) => {
      thread.pending.get(done.batch)?.resolve(done);
      thread.pending.delete(done.batch);
      if (thread.pending.size === 0) thread.worker.unref();
    });
    const lost = (problem: unknown): void => {
      // What the thread did not answer goes back (its journal, if any, is applied first).
      for (const [batch, { ids, resolve }] of thread.pending) resolve({ type: 'done', batch, sent: [], failed: [], unsent: ids, problem: { message: String((problem as Error)?.message ?? problem) } });
      thread.pending.clear();
      if (this.#thread === thread) this.#thread = undefined;
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => lost(`the SMTP thread ended (exit code ${code})`));
    this.#thread = thread;
    return thread;
  }

  #idleSoon(thread: Thread): void {
    this.#idle = setTimeout(() => void this.#end(thread), this.#options.idleMs ?? 5000);
    this.#idle.unref();
  }

  async #end(thread: Thread): Promise<void> {
    if (this.#thread === thread) this.#thread = undefined;
    thread.worker.postMessage({ type: 'close' } satisfies ToThread);
    await thread.exited;
  }
}
