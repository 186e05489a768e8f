// `npm run start:portal-db`: the demo of `npm start`, but with the accounts in a portal's own
// database, as a PHP portal keeps them: the tables `practices` and `users` of
// demo/portal-db/mariadb-schema.sql on the machine's MariaDB (database login_help_portal_demo,
// created with the demo clinic if missing), read and written through
// demo/portal-db/mariadb-queries.sql, new passwords in bcrypt ($2y$) as PHP's password_verify
// reads them. PORTAL_DB_URL names another MariaDB/MySQL database (mysql://user:pass@host/db).
// The service's own state (tokens, outbox, audit) stays in ./.login-help-data-portal-db.
import path from 'node:path';
import mysql from 'mysql2/promise';
import { readFile } from 'node:fs/promises';
import { ROOT } from './demo-stack.js';

const DEMO_DIR = path.join(ROOT, 'demo', 'portal-db');
const url = new URL(process.env.PORTAL_DB_URL?.trim() || 'mysql://root@127.0.0.1:3306/login_help_portal_demo');
const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
const shown = new URL(url);
if (shown.password) shown.password = '***';

function fail(message) {
  console.error(`npm run start:portal-db: ${message}`);
  process.exit(1);
}

if (!/^[A-Za-z0-9_]+$/.test(database)) fail(`PORTAL_DB_URL must name a database of letters, digits and _, not "${database}"`);

/** Creates the database, the PHP portal's tables and the demo clinic, each only if missing. */
async function prepare() {
  const server = new URL(url);
  server.pathname = '/';
  let connection;
  try {
    connection = await mysql.createConnection({ uri: server.toString(), multipleStatements: true, connectTimeout: 5000 });
  } catch (error) {
    fail(`MariaDB does not answer at ${shown.host} (${error.code ?? error.message}). Start it (as root: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd), or set PORTAL_DB_URL.`);
  }
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.query(`USE \`${database}\``);
    for (const file of ['mariadb-schema.sql', 'mariadb-seed.sql']) await connection.query(await readFile(path.join(DEMO_DIR, file), 'utf8'));
  } finally {
    await connection.end();
  }
}

await prepare();
Object.assign(process.env, {
  DIRECTORY_SQL_URL: url.toString(),
  DIRECTORY_SQL_FILE: path.join(DEMO_DIR, 'mariadb-queries.sql'),
  PASSWORD_HASH_FORMAT: 'bcrypt',
  LOGIN_HELP_DATA: process.env.LOGIN_HELP_DATA?.trim() || path.join(ROOT, '.login-help-data-portal-db'),
});
console.log(
  [
    '',
    `The accounts are a PHP portal's, in MariaDB ${shown.toString()}: tables practices and users`,
    `(demo/portal-db/mariadb-schema.sql), read and written through demo/portal-db/mariadb-queries.sql.`,
    'A reset writes a bcrypt hash ($2y$) to users.password, which PHP checks as it always has. See it with:',
    '',
    `  mariadb -uroot ${database} -e "SELECT username, password, updated_at FROM users"`,
    `  php -r 'var_dump(password_verify($argv[1], $argv[2]));' 'THE NEW PASSWORD' 'THE HASH'`,
  ].join('\n'),
);
// The rest is `npm start`'s: the server, the demo page, the addresses, Ctrl-C.
await import('./start-demo.js');
