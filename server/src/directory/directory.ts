// Where practices and accounts come from (SPEC §9): the service's own tables (table-directory.ts,
// filled by `import` and `demo`), a portal's own account system over HTTP (http-directory.ts,
// DIRECTORY_URL), or a portal's own database (sql-directory.ts, DIRECTORY_SQL_URL). Every lookup
// is case-insensitive and sees only what is active.
import type { Queryable } from '../db/database.js';
import type { FormatRefusal } from '../passwords/formats/hash-format.js';

/** A practice's user name, as the "Forgot User Name Request" email lists it. */
export interface PracticeLogin {
  practiceName: string;
  userName: string;
}

/** An active account and the practice it belongs to. */
export interface Account {
  /** The directory's own id for the account, as text (a reset token remembers it). */
  key: string;
  userName: string;
  practiceName: string;
  practiceEmail: string;
}

/** Thrown by `setPassword` when the account is no longer there (the link is then dead). */
export class AccountGone extends Error {
  override name = 'AccountGone';
}

/** Thrown by `setPassword`, before writing anything, when the password cannot be stored as the portal reads it. */
export class PasswordUnstorable extends Error {
  override name = 'PasswordUnstorable';
  /** Why, for the message at New Password (passwords/refusal-message.ts). */
  readonly refusal: FormatRefusal;

  constructor(refusal: FormatRefusal) {
    super(`the portal's hash format cannot hold this password (${refusal})`);
    this.refusal = refusal;
  }
}

/**
 * A directory that could not answer (its database away, slow, or answering the wrong shape): the
 * request answers 503 with Retry-After, and the audit names `operation`, never a value.
 */
export class DirectoryUnavailable extends Error {
  override name = 'DirectoryUnavailable';
  /** The query or call that failed (`find-account`, …). */
  readonly operation: string;

  constructor(operation: string, reason: string) {
    super(`the portal directory's ${operation} failed: ${reason}`);
    this.operation = operation;
  }
}

/** One practice and one of its accounts, as a CSV row or the demo data gives them. */
export interface DirectoryEntry {
  practice: string;
  email: string;
  userName: string;
  active: boolean;
  /** A stored password hash carried over from an export (an Argon2 PHC string); absent leaves the account's as it is. */
  passwordHash?: string;
}

/**
 * The lookups the forms and the reset link need. `tx` is the request's transaction: the table
 * directory reads inside it; the HTTP directory ignores it.
 */
export interface Directory {
  readonly kind: 'tables' | 'http' | 'sql';
  /** Every active account of every active practice whose email on file is `email` (any case). */
  findLoginsByEmail(tx: Queryable, email: string): Promise<{ email: string; logins: PracticeLogin[] } | undefined>;
  /** The active account with this user name (any case) at an active practice. */
  findAccountByUserName(tx: Queryable, userName: string): Promise<Account | undefined>;
  /** The account by its key, if it and its practice are still active. */
  findAccount(tx: Queryable, key: string): Promise<Account | undefined>;
  /**
   * Sets the account's password (already checked against the rule and NFKC-normalized); throws
   * AccountGone when the account is no longer there, PasswordUnstorable when it cannot hold it.
   */
  setPassword(tx: Queryable, account: Account, password: string, at: Date): Promise<void>;
  /** True when `password` (normalized) is the account's password; absent where the directory cannot tell (a portal's). */
  matchesPassword?(tx: Queryable, account: Account, password: string): Promise<boolean>;
  /** Resolves when the directory's own database answers (for /readyz); absent when there is none. */
  ready?(): Promise<void>;
  /** Releases the directory's own connections. */
  close?(): Promise<void>;
}
