// The `login-help-server` command (SPEC §9): start, migrate, import, export, demo, check-password,
// audit, outbox. Every command reads the same variables, so it works on the same data folder or server.
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { askAdmin } from './admin/admin-socket.js';
import { auditReport, describeOutbox } from './admin/reports.js';
import { parseSince } from './audit.js';
import { systemClock } from './clock.js';
import { ConfigError, describeVariables, loadConfig, redactUrl, type Config } from './config.js';
import { DataFolderBusy, judgeHolder } from './db/data-folder-lock.js';
import type { Database } from './db/database.js';
import { findAccountByUserName } from './directory/table-directory.js';
import { exportDirectory } from './directory/export.js';
import { addDemo, importDirectory } from './directory/import.js';
import { watchIdleMemory } from './idle-memory.js';
import { verifyPassword } from './passwords/hash.js';
import { normalizePassword } from './passwords/policy.js';
import { openMigrated, startService } from './service.js';

const USAGE = `Usage: login-help-server [command]

Commands:
  (none), start                  start the service (migrating the database first)
  migrate                        apply the database migrations and exit
  import FILE.csv                add practices and accounts from a CSV with the header
                                 practice,email,user_name,active[,password_hash] (all rows or
                                 none; - reads standard input)
  export                         write practices and accounts, with their password hashes, as
                                 that CSV on standard output (export > accounts.csv)
  demo                           add the demo clinic (frontdesk@happypaws.example, happypaws)
  check-password USER_NAME       read a password on standard input; exit 0 when it is the
                                 account's password, 1 when not
  audit [--since 1h] [--json]    print the audit entries (since 90s, 15m, 1h, 7d or a date)
  outbox                         print the outbox: messages waiting, sent and dead
  help, --help                   this text

Variables:
`;

/** Prints to stdout / stderr (tests capture them). */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Writes to stdout as is, resolving once it is taken (export's back-pressure); `out` without its newline when absent. */
  write?(chunk: string): Promise<void>;
}

let stdoutWatched = false;

const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  write(chunk) {
    // A reader that goes away (`export | head`) fails the write's callback, which the command
    // reports; unheard, the stream's 'error' event would crash the process with a stack.
    if (!stdoutWatched) process.stdout.on('error', () => undefined);
    stdoutWatched = true;
    return new Promise((resolve, reject) => process.stdout.write(chunk, (error) => (error ? reject(error) : resolve())));
  },
};

async function withDatabase(config: Config, command: string, work: (db: Database) => Promise<number>): Promise<number> {
  const db = await openMigrated(config, command);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * A read-only report (audit, outbox): from the database, or, when a running service holds the
 * embedded folder, from that service over its admin socket (admin/admin-socket.ts).
 */
async function report(config: Config, command: string, output: Output, lines: (db: Database) => Promise<string[]>, question: string): Promise<number> {
  try {
    return await withDatabase(config, command, async (db) => {
      for (const line of await lines(db)) output.out(line);
      return 0;
    });
  } catch (error) {
    const holder = error instanceof DataFolderBusy ? error.holder : undefined;
    if (!holder?.admin || judgeHolder(holder) !== 'held') throw error;
    output.out((await askAdmin(holder.admin, question)).replace(/\n$/, ''));
    return 0;
  }
}

function where(config: Config): string {
  return config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `the embedded database in ${config.dataDir}`;
}

/** Reads one line from standard input (the password for check-password), without echoing it anywhere. */
async function readLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const lines = createInterface({ input, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return undefined;
}

async function start(config: Config, output: Output): Promise<number> {
  const service = await startService(config);
  const idle = watchIdleMemory();
  output.out(`login-help-server listening on ${service.url}`);
  output.out(`  API:     ${service.url}${config.basePath}`);
  output.out(`  reset:   ${config.resetUrl}`);
  output.out(config.smtpUrl ? `  mail:    ${redactUrl(config.smtpUrl)}` : `  mailbox: ${service.url}/dev/mailbox`);
  output.out(`  data:    ${where(config)}`);
  if (config.directorySql) output.out(`  portal:  ${redactUrl(config.directorySql.url)} (queries in ${config.directorySql.file}; new passwords as ${config.passwordHashFormat})`);
  if (!config.smtpUrl && !['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
    output.err('login-help-server: no SMTP_URL, so every email goes to the development mailbox, which only this machine can read. Set SMTP_URL to send real mail.');
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      idle.stop();
      void service.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** Runs one command; resolves to the exit code. */
export async function main(argv: string[], output: Output = consoleOutput, input: NodeJS.ReadableStream = process.stdin, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command = 'start', ...rest] = argv;
  if (['help', '--help', '-h'].includes(command)) {
    output.out(USAGE + describeVariables());
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    output.err(`login-help-server: ${error.message}`);
    return 2;
  }
  if (config.directoryUrl && ['import', 'demo', 'check-password', 'export'].includes(command)) {
    output.err(`login-help-server ${command}: practices and accounts live in the portal's directory (DIRECTORY_URL), not in this service's tables.`);
    return 2;
  }
  if (config.directorySql && ['import', 'demo', 'check-password', 'export'].includes(command)) {
    output.err(`login-help-server ${command}: practices and accounts live in the portal's own database (DIRECTORY_SQL_URL), not in this service's tables.`);
    return 2;
  }
  try {
    switch (command) {
      case 'start':
        return await start(config, output);
      case 'migrate':
        return await withDatabase(config, command, async () => {
          output.out(`Migrations applied to ${where(config)}.`);
          return 0;
        });
      case 'import': {
        const [file] = rest;
        if (!file) {
          output.err('login-help-server import: name the CSV file (login-help-server import practices.csv)');
          return 2;
        }
        // Opened before the database, so a missing file is named before anything else happens.
        const handle = file === '-' ? undefined : await open(file);
        try {
          return await withDatabase(config, command, async (db) => {
            const result = await importDirectory(db, handle ? handle.createReadStream({ autoClose: false }) : input);
            if (!result.ok) {
              for (const problem of result.problems) output.err(`${file === '-' ? 'standard input' : file}: ${problem}`);
              output.err(`Nothing was imported: fix ${result.problems.length === 1 ? 'this line' : 'these lines'} and run the import again.`);
              return 1;
            }
            output.out(`Imported ${result.count} account${result.count === 1 ? '' : 's'} into ${where(config)}.`);
            return 0;
          });
        } finally {
          await handle?.close();
        }
      }
      case 'export': {
        const write = output.write ?? (async (chunk: string) => output.out(chunk.replace(/\n$/, '')));
        return await withDatabase(config, command, async (db) => {
          const count = await exportDirectory(db, write);
          output.err(`Exported ${count} account${count === 1 ? '' : 's'} from ${where(config)}.`);
          return 0;
        });
      }
      case 'demo':
        return await withDatabase(config, command, async (db) => {
          await addDemo(db);
          output.out(`Demo clinic added to ${where(config)}: frontdesk@happypaws.example, user name happypaws.`);
          return 0;
        });
      case 'check-password': {
        const [userName] = rest;
        if (!userName) {
          output.err('login-help-server check-password: name the user (login-help-server check-password happypaws < password.txt)');
          return 2;
        }
        const password = await readLine(input);
        if (password === undefined) {
          output.err('login-help-server check-password: no password on standard input');
          return 2;
        }
        return await withDatabase(config, command, async (db) => {
          const account = await findAccountByUserName(db, userName);
          const matches = account?.passwordHash ? await verifyPassword(account.passwordHash, normalizePassword(password)) : false;
          output.out(matches ? 'The password matches.' : account ? 'The password does not match.' : 'No active account has that user name.');
          return matches ? 0 : 1;
        });
      }
      case 'audit': {
        const sinceAt = rest.indexOf('--since');
        const sinceText = sinceAt >= 0 ? rest[sinceAt + 1] : undefined;
        const since = sinceText === undefined ? new Date(0) : parseSince(sinceText, systemClock.now());
        if (!since) {
          output.err(`login-help-server audit: --since takes 90s, 15m, 1h, 7d or a date such as 2026-11-30, not "${sinceText ?? ''}"`);
          return 2;
        }
        const json = rest.includes('--json');
        return await report(config, command, output, (db) => auditReport(db, since, json), `/audit?since=${encodeURIComponent(since.toISOString())}${json ? '&json=1' : ''}`);
      }
      case 'outbox':
        return await report(config, command, output, (db) => describeOutbox(db, systemClock.now()), '/outbox');
      default:
        output.err(`login-help-server: unknown command "${command}"\n\n${USAGE}${describeVariables()}`);
        return 2;
    }
  } catch (error) {
    // A database that cannot be opened or reached: one clear line, no stack.
    output.err(`login-help-server ${command}: ${(error as Error).message}`);
    return 1;
  }
}
