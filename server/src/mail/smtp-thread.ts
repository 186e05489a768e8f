// The SMTP sender's own thread (issue #24). In the main thread each SMTP step of a message waited
// for a turn of an event loop that a saturating load keeps busy (~25 ms a turn, ~150 ms a
// message); here the steps have a loop to themselves. The thread sends one message at a time over
// one connection, and makes each "sent" mark durable (in PostgreSQL through its own connection,
// or in the batch's journal on the embedded database) before the next message is complete: the
// next one's envelope and text go while the mark is being written, but the end of its data waits
// for the mark, and a mark that fails cuts it off unsent. So a crash can send at most the one
// message in flight twice. Failures go back to the main thread, which records them as before.
// Started by thread-sender.ts; it never opens PGlite (only the PostgreSQL path loads database.ts,
// for its own connection).
import { parentPort, workerData } from 'node:worker_threads';
import type { Database, DatabaseTarget } from '../db/database.js';
import { toFailure, type Failure } from './failure.js';
import { markSent, type SentMark } from './outbox-rows.js';
import { JournalWriter } from './sent-journal.js';
import { mimeMessage, type MailMessage } from './mime.js';
import { SmtpLink } from './smtp-link.js';

/** What the thread is started with. */
export interface ThreadSetup {
  smtpUrl: string;
  /** PostgreSQL: where the thread marks messages sent itself. Absent: each batch names a journal. */
  database?: DatabaseTarget;
}

/** A batch of claimed messages to send in order. */
export interface BatchRequest {
  type: 'batch';
  batch: number;
  messages: { id: number; message: MailMessage }[];
  /** Wall-clock ms after which no new message is started (the claim's lease must outlast the send). */
  deadline: number;
  /** The worker's clock minus the wall clock, so `sent_at` follows the worker's clock. */
  clockOffsetMs: number;
  /** The journal file for this batch (embedded database only). */
  journal?: string;
}

/** What the main thread posts: a batch; `stop` (finish the message in flight, leave the rest); `close` (end). */
export type ToThread = BatchRequest | { type: 'stop' } | { type: 'close' };

/** The answer to one batch. */
export interface BatchDone {
  type: 'done';
  batch: number;
  /** Sent, and marked (PostgreSQL) or journaled. */
  sent: number[];
  failed: { id: number; failure: Failure }[];
  /** Not tried: to hand back. */
  unsent: number[];
  /** Sent, but its mark failed: the main thread tries the mark itself. */
  unmarked?: SentMark;
  /** Why the batch stopped early, if it did. */
  problem?: Failure;
}

const setup = workerData as ThreadSetup;
const port = parentPort;
const link = new SmtpLink(setup.smtpUrl);
let database: Promise<Database> | undefined;
const queue: BatchRequest[] = [];
let pumping = false;
let stopping = false;
let closing = false;

/** Makes the mark durable: in PostgreSQL, or in the batch's journal. */
async function mark(sent: SentMark, journal: JournalWriter | undefined): Promise<void> {
  if (journal) return journal.append(sent);
  if (!setup.database) throw new Error('no journal and no database to mark a message sent in');
  const target = setup.database;
  database ??= import('../db/database.js').then(({ openDatabase }) => openDatabase(target));
  await markSent(await database, [sent]);
}

async function run(request: BatchRequest): Promise<BatchDone> {
  const done: BatchDone = { type: 'done', batch: request.batch, sent: [], failed: [], unsent: [] };
  let journal: JournalWriter | undefined;
  try {
    journal = request.journal ? new JournalWriter(request.journal) : undefined;
  } catch (error) {
    done.problem = toFailure(error);
  }
  // The previous message's mark: the end of the next message waits for it.
  let marked: Promise<void> = Promise.resolve();
  for (const { id, message } of request.messages) {
    if (stopping || done.problem || Date.now() >= request.deadline) {
      done.unsent.push(id);
      continue;
    }
    const previous = marked;
    try {
      await link.send(await mimeMessage(message), previous);
    } catch (error) {
      // Cut off because the previous mark failed: this one was not sent.
      if (await previous.then(() => false, () => true)) done.unsent.push(id);
      else done.failed.push({ id, failure: toFailure(error) });
      continue;
    }
    const sent = { id, at: Date.now() + request.clockOffsetMs };
    marked = mark(sent, journal).then(
      () => {
        done.sent.push(id);
      },
      (error: unknown) => {
        // Sent but not recorded: send nothing more until the main thread has recorded it.
        done.unmarked = sent;
        done.problem = toFailure(error);
        throw error;
      },
    );
    // The rejection is heard by the next send, or by the wait below.
    marked.catch(() => undefined);
  }
  await marked.catch(() => undefined);
  journal?.close();
  return done;
}

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  for (let request = queue.shift(); request; request = queue.shift()) port?.postMessage(await run(request));
  pumping = false;
  if (closing) await close();
}

async function close(): Promise<void> {
  link.close();
  await (await database?.catch(() => undefined))?.close();
  port?.close();
}

port?.on('message', (message: ToThread) => {
  if (message.type === 'batch') {
    queue.push(message);
    void pump();
  } else if (message.type === 'stop') {
    stopping = true;
  } else {
    closing = true;
    if (!pumping) void close();
  }
});
