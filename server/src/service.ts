// Starts the whole service: database (migrated), rate limits, mail transport, outbox worker and
// the HTTP app, and stops them in order.
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { serveAdmin } from './admin/admin-socket.js';
import { buildApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { watchEmbeddedUpkeep } from './db/embedded-upkeep.js';
import { migrate } from './db/migrate.js';
import { createRateLimits } from './http/rate-limits.js';
import type { Directory } from './directory/directory.js';
import { httpDirectory } from './directory/http-directory.js';
import { openSqlDirectory } from './directory/sql-directory.js';
import { tableDirectory } from './directory/table-directory.js';
import { hashFormat } from './passwords/hash-formats.js';
import { Metrics } from './http/metrics.js';
import { describeFailure } from './mail/failure.js';
import { OutboxWorker } from './mail/outbox.js';
import { breachChecker } from './passwords/breached.js';
import { DevMailbox, smtpTransport, type MailTransport } from './mail/transport.js';

/** What tests and embedders may replace. */
export interface ServiceOptions {
  clock?: Clock;
  logStream?: Writable;
  /** An open database to use instead of the one the config names (the caller closes it). */
  db?: Database;
  /** The outbox worker's timings (tests shorten them). */
  retrySchedule?: readonly number[];
  pollMs?: number;
  leaseMs?: number;
  /** The reset page's assets folder (tests give their own). */
  resetAssets?: string;
  /** Listen (the default) or only build. */
  listen?: boolean;
  /** How many messages the development mailbox keeps (default MAILBOX_SIZE). */
  mailboxSize?: number;
}

/** A running service. */
export interface Service {
  app: FastifyInstance;
  db: Database;
  worker: OutboxWorker;
  transport: MailTransport;
  /** The development mailbox when no SMTP_URL is set. */
  mailbox?: DevMailbox;
  /** The address it listens on (http://host:port), when listening. */
  url: string;
  close(): Promise<void>;
}

/** Opens the database the config names (locking an embedded folder for `command`) and migrates it. */
export async function openMigrated(config: Config, command = 'start'): Promise<Database> {
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, timeoutMs: config.databaseTimeoutMs, command });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** The directory the config names; the SQL directory checks its queries first (SPEC §9). */
async function openDirectory(config: Config): Promise<Directory> {
  if (config.directorySql) {
    const format = hashFormat(config.passwordHashFormat, config.hashCosts);
    return openSqlDirectory({ ...config.directorySql, timeoutMs: config.databaseTimeoutMs, format });
  }
  return config.directoryUrl && config.directorySecret ? httpDirectory(config.directoryUrl, config.directorySecret, config.databaseTimeoutMs) : tableDirectory;
}

/** Starts the service. */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const directory = await openDirectory(config);
  try {
    return await startWith(config, options, directory);
  } catch (error) {
    await directory.close?.();
    throw error;
  }
}

async function startWith(config: Config, options: ServiceOptions, directory: Directory): Promise<Service> {
  const db = options.db ?? (await openMigrated(config));
  try {
    if (options.db) await migrate(db);
    return await startOn(config, options, directory, db);
  } catch (error) {
    // Nothing opened here may keep the process alive after a start that failed.
    if (!options.db) await db.close();
    throw error;
  }
}

async function startOn(config: Config, options: ServiceOptions, directory: Directory, db: Database): Promise<Service> {
  const clock = options.clock ?? systemClock;
  const mailbox = config.smtpUrl ? undefined : new DevMailbox(options.mailboxSize);
  const transport: MailTransport = mailbox ?? smtpTransport(config.smtpUrl ?? '');
  const log: { app?: FastifyInstance } = {};
  const metrics = new Metrics();
  const worker = new OutboxWorker({
    db,
    transport,
    ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    clock,
    from: config.mailFrom,
    ...(options.retrySchedule ? { schedule: options.retrySchedule } : {}),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    leaseMs: options.leaseMs ?? config.outboxLeaseSeconds * 1000,
    onDelivery: (result) => metrics.delivery(result),
    onError: (error, { id, attempt, dead }) => log.app?.log.warn({ outbox: id, attempt, dead, failure: describeFailure(error) }, dead ? 'email dead after its last try' : 'email delivery failed; will retry'),
  });
  const limits = createRateLimits(config, db);
  const checker = config.breachedPasswordsUrl ? breachChecker(config.breachedPasswordsUrl, config.breachedPasswordsTimeoutMs) : undefined;
  const breach = checker
    ? async (password: string) => {
        const verdict = await checker.check(password);
        if ('skipped' in verdict) metrics.breachSkipped(verdict.skipped);
        return verdict;
      }
    : undefined;
  let app: FastifyInstance | undefined;
  let url = '';
  try {
    app = await buildApp({ config, db, directory, clock, limits, nudgeOutbox: () => worker.nudge(), ...(breach ? { breach } : {}) }, {
      metrics,
      ...(options.logStream ? { logStream: options.logStream } : {}),
      ...(mailbox ? { mailbox } : {}),
      ...(options.resetAssets ? { resetAssets: options.resetAssets } : {}),
    });
    log.app = app;
    if (options.listen !== false) {
      url = await app.listen({ host: config.host, port: config.port });
      // PORT=0 picks a free port: the default reset link must name the one picked.
      if (config.resetUrlIsDefault && config.port === 0) config.resetUrl = new URL('/reset', url).toString();
    } else {
      await app.ready();
    }
  } catch (error) {
    await app?.close();
    await checker?.close();
    transport.close();
    throw error;
  }
  worker.start();
  // PGlite has no autovacuum of its own (db/embedded-upkeep.ts).
  const upkeep = db.kind === 'pglite' ? watchEmbeddedUpkeep(db, (error) => log.app?.log.warn({ failure: describeFailure(error) }, 'embedded database upkeep (vacuum) failed; will try again')) : undefined;
  // Beside a service on an embedded folder, `audit` and `outbox` ask it instead of opening the folder.
  const admin = db.lock ? await serveAdmin(db, clock) : undefined;
  if (admin) db.lock?.advertise(admin.path);
  let closed: Promise<void> | undefined;
  return {
    app,
    db,
    worker,
    transport,
    ...(mailbox ? { mailbox } : {}),
    url,
    close() {
      closed ??= (async () => {
        await app.close();
        await admin?.close();
        await checker?.close();
        await worker.stop();
        await upkeep?.stop();
        limits.stop();
        transport.close();
        await directory.close?.();
        if (!options.db) await db.close();
      })();
      return closed;
    },
  };
}
