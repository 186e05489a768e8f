// Runs the server suite three times: on embedded PGlite; the HTTP-level files again with a
// portal's directory over HTTP (TEST_DIRECTORY=http, a fake portal that checks every signature);
// then everything on the machine's PostgreSQL (each test in a fresh schema, dropped afterwards).
// Without a PostgreSQL server the last run is skipped and says so plainly; CI=true makes that a
// failure instead.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';

const url = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const files = readdirSync('test')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/${name}`);
const only = process.argv.slice(2);

/** The files that exercise the service over HTTP, run again against the portal directory. */
const HTTP_LEVEL = ['test/forms.test.ts', 'test/reset.test.ts', 'test/secrets.test.ts', 'test/smtp.test.ts'];

function run(engine, directory = 'tables', list = files) {
  console.log(`\n=== login-help-server tests on ${engine}, ${directory === 'http' ? 'a portal directory over HTTP' : 'its own tables'} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...(only.length ? only : list)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE: engine, TEST_DIRECTORY: directory },
  });
  return result.status ?? 1;
}

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let failed = run('pglite') !== 0;
failed = run('pglite', 'http', HTTP_LEVEL) !== 0 || failed;
if (await postgresAnswers()) {
  failed = run('postgres') !== 0 || failed;
} else if (process.env.CI) {
  console.error(`\nPostgreSQL does not answer at ${url}: CI must run the PostgreSQL tests (.ci/run starts it).`);
  failed = true;
} else {
  console.log(`\nSKIPPED: the PostgreSQL run of the server tests — nothing answers at ${url}. Start PostgreSQL (or set TEST_POSTGRES_URL) to run them.`);
}
process.exit(failed ? 1 : 0);
