// A whole login-help-server for one test: real HTTP on a free loopback port, the test's clock,
// a database of the engine under test, and its log lines kept for inspection.
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import type { MailboxMessage } from '../../src/mail/transport.js';
import { DEMO_ENTRIES } from '../../src/directory/demo.js';
import { addDemo, importDirectory } from '../../src/directory/import.js';
import { findAccountByUserName } from '../../src/directory/table-directory.js';
import { startService, type Service } from '../../src/service.js';
import { TestClock } from './clock.js';
import { freshDatabase } from './database.js';
import { startFakePortal, type FakePortal } from './fake-portal.js';

/** Which directory this run tests: the service's tables, or a portal over HTTP (TEST_DIRECTORY=http). */
export const directoryKind: 'tables' | 'http' = process.env.TEST_DIRECTORY === 'http' ? 'http' : 'tables';

/** The directory's data, whichever directory is under test. */
export interface TestDirectory {
  /** Adds the rows of a CSV (the import format). */
  import(csv: string): Promise<void>;
  deactivatePractice(name: string): Promise<void>;
  /** The account's stored password hash, to verify a reset. */
  account(userName: string): Promise<{ passwordHash: string | null } | undefined>;
  /** The fake portal, in the HTTP run. */
  portal?: FakePortal;
}

/** A started test service and handles on its parts. */
export interface TestService {
  service: Service;
  url: string;
  api: string;
  clock: TestClock;
  logs: string[];
  directory: TestDirectory;
  /** POSTs JSON (or a raw string) to a path under BASE_PATH. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: Record<string, unknown>; text: string }>;
  /** The development mailbox's messages, newest first (when no SMTP_URL). */
  mailbox(): MailboxMessage[];
  /** Runs the outbox worker until nothing is due. */
  drainOutbox(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a service with the demo clinic; `env` overrides the variables. */
export async function startTestService(env: Record<string, string> = {}, options: { demo?: boolean; retrySchedule?: number[] } = {}): Promise<TestService> {
  const fresh = await freshDatabase();
  const portal = directoryKind === 'http' ? await startFakePortal() : undefined;
  const config = loadConfig({
    PORT: '0',
    RESPONSE_TIME_MS: '0',
    RATE_LIMIT_PER_CLIENT: '10000',
    RATE_LIMIT_PER_TARGET: '1000',
    LOG_LEVEL: 'info',
    ...(portal ? { DIRECTORY_URL: portal.url, DIRECTORY_SECRET: portal.secret } : {}),
    ...env,
  });
  const clock = new TestClock();
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const service = await startService(config, { db: fresh.db, clock, logStream, pollMs: 50, ...(options.retrySchedule ? { retrySchedule: options.retrySchedule } : {}) });
  const directory: TestDirectory = portal
    ? {
        portal,
        import: async (csv) => portal.importCsv(csv),
        deactivatePractice: async (name) => portal.deactivatePractice(name),
        account: async (userName) => portal.account(userName),
      }
    : {
        async import(csv) {
          const result = await importDirectory(service.db, csv);
          if (!result.ok) throw new Error(result.problems.join('; '));
        },
        async deactivatePractice(name) {
          await service.db.query('UPDATE practices SET active = false WHERE name = $1', [name]);
        },
        account: (userName) => findAccountByUserName(service.db, userName),
      };
  if (options.demo !== false) {
    if (portal) portal.add(DEMO_ENTRIES);
    else await addDemo(service.db);
  }
  const api = `${service.url}${config.basePath}`;
  return {
    service,
    url: service.url,
    api,
    clock,
    logs,
    directory,
    async post(path, body, headers = {}) {
      const response = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // Left empty: the test asserts on `text` when it expects something else.
      }
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
    mailbox: () => service.mailbox?.list() ?? [],
    async drainOutbox() {
      // The background worker may hold a message mid-send: wait until nothing due is left.
      const end = Date.now() + 10_000;
      for (;;) {
        await service.worker.runOnce();
        const [busy] = await service.db.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM outbox WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= $1)`,
          [clock.now()],
        );
        if (busy!.count === 0) return;
        if (Date.now() > end) throw new Error('the outbox did not drain in 10 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      await service.close();
      await fresh.drop();
      await portal?.close();
    },
  };
}
