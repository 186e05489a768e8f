// Whether the machine's PostgreSQL and MariaDB answer, asked before a test run or a bench uses
// them (run-tests.js skips, or with CI=true fails, a run whose database is away).
import mysql from 'mysql2/promise';
import pg from 'pg';

/** Whether the PostgreSQL server at `url` answers a query within 3 s. */
export async function postgresAnswers(url) {
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

/** Whether the MariaDB server at `url` answers a query within 3 s. */
export async function mariadbAnswers(url) {
  let connection;
  try {
    connection = await mysql.createConnection({ uri: url, connectTimeout: 3000 });
    await connection.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await connection?.end().catch(() => undefined);
  }
}
