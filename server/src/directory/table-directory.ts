// The built-in directory: the service's own `practices` and `accounts` tables, filled by
// `login-help-server import` and `demo`. Passwords are stored as Argon2id hashes.
import type { Database, Queryable } from '../db/database.js';
import { Group, groupPer } from '../db/group.js';
import { hashPassword, verifyPassword } from '../passwords/hash.js';
import type { Account, Directory, DirectoryEntry, PracticeLogin } from './directory.js';

type Logins = { email: string; logins: PracticeLogin[] } | undefined;

/** Every active account of every active practice whose email on file is `email`. */
export async function findLoginsByEmail(db: Queryable, email: string): Promise<Logins> {
  if (isDatabase(db)) return byEmail(db).add(email);
  return (await findLoginsByEmails(db, [email]))[0];
}

/** findLoginsByEmail for several addresses in one statement, an answer per address in order. */
async function findLoginsByEmails(db: Queryable, emails: string[]): Promise<Logins[]> {
  const rows = await db.query<{ n: number; practice_name: string; user_name: string; email: string }>(
    `SELECT q.n::int AS n, p.name AS practice_name, a.user_name, p.email
       FROM unnest($1::text[]) WITH ORDINALITY AS q (email, n)
       JOIN practices p ON lower(p.email) = lower(q.email)
       JOIN accounts a ON a.practice_id = p.id
      WHERE p.active AND a.active
      ORDER BY q.n, p.name, a.user_name`,
    [emails],
  );
  const found: Logins[] = emails.map(() => undefined);
  for (const row of rows) {
    const entry = (found[row.n - 1] ??= { email: row.email, logins: [] });
    entry.logins.push({ practiceName: row.practice_name, userName: row.user_name });
  }
  return found;
}

const ACCOUNT_COLUMNS = `a.id, a.user_name, a.password_hash, p.name AS practice_name, p.email AS practice_email`;

interface AccountRow {
  id: number;
  user_name: string;
  password_hash: string | null;
  practice_name: string;
  practice_email: string;
}

/** An account as the tables hold it, with its password hash (for check-password). */
export interface StoredAccount extends Account {
  id: number;
  passwordHash: string | null;
}

function toAccount(row: AccountRow): StoredAccount {
  return { id: row.id, key: String(row.id), userName: row.user_name, practiceName: row.practice_name, practiceEmail: row.practice_email, passwordHash: row.password_hash };
}

/** The active account with this user name at an active practice. */
export async function findAccountByUserName(db: Queryable, userName: string): Promise<StoredAccount | undefined> {
  if (isDatabase(db)) return byUserName(db).add(userName);
  return (await findAccountsByUserNames(db, [userName]))[0];
}

/** findAccountByUserName for several user names in one statement, an answer per name in order. */
async function findAccountsByUserNames(db: Queryable, userNames: string[]): Promise<(StoredAccount | undefined)[]> {
  const rows = await db.query<AccountRow & { n: number }>(
    `SELECT q.n::int AS n, ${ACCOUNT_COLUMNS}
       FROM unnest($1::text[]) WITH ORDINALITY AS q (user_name, n)
       JOIN accounts a ON lower(a.user_name) = lower(q.user_name)
       JOIN practices p ON p.id = a.practice_id
      WHERE a.active AND p.active`,
    [userNames],
  );
  const found: (StoredAccount | undefined)[] = userNames.map(() => undefined);
  for (const row of rows) found[row.n - 1] ??= toAccount(row);
  return found;
}

// Outside a transaction (a form request without an Idempotency-Key), the lookups that arrive
// while one runs go together in the next statement (db/group.ts).
const isDatabase = (db: Queryable): db is Database => 'transaction' in db;
const byEmail = groupPer((db: Database) => new Group((emails: string[]) => findLoginsByEmails(db, emails)));
const byUserName = groupPer((db: Database) => new Group((userNames: string[]) => findAccountsByUserNames(db, userNames)));

/** The account by id, if it and its practice are still active. */
export async function findActiveAccount(db: Queryable, id: number): Promise<StoredAccount | undefined> {
  const rows = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a JOIN practices p ON p.id = a.practice_id
      WHERE a.id = $1 AND a.active AND p.active`,
    [id],
  );
  return rows[0] ? toAccount(rows[0]) : undefined;
}

/** Stores a new password hash for the account. */
export async function setPasswordHash(db: Queryable, accountId: number, hash: string, at: Date): Promise<void> {
  await db.query('UPDATE accounts SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [accountId, hash, at]);
}

/**
 * Adds (or updates) one practice and account. A practice is known by its name and email, and is
 * active when `practiceActive` says so (any of its rows in the file active); an account by its
 * user name, which moves to the given practice and takes the given state, and the given password
 * hash if there is one.
 */
export async function upsertEntry(db: Queryable, entry: DirectoryEntry, practiceActive = entry.active): Promise<void> {
  const [practice] = await db.query<{ id: number }>(
    `INSERT INTO practices (name, email, active) VALUES ($1, $2, $3)
     ON CONFLICT (lower(name), lower(email)) DO UPDATE SET active = EXCLUDED.active
     RETURNING id`,
    [entry.practice, entry.email, practiceActive],
  );
  await db.query(
    `INSERT INTO accounts (practice_id, user_name, active, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (lower(user_name)) DO UPDATE SET practice_id = EXCLUDED.practice_id, active = EXCLUDED.active,
       password_hash = coalesce(EXCLUDED.password_hash, accounts.password_hash)`,
    [practice?.id, entry.userName, entry.active, entry.passwordHash ?? null],
  );
}

/** The built-in directory. */
export const tableDirectory: Directory = {
  kind: 'tables',
  findLoginsByEmail,
  findAccountByUserName,
  findAccount: (tx, key) => (/^\d{1,9}$/.test(key) ? findActiveAccount(tx, Number(key)) : Promise.resolve(undefined)),
  async setPassword(tx, account, password, at) {
    await setPasswordHash(tx, Number(account.key), await hashPassword(password), at);
  },
  async matchesPassword(tx, account, password) {
    const stored = await findActiveAccount(tx, Number(account.key));
    return stored?.passwordHash ? verifyPassword(stored.passwordHash, password) : false;
  },
};
