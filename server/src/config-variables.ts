// Every environment variable login-help-server reads (SPEC §9 names), with its default and its
// meaning: the one table that `--help` prints and that config.ts reads defaults from.

/** One variable: its name, default, meaning (for `--help`) and parser. */
export interface Variable {
  name: string;
  fallback: string;
  meaning: string;
}

/** Every variable the service reads, in the order `--help` lists them. */
export const VARIABLES: readonly Variable[] = [
  { name: 'HOST', fallback: '127.0.0.1', meaning: 'address to listen on' },
  { name: 'PORT', fallback: '8787', meaning: 'port to listen on (0 picks a free one)' },
  { name: 'BASE_PATH', fallback: '/api/login-help', meaning: 'where the widget endpoints (SPEC §4, §8) live' },
  { name: 'LOGIN_HELP_DATA', fallback: './.login-help-data', meaning: "the embedded database's folder" },
  { name: 'DATABASE_URL', fallback: '', meaning: 'a PostgreSQL server (postgres://…) instead of the embedded database' },
  { name: 'DATABASE_TIMEOUT_MS', fallback: '5000', meaning: 'a PostgreSQL connection or query, or a directory call, that takes longer fails, and the request answers 503' },
  { name: 'DIRECTORY_URL', fallback: '', meaning: "a portal's own account system (docs/openapi-directory.json) instead of the service's tables" },
  { name: 'DIRECTORY_SECRET', fallback: '', meaning: 'the shared secret that signs each directory request (HMAC-SHA256; at least 32 characters)' },
  { name: 'PORTAL_SECRET', fallback: '', meaning: "the shared secret (at least 32 characters) that signs the portal's calls to POST {BASE_PATH}/verify-password (HMAC-SHA256); none: that endpoint answers 404" },
  { name: 'DIRECTORY_SQL_URL', fallback: '', meaning: "the portal's own database holding practices and accounts (postgres://…, mysql://… or mariadb://…), read and written through DIRECTORY_SQL_FILE's queries" },
  { name: 'DIRECTORY_SQL_FILE', fallback: '', meaning: 'the queries for DIRECTORY_SQL_URL: find-logins-by-email, find-account-by-user-name, find-account, set-password (README: Use your portal\'s accounts)' },
  { name: 'PASSWORD_HASH_FORMAT', fallback: 'argon2id', meaning: "the format new passwords are written in, as the portal's sign-in reads them: argon2id, bcrypt ($2y$), pbkdf2-sha256 (Django), scrypt; other than argon2id only with DIRECTORY_SQL_URL" },
  { name: 'BCRYPT_COST', fallback: '12', meaning: 'bcrypt: log2 of the rounds, 10 to 20 (each step doubles the time)' },
  { name: 'PBKDF2_ITERATIONS', fallback: '1000000', meaning: 'pbkdf2-sha256: iterations, at least 600000 (Django 5.2 writes 1000000)' },
  { name: 'SCRYPT_LOG_N', fallback: '17', meaning: 'scrypt: log2 of N, 17 to 20 (r=8, p=1; 2^17 takes 128 MiB per hash)' },
  { name: 'ARGON2_MEMORY_KIB', fallback: '19456', meaning: 'argon2id in the portal\'s database: memory in KiB, at least 19456 (2 passes, 1 lane)' },
  { name: 'SMTP_URL', fallback: '', meaning: 'outgoing mail server (smtp://user:pass@host:587, smtps://…); none: the development mailbox at /dev/mailbox' },
  { name: 'MAIL_FROM', fallback: 'Login Help <no-reply@localhost>', meaning: 'sender of every email' },
  { name: 'RESET_URL', fallback: 'http://{HOST}:{PORT}/reset', meaning: 'the page the reset link opens (it holds <login-help-reset>)' },
  { name: 'TOKEN_TTL_MINUTES', fallback: '60', meaning: 'lifetime of a reset link, in minutes' },
  { name: 'PASSWORD_MIN_LENGTH', fallback: '15', meaning: 'minimum length of a new password, in characters' },
  { name: 'BREACHED_PASSWORDS_URL', fallback: '', meaning: 'a range API of passwords seen in breaches, e.g. https://api.pwnedpasswords.com/range/ or your mirror of its files (only 5 hex digits of a SHA-1 leave); none: the bundled list only' },
  { name: 'BREACHED_PASSWORDS_TIMEOUT_MS', fallback: '1500', meaning: 'a breach lookup that takes longer is skipped (the reset goes on under the rest of the rule, and its audit says so)' },
  { name: 'REVEAL', fallback: 'true', meaning: 'false: answer {"status":"accepted"} whether or not anything is on file' },
  { name: 'RATE_LIMIT_PER_CLIENT', fallback: '100', meaning: 'requests per 15 minutes from one client address' },
  { name: 'RATE_LIMIT_PER_TARGET', fallback: '5', meaning: 'requests per hour for one email address or user name' },
  { name: 'RATE_LIMIT_PER_TOKEN', fallback: '10', meaning: 'check and reset requests per hour for one reset link' },
  { name: 'ALLOWED_ORIGINS', fallback: '', meaning: 'comma-separated origins allowed by CORS (e.g. https://portal.example)' },
  { name: 'CORS_ALLOW_HEADERS', fallback: '', meaning: 'extra request headers allowed by CORS, comma-separated' },
  { name: 'TRUST_PROXY', fallback: 'false', meaning: 'true: take the client address from X-Forwarded-For (behind a reverse proxy)' },
  { name: 'HELP_URL', fallback: '', meaning: 'the Login Help page, linked from the reset page as "request a new link"' },
  { name: 'LOGIN_URL', fallback: '', meaning: 'the sign-in page, linked from the reset page after success' },
  { name: 'SUPPORT_EMAIL', fallback: '', meaning: 'address sent to the widget for "email us" and named in emails' },
  { name: 'RESPONSE_TIME_MS', fallback: '250', meaning: 'every answer of the two forms takes at least this long, so found and not found look alike' },
  { name: 'OUTBOX_LEASE_SECONDS', fallback: '120', meaning: 'how long a claimed email stays with one instance before another may send it (the window in which a crash can send it twice)' },
  { name: 'LOG_LEVEL', fallback: 'info', meaning: 'pino log level (fatal, error, warn, info, debug, trace, silent)' },
];

/** The `--help` table of variables. */
export function describeVariables(): string {
  const width = Math.max(...VARIABLES.map((v) => v.name.length));
  return VARIABLES.map((v) => `  ${v.name.padEnd(width)}  ${v.meaning}${v.fallback ? ` (default: ${v.fallback})` : ''}`).join('\n');
}
