// Runs the server suite four times: on embedded PGlite; the HTTP-level files again with a
// portal's directory over HTTP (TEST_DIRECTORY=http, a fake portal that checks every signature);
// the HTTP-level files and the SQL directory's own files with the portal's accounts in its own
// database (TEST_DIRECTORY=sql-mariadb: a PHP portal's tables on MariaDB, bcrypt; sql-postgres: a
// Django portal's on PostgreSQL, pbkdf2-sha256; a fresh database per test); then everything on
// the machine's PostgreSQL (each test in a fresh schema, dropped afterwards). Without a PostgreSQL
// or MariaDB server the runs that need it are skipped and say so plainly; CI=true makes that a
// failure instead.
import { spawnSync } from 'node:child_process';
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

const DIRECTORIES = {
  tables: 'its own tables',
  http: 'a portal directory over HTTP',
  'sql-mariadb': "a PHP portal's tables on MariaDB (bcrypt)",
  'sql-postgres': "a Django portal's tables on PostgreSQL (pbkdf2-sha256)",
};

/** The longest one run may take before it is killed and counted as failed. */
const RUN_LIMIT_MS = 15 * 60_000;

function run(engine, directory = 'tables', list = files) {
  console.log(`\n=== login-help-server tests on ${engine}, ${DIRECTORIES[directory]} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...(only.length ? only : list)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE: engine, TEST_DIRECTORY: directory },
    // A test file that never ends (a pool left open by a failed start) fails the run instead of
    // holding CI until its own limit; a whole run takes 1–4 minutes.
    timeout: RUN_LIMIT_MS,
    killSignal: 'SIGKILL',
  });
  if (result.error?.code === 'ETIMEDOUT') console.error(`\nThe ${engine} / ${DIRECTORIES[directory]} run did not end within ${RUN_LIMIT_MS / 60_000} minutes: a test (or something it left open) hangs. Killed.`);
  return result.status ?? 1;
}

let failed = run('pglite') !== 0;
failed = run('pglite', 'http', HTTP_LEVEL) !== 0 || failed;
const servers = [(await mariadbAnswers(mariadbUrl)) ? undefined : `MariaDB at ${mariadbUrl}`, (await postgresAnswers(url)) ? undefined : `PostgreSQL at ${url}`].filter(Boolean);
if (servers.length === 0) {
  failed = run('pglite', 'sql-mariadb', [...SQL_LEVEL, ...SQL_ONLY]) !== 0 || failed;
  failed = run('pglite', 'sql-postgres', SQL_LEVEL) !== 0 || failed;
} else if (process.env.CI) {
  console.error(`\nNothing answers as ${servers.join(' and ')}: CI must run the SQL directory's tests (.ci/run starts both).`);
  failed = true;
} else {
  console.log(`\nSKIPPED: the SQL directory runs of the server tests — nothing answers as ${servers.join(' and ')}. Start it (or set TEST_MARIADB_URL / TEST_POSTGRES_URL) to run them.`);
}
if (await postgresAnswers(url)) {
  failed = run('postgres') !== 0 || failed;
} else if (process.env.CI) {
  console.error(`\nPostgreSQL does not answer at ${url}: CI must run the PostgreSQL tests (.ci/run starts it).`);
  failed = true;
} else {
  console.log(`\nSKIPPED: the PostgreSQL run of the server tests — nothing answers at ${url}. Start PostgreSQL (or set TEST_POSTGRES_URL) to run them.`);
}
process.exit(failed ? 1 : 0);
