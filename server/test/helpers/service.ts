// A whole login-help-server for one test: real HTTP on a free loopback port, the test's clock,
// a database of the engine under test, and its log lines kept for inspection.
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { MailboxMessage } from '../../src/mail/transport.js';
import { DEMO_ENTRIES } from '../../src/directory/demo.js';
import { addDemo, importDirectory } from '../../src/directory/import.js';
import { findAccountByUserName } from '../../src/directory/table-directory.js';
import { hashFormat, recognizeHash, type HashCosts, type HashFormatName } from '../../src/passwords/hash-formats.js';
import { startService, type Service } from '../../src/service.js';
import { TestClock } from './clock.js';
import { freshDatabase } from './database.js';
import { startFakePortal, type FakePortal } from './fake-portal.js';
import { freshPortalDb, type PortalDb, type PortalEngine } from './portal-db.js';

/**
 * Which directory this run tests: the service's tables, a portal over HTTP (TEST_DIRECTORY=http),
 * or a portal's own database (TEST_DIRECTORY=sql-mariadb or sql-postgres, demo/portal-db's schema).
 */
export const directoryKind: 'tables' | 'http' | 'sql' = process.env.TEST_DIRECTORY === 'http' ? 'http' : process.env.TEST_DIRECTORY?.startsWith('sql-') ? 'sql' : 'tables';

/** The portal database's engine in the SQL run. */
const portalEngine: PortalEngine | undefined = directoryKind === 'sql' ? (process.env.TEST_DIRECTORY === 'sql-postgres' ? 'postgres' : 'mariadb') : undefined;

/** The format new passwords land in: TEST_HASH_FORMAT in the SQL run (bcrypt on MariaDB, Django's on PostgreSQL by default). */
export const testHashFormat: HashFormatName =
  directoryKind === 'sql' ? ((process.env.TEST_HASH_FORMAT as HashFormatName | undefined) ?? (portalEngine === 'postgres' ? 'pbkdf2-sha256' : 'bcrypt')) : 'argon2id';

/** The lowest costs the variables allow, so the suites stay quick. */
export const TEST_HASH_COSTS: HashCosts = { bcryptCost: 10, pbkdf2Iterations: 600_000, scryptLogN: 15, argon2MemoryKib: 19_456 };

/** The variables that give a service TEST_HASH_COSTS. */
export const TEST_HASH_ENV: Record<string, string> = { BCRYPT_COST: '10', PBKDF2_ITERATIONS: '600000', SCRYPT_LOG_N: '15' };

/** True when `stored` is a hash of `password` in any of the four formats (what a test checks after a reset). */
export async function verifyStored(stored: string, password: string): Promise<boolean> {
  const kind = recognizeHash(stored);
  return 'format' in kind && hashFormat(kind.format, TEST_HASH_COSTS).verify(stored, password);
}

/** The directory's data, whichever directory is under test. */
export interface TestDirectory {
  /** Adds the rows of a CSV (the import format). */
  import(csv: string): Promise<void>;
  deactivatePractice(name: string): Promise<void>;
  /** The account's stored password hash, to verify a reset. */
  account(userName: string): Promise<{ passwordHash: string | null } | undefined>;
  /** The fake portal, in the HTTP run. */
  portal?: FakePortal;
  /** The portal's database, in the SQL run. */
  portalDb?: PortalDb;
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

/**
 * Starts a service with the demo clinic; `env` overrides the variables; `portalDb` puts the
 * accounts in a fresh portal database of that engine, or in the one given; `db` is the service's
 * own database when the test keeps one open across several services.
 */
export async function startTestService(env: Record<string, string> = {}, options: { demo?: boolean; retrySchedule?: number[]; portalDb?: PortalEngine | PortalDb; db?: Database } = {}): Promise<TestService> {
  // A database the test gives is reused (and kept open) across its services: opening PGlite takes seconds.
  const fresh = options.db ? { db: options.db, drop: () => Promise.resolve() } : await freshDatabase();
  const portal = directoryKind === 'http' && !options.portalDb ? await startFakePortal() : undefined;
  const given = typeof options.portalDb === 'object' ? options.portalDb : undefined;
  const engineOfPortal = typeof options.portalDb === 'string' ? options.portalDb : portalEngine;
  const portalDb = given ?? (engineOfPortal ? await freshPortalDb(engineOfPortal) : undefined);
  // The demo clinic is in the portal's tables before the start checks read them, its old
  // password in the run's format (the seed's is bcrypt or Django's) so that the sample check agrees.
  const format = (env.PASSWORD_HASH_FORMAT as HashFormatName | undefined) ?? testHashFormat;
  if (portalDb && options.demo !== false) {
    await portalDb.runFile(`${portalDb.engine}-seed.sql`);
    if (format !== (portalDb.engine === 'mariadb' ? 'bcrypt' : 'pbkdf2-sha256')) {
      const old = await hashFormat(format, TEST_HASH_COSTS).hash('Old front desk password 2019');
      await portalDb.query(portalDb.engine === 'mariadb' ? 'UPDATE users SET password = ?' : 'UPDATE auth_user SET password = ?', [old]);
    }
  }
  // A start that fails (a test of a refused configuration) must not leave pools that keep the run alive.
  const abandon = async (error: unknown): Promise<never> => {
    await fresh.drop();
    await portal?.close();
    if (!given) await portalDb?.drop();
    throw error;
  };
  const config = await Promise.resolve().then(() => loadConfig({
    PORT: '0',
    RESPONSE_TIME_MS: '0',
    RATE_LIMIT_PER_CLIENT: '10000',
    RATE_LIMIT_PER_TARGET: '1000',
    LOG_LEVEL: 'info',
    ...(portal ? { DIRECTORY_URL: portal.url, DIRECTORY_SECRET: portal.secret } : {}),
    ...(portalDb ? { DIRECTORY_SQL_URL: portalDb.url, DIRECTORY_SQL_FILE: portalDb.queriesFile, PASSWORD_HASH_FORMAT: format, ...TEST_HASH_ENV } : {}),
    ...env,
  })).catch(abandon);
  const clock = new TestClock();
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const service = await startService(config, { db: fresh.db, clock, logStream, pollMs: 50, ...(options.retrySchedule ? { retrySchedule: options.retrySchedule } : {}) }).catch(abandon);
  const directory: TestDirectory = portalDb
    ? { portalDb, import: portalDb.import, deactivatePractice: portalDb.deactivatePractice, account: portalDb.account }
    : portal
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
    else if (!portalDb) await addDemo(service.db);
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
      // A portal database the test gave is the test's to drop.
      if (!given) await portalDb?.drop();
    },
  };
}
