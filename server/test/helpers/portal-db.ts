// A portal's own database for one test: a fresh database on the machine's MariaDB or PostgreSQL,
// holding demo/portal-db's schema (the PHP portal's practices/users, or Django's auth_user), and
// the queries file the service reads. Dropped afterwards.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { parseDirectoryCsv } from '../../src/directory/csv.js';
import type { DirectoryEntry } from '../../src/directory/directory.js';
import { TEST_POSTGRES_URL } from './database.js';

/** The two portal schemas of demo/portal-db, by the engine they run on. */
export type PortalEngine = 'mariadb' | 'postgres';

/** The MariaDB server the tests use (root, empty password, per TOOLCHAIN.md). */
export const TEST_MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** demo/portal-db, where the schemas and queries live. */
export const PORTAL_DB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'demo', 'portal-db');

/** A fresh portal database. */
export interface PortalDb {
  engine: PortalEngine;
  /** DIRECTORY_SQL_URL for it. */
  url: string;
  /** DIRECTORY_SQL_FILE: demo/portal-db's queries for this schema. */
  queriesFile: string;
  /** Runs SQL on it (values bound, `?` placeholders on either engine), as the portal itself would. */
  query<T = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Runs a file of demo/portal-db (several statements). */
  runFile(name: string): Promise<void>;
  import(csv: string): Promise<void>;
  add(entries: readonly DirectoryEntry[]): Promise<void>;
  deactivatePractice(name: string): Promise<void>;
  /** The stored password (hash) of a user, null when it has none. */
  account(userName: string): Promise<{ passwordHash: string | null } | undefined>;
  drop(): Promise<void>;
}

/** The SQL of each schema's writes, with `?` placeholders turned into `$n` for PostgreSQL. */
const SCHEMA = {
  mariadb: {
    practice: 'SELECT id FROM practices WHERE name = ? AND email = ?',
    addPractice: 'INSERT INTO practices (name, email, is_active) VALUES (?, ?, ?)',
    setPractice: 'UPDATE practices SET is_active = ? WHERE id = ?',
    user: 'SELECT id FROM users WHERE LOWER(username) = LOWER(?)',
    addUser: "INSERT INTO users (practice_id, username, is_active) VALUES (?, ?, ?)",
    setUser: 'UPDATE users SET practice_id = ?, is_active = ? WHERE id = ?',
    deactivate: 'UPDATE practices SET is_active = 0 WHERE name = ?',
    password: 'SELECT password AS password_hash FROM users WHERE LOWER(username) = LOWER(?)',
  },
  postgres: {
    practice: 'SELECT id FROM clinic_practice WHERE name = ? AND email = ?',
    addPractice: 'INSERT INTO clinic_practice (name, email, is_active) VALUES (?, ?, ?) RETURNING id',
    setPractice: 'UPDATE clinic_practice SET is_active = ? WHERE id = ?',
    user: 'SELECT id FROM auth_user WHERE lower(username) = lower(?)',
    addUser: "WITH u AS (INSERT INTO auth_user (username, password, is_active) VALUES (?, '', ?) RETURNING id) INSERT INTO clinic_profile (user_id, practice_id) SELECT id, ? FROM u",
    setUser: 'UPDATE auth_user SET is_active = ? WHERE id = ?; UPDATE clinic_profile SET practice_id = ? WHERE user_id = ?',
    deactivate: 'UPDATE clinic_practice SET is_active = false WHERE name = ?',
    password: 'SELECT password AS password_hash FROM auth_user WHERE lower(username) = lower(?)',
  },
} as const;

const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Creates a fresh database with the engine's portal schema (not yet the demo clinic). */
export async function freshPortalDb(engine: PortalEngine): Promise<PortalDb> {
  const name = `lh_portal_${randomBytes(6).toString('hex')}`;
  const base = new URL(engine === 'mariadb' ? TEST_MARIADB_URL : TEST_POSTGRES_URL);
  const url = new URL(base);
  url.pathname = `/${name}`;
  let query: PortalDb['query'];
  let exec: (sql: string) => Promise<void>;
  let close: () => Promise<void>;
  let dropDatabase: () => Promise<void>;
  if (engine === 'mariadb') {
    const admin = await mysql.createConnection({ uri: base.toString() });
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const pool = mysql.createPool({ uri: url.toString(), connectionLimit: 2, multipleStatements: true, dateStrings: true });
    query = async <T>(sql: string, values: unknown[] = []) => {
      const [rows] = await pool.query(sql, values);
      return (Array.isArray(rows) ? rows : []) as T[];
    };
    exec = async (sql) => void (await pool.query(sql));
    close = () => pool.end();
    dropDatabase = async () => {
      const again = await mysql.createConnection({ uri: base.toString() });
      await again.query(`DROP DATABASE IF EXISTS ${name}`);
      await again.end();
    };
  } else {
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    pool.on('error', () => undefined);
    query = async <T>(sql: string, values: unknown[] = []) => {
      // Two statements in one string (setUser) go one by one, each with its own values.
      const parts = sql.split('; ');
      let rows: T[] = [];
      let offset = 0;
      for (const part of parts) {
        const count = (part.match(/\?/g) ?? []).length;
        rows = (await pool.query(numbered(part), values.slice(offset, offset + count))).rows as T[];
        offset += count;
      }
      return rows;
    };
    exec = async (sql) => void (await pool.query(sql));
    close = () => pool.end();
    dropDatabase = async () => {
      const again = new pg.Client({ connectionString: base.toString() });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    };
  }
  const sql = SCHEMA[engine];
  const runFile = async (file: string): Promise<void> => exec(await readFile(path.join(PORTAL_DB_DIR, file), 'utf8'));
  await runFile(`${engine}-schema.sql`);
  const flag = (active: boolean): unknown => (engine === 'mariadb' ? Number(active) : active);
  const portal: PortalDb = {
    engine,
    url: url.toString(),
    queriesFile: path.join(PORTAL_DB_DIR, `${engine}-queries.sql`),
    query,
    runFile,
    async add(entries) {
      for (const entry of entries) {
        let [practice] = await query<{ id: number }>(sql.practice, [entry.practice, entry.email]);
        if (practice) await query(sql.setPractice, [flag(entry.active), practice.id]);
        else {
          const inserted = await query<{ id: number }>(sql.addPractice, [entry.practice, entry.email, flag(entry.active)]);
          practice = inserted[0] ?? (await query<{ id: number }>(sql.practice, [entry.practice, entry.email]))[0];
        }
        const [user] = await query<{ id: number }>(sql.user, [entry.userName]);
        if (user) await query(sql.setUser, engine === 'mariadb' ? [practice?.id, flag(entry.active), user.id] : [entry.active, user.id, practice?.id, user.id]);
        else await query(sql.addUser, engine === 'mariadb' ? [practice?.id, entry.userName, flag(entry.active)] : [entry.userName, entry.active, practice?.id]);
      }
    },
    async import(csv) {
      const parsed = await parseDirectoryCsv(csv);
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      await portal.add(parsed.entries);
    },
    async deactivatePractice(practiceName) {
      await query(sql.deactivate, [practiceName]);
    },
    async account(userName) {
      const [row] = await query<{ password_hash: string | null }>(sql.password, [userName]);
      // Django keeps "" for a user without a password; the tests read that as none.
      return row ? { passwordHash: row.password_hash || null } : undefined;
    },
    async drop() {
      await close();
      await dropDatabase();
    },
  };
  return portal;
}
