// The files that need a portal's database (MariaDB and PostgreSQL servers) run once, in the SQL
// pass of scripts/run-tests.js (TEST_DIRECTORY=sql-…), not in the PGlite and PostgreSQL passes.

/** False in the SQL pass; otherwise the reason the file is skipped. */
export function sqlPassSkip(): string | false {
  return process.env.TEST_DIRECTORY?.startsWith('sql-') ? false : 'needs the MariaDB and PostgreSQL servers: runs in the SQL pass (TEST_DIRECTORY=sql-mariadb)';
}
