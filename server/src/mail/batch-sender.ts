// How the outbox worker hands a claimed batch to whatever sends it, and the sender that works in
// the main thread (the development mailbox, which lives in this process, and any transport an
// embedder gives): one message at a time, each marked sent before the next is tried (into the
// development mailbox: once per batch).
import type { Clock } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { Failure } from './failure.js';
import { markSent, messageOf, type OutboxRow, type SentMark } from './outbox-rows.js';
import type { MailTransport } from './transport.js';

/** How a batch went. */
export interface BatchReport {
  /** Sent and already marked sent in the database. */
  sent: number[];
  /** Tried and refused (or unreachable): the worker records each for a retry or as dead. */
  failed: { id: number; error: Failure | unknown }[];
  /** Not tried (stopping, the lease running short, or a problem): the worker hands them back. */
  unsent: number[];
  /** Why the batch stopped early (a mark that failed, a thread that died), for the log. */
  problem?: unknown;
}

/** When a batch must stop starting messages. */
export interface BatchLimits {
  /** Wall-clock ms after which no message is started: the claim's lease must outlast the last send. */
  deadline: number;
  /** True once the worker is stopping: the message in flight finishes, the rest is left. */
  stopped(): boolean;
}

/** Sends claimed batches. */
export interface BatchSender {
  /** Before each claim: records in the database any send still unrecorded (so nothing sent is claimed again). */
  prepare(): Promise<void>;
  /** Tries each row once, in order; every message reported sent is marked sent. */
  send(rows: readonly OutboxRow[], limits: BatchLimits): Promise<BatchReport>;
  /** Tells a batch in progress to stop after the message in flight (the worker is stopping). */
  interrupt(): void;
  /** Frees what the sender holds, once no batch is in progress. */
  close(): Promise<void>;
}

/**
 * Sends in the main thread through `transport`; batches wait their turn. Each message is marked
 * before the next is tried, except into the development mailbox: it lives in this process's
 * memory and dies with it, so nothing it holds can arrive twice, and its batch is marked in one
 * statement at the end: one statement on the embedded database's one connection instead of one
 * per email, during a found load (issue #24).
 */
export function inProcessSender(db: Queryable, transport: MailTransport, clock: Clock, from: string): BatchSender {
  const eachMark = transport.kind !== 'mailbox';
  async function sendAll(rows: readonly OutboxRow[], limits: BatchLimits): Promise<BatchReport> {
    const report: BatchReport = { sent: [], failed: [], unsent: [] };
    const marks: SentMark[] = [];
    for (const row of rows) {
      if (limits.stopped() || report.problem !== undefined || Date.now() >= limits.deadline) {
        report.unsent.push(row.id);
        continue;
      }
      try {
        await transport.send(messageOf(row, from));
      } catch (error) {
        report.failed.push({ id: row.id, error });
        continue;
      }
      marks.push({ id: row.id, at: clock.now().getTime() });
      if (eachMark) await record(marks, report);
    }
    await record(marks, report);
    return report;
  }
  async function record(marks: SentMark[], report: BatchReport): Promise<void> {
    try {
      await markSent(db, marks);
      report.sent.push(...marks.map((mark) => mark.id));
    } catch (error) {
      // Sent, not recorded: they go again when their lease ends (the one message in flight, or the mailbox's batch).
      report.problem = error;
    }
    marks.length = 0;
  }
  let queue: Promise<unknown> = Promise.resolve();
  return {
    prepare: () => Promise.resolve(),
    send(rows, limits) {
      const batch = queue.then(() => sendAll(rows, limits));
      queue = batch.catch(() => undefined);
      return batch;
    },
    interrupt: () => undefined,
    close: () => Promise.resolve(),
  };
}
