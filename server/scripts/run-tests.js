// Runs the server suite five times: on embedded PGlite; the HTTP-level files again with a
// portal's directory over HTTP (TEST_DIRECTORY=http, a fake portal that checks every signature);
// the HTTP-level files and the SQL directory's own files with the portal's accounts in its own
// database (TEST_DIRECTORY=sql-mariadb: a PHP portal's tables on MariaDB, bcrypt; sql-postgres: a
// Django portal's on PostgreSQL, pbkdf2-sha256; a fresh database per test); then everything that
// touches the service's database on the machine's PostgreSQL (each test in a fresh schema,
// dropped afterwards). Without a PostgreSQL or MariaDB server the runs that need it are skipped and
// say so plainly; CI=true makes that a failure instead.
//
// The runs go in two lanes at once: every run works in its own memory database, schema, database
// or temporary folder on port 0, and most of a run is waiting (SMTP backoffs, child processes,
// timing floors), so two lanes take ~55% of one lane's time on two cores. The first lane prints
// as it goes; the second lane's output is printed, run by run, when each run ends.
//   node scripts/run-tests.js [test/file.test.ts ...]   (given files: every run, on those files only)
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mariadbAnswers, postgresAnswers } from './database-probes.js';

const url = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const mariadbUrl = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';
const files = readdirSync('test')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/${name}`);
const only = process.argv.slice(2);

/** The files that exercise the service over HTTP, run again against the portal directory. */
const HTTP_LEVEL = ['test/forms.test.ts', 'test/reset.test.ts', 'test/secrets.test.ts', 'test/smtp.test.ts'];

/** The suites run again on a portal's own database, and the SQL directory's own files (run once, in the MariaDB pass). */
const SQL_LEVEL = ['test/forms.test.ts', 'test/reset.test.ts', 'test/secrets.test.ts'];
const SQL_ONLY = ['test/sql-hash-verifiers.test.ts', 'test/sql-faults.test.ts', 'test/sql-start-checks.test.ts', 'test/sql-portal-demo.test.ts'];

/**
 * Files that never open the service's database through TEST_DATABASE (pure functions, PGlite's own
 * settings, the group commit on PGlite): the PostgreSQL run would repeat them word for word.
 */
const ENGINE_FREE = ['test/config.test.ts', 'test/idle-memory.test.ts', 'test/email-templates.test.ts', 'test/mime.test.ts', 'test/outbox-gather.test.ts', 'test/smtp-link.test.ts', 'test/embedded-settings.test.ts', 'test/embedded-upkeep.test.ts', 'test/pglite-statements.test.ts', 'test/group.test.ts', 'test/hash-formats.test.ts', 'test/password-hash.test.ts', 'test/sql-file.test.ts', 'test/sql-portal-demo.test.ts'];

const DIRECTORIES = {
  tables: 'its own tables',
  http: 'a portal directory over HTTP',
  'sql-mariadb': "a PHP portal's tables on MariaDB (bcrypt)",
  'sql-postgres': "a Django portal's tables on PostgreSQL (pbkdf2-sha256)",
};

/** The longest one run may take before it is killed and counted as failed. */
const RUN_LIMIT_MS = 15 * 60_000;

/** One run of node's test runner; resolves to its exit status. `live` prints as it goes, else the output is kept and printed at the end. */
function run(engine, directory, list, live) {
  const title = `\n=== login-help-server tests on ${engine}, ${DIRECTORIES[directory]} ===\n`;
  if (live) process.stdout.write(title);
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...(only.length ? only : list)], {
    stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
    env: { ...process.env, TEST_DATABASE: engine, TEST_DIRECTORY: directory },
  });
  const kept = [];
  child.stdout?.on('data', (chunk) => kept.push(chunk));
  child.stderr?.on('data', (chunk) => kept.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, RUN_LIMIT_MS);
  return new Promise((resolve) => {
    child.once('close', (status) => {
      clearTimeout(timer);
      if (!live) process.stdout.write(title + Buffer.concat(kept).toString('utf8'));
      if (timedOut) console.error(`\nThe ${engine} / ${DIRECTORIES[directory]} run did not end within ${RUN_LIMIT_MS / 60_000} minutes: a test (or something it left open) hangs. Killed.`);
      resolve(status ?? 1);
    });
  });
}

/** Runs each of `runs` after the other; resolves to true when one failed. */
async function lane(runs, live) {
  let failed = false;
  for (const [engine, directory, list] of runs) failed = (await run(engine, directory, list, live)) !== 0 || failed;
  return failed;
}

let failed = false;
const second = [['pglite', 'http', HTTP_LEVEL]];
const servers = [(await mariadbAnswers(mariadbUrl)) ? undefined : `MariaDB at ${mariadbUrl}`, (await postgresAnswers(url)) ? undefined : `PostgreSQL at ${url}`].filter(Boolean);
if (servers.length === 0) {
  second.push(['pglite', 'sql-mariadb', [...SQL_LEVEL, ...SQL_ONLY]], ['pglite', 'sql-postgres', SQL_LEVEL]);
} else if (process.env.CI) {
  console.error(`\nNothing answers as ${servers.join(' and ')}: CI must run the SQL directory's tests (.ci/run starts both).`);
  failed = true;
} else {
  console.log(`\nSKIPPED: the SQL directory runs of the server tests — nothing answers as ${servers.join(' and ')}. Start it (or set TEST_MARIADB_URL / TEST_POSTGRES_URL) to run them.`);
}
if (await postgresAnswers(url)) {
  second.push(['postgres', 'tables', files.filter((file) => !ENGINE_FREE.includes(file))]);
} else if (process.env.CI) {
  console.error(`\nPostgreSQL does not answer at ${url}: CI must run the PostgreSQL tests (.ci/run starts it).`);
  failed = true;
} else {
  console.log(`\nSKIPPED: the PostgreSQL run of the server tests — nothing answers at ${url}. Start PostgreSQL (or set TEST_POSTGRES_URL) to run them.`);
}
const lanes = await Promise.all([lane([['pglite', 'tables', files]], true), lane(second, false)]);
process.exit(failed || lanes.includes(true) ? 1 : 0);
