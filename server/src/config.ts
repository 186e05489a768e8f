// Configuration from the environment (SPEC §9 names), parsed and checked once at start. A bad
// value stops the start with a message naming the variable; nothing else reads process.env.
import { HASH_FORMAT_NAMES, type HashFormatName } from './passwords/formats/hash-format.js';
import type { HashCosts } from './passwords/hash-formats.js';

/** The service's settings, typed and validated. */
export interface Config {
  host: string;
  port: number;
  basePath: string;
  dataDir: string;
  databaseUrl?: string;
  databaseTimeoutMs: number;
  directoryUrl?: string;
  directorySecret?: string;
  /** PORTAL_SECRET: signs the portal's calls to verify-password; without it that route does not exist. */
  portalSecret?: string;
  /** The portal's own database (DIRECTORY_SQL_URL) and the file of its queries (DIRECTORY_SQL_FILE). */
  directorySql?: { url: string; file: string };
  /** The format new passwords are written in to the portal's database (PASSWORD_HASH_FORMAT). */
  passwordHashFormat: HashFormatName;
  /** Each format's cost (BCRYPT_COST, PBKDF2_ITERATIONS, SCRYPT_LOG_N, ARGON2_MEMORY_KIB). */
  hashCosts: HashCosts;
  smtpUrl?: string;
  mailFrom: string;
  resetUrl: string;
  /** RESET_URL was not set: it follows the address the service listens on. */
  resetUrlIsDefault: boolean;
  tokenTtlMinutes: number;
  passwordMinLength: number;
  /** The range API of passwords seen in breaches (the prefix is appended), when set. */
  breachedPasswordsUrl?: string;
  breachedPasswordsTimeoutMs: number;
  reveal: boolean;
  rateLimitPerClient: number;
  rateLimitPerTarget: number;
  rateLimitPerToken: number;
  allowedOrigins: string[];
  corsAllowHeaders: string[];
  trustProxy: boolean;
  supportEmail?: string;
  helpUrl?: string;
  loginUrl?: string;
  responseTimeMs: number;
  outboxLeaseSeconds: number;
  logLevel: string;
}

/** One variable: its name, default, meaning (for `--help`) and parser. */
interface Variable {
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

/** A configuration problem, worded for the person starting the service. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string {
  const variable = VARIABLES.find((v) => v.name === name);
  const value = env[name]?.trim();
  return value === undefined || value === '' ? (variable?.fallback ?? '') : value;
}

function integer(env: Env, name: string, min: number, max: number): number {
  const text = read(env, name);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

/** A number of minutes that may have a fraction (a test's 0.05 is three seconds). */
function minutes(env: Env, name: string, min: number, max: number): number {
  const text = read(env, name);
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number of minutes from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

function boolean(env: Env, name: string): boolean {
  const text = read(env, name).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  throw new ConfigError(`${name} must be true or false, not "${text}"`);
}

function url(name: string, text: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(`${name} must be a URL (${protocols.join(' or ')}), not "${redactUrl(text)}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, not "${parsed.protocol}"`);
  }
  return text;
}

/** A URL with its password replaced, safe to print. */
export function redactUrl(text: string): string {
  try {
    const parsed = new URL(text);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return text.replace(/\/\/[^@/]*@/, '//***@');
  }
}

function list(env: Env, name: string): string[] {
  return read(env, name)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function origins(env: Env): string[] {
  return list(env, 'ALLOWED_ORIGINS').map((origin) => {
    if (origin === '*') return origin;
    const parsed = new URL(url('ALLOWED_ORIGINS', origin, ['http:', 'https:']));
    if (parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(`ALLOWED_ORIGINS lists "${origin}", which is not an origin (scheme://host[:port], no path)`);
    }
    return parsed.origin;
  });
}

function basePath(env: Env): string {
  const text = read(env, 'BASE_PATH').replace(/\/+$/, '');
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(text) || text.includes('//')) {
    throw new ConfigError(`BASE_PATH must be a path such as /api/login-help, not "${text}"`);
  }
  return text;
}

function supportEmail(env: Env): string | undefined {
  const text = read(env, 'SUPPORT_EMAIL');
  if (text === '') return undefined;
  if (!/^[^\s@?&:<>"]+@[^\s@?&:<>"]+\.[^\s@?&:<>"]+$/.test(text)) throw new ConfigError(`SUPPORT_EMAIL must be a plain name@domain address, not "${text}"`);
  return text;
}

function logLevel(env: Env): string {
  const text = read(env, 'LOG_LEVEL');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(text)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "${text}"`);
  }
  return text;
}

function hashFormatName(env: Env): HashFormatName {
  const text = read(env, 'PASSWORD_HASH_FORMAT').toLowerCase();
  const found = HASH_FORMAT_NAMES.find((name) => name === text);
  if (!found) throw new ConfigError(`PASSWORD_HASH_FORMAT must be one of ${HASH_FORMAT_NAMES.join(', ')}, not "${text}"`);
  return found;
}

function hashCosts(env: Env): HashCosts {
  return {
    bcryptCost: integer(env, 'BCRYPT_COST', 10, 20),
    pbkdf2Iterations: integer(env, 'PBKDF2_ITERATIONS', 600_000, 100_000_000),
    scryptLogN: integer(env, 'SCRYPT_LOG_N', 15, 20),
    argon2MemoryKib: integer(env, 'ARGON2_MEMORY_KIB', 19_456, 4_194_304),
  };
}

/** DIRECTORY_SQL_URL and DIRECTORY_SQL_FILE, which go together and exclude DIRECTORY_URL. */
function directorySql(env: Env, config: Config): { url: string; file: string } | undefined {
  const sqlUrl = read(env, 'DIRECTORY_SQL_URL');
  const file = read(env, 'DIRECTORY_SQL_FILE');
  if (sqlUrl === '') {
    if (file !== '') throw new ConfigError('DIRECTORY_SQL_FILE is set but DIRECTORY_SQL_URL is not: name the portal database the queries run on');
    // The built-in tables keep Argon2id, which check-password reads; the HTTP directory's portal hashes itself.
    if (config.passwordHashFormat !== 'argon2id') throw new ConfigError(`PASSWORD_HASH_FORMAT=${config.passwordHashFormat} applies to the portal's own database: set DIRECTORY_SQL_URL too, or leave it at argon2id`);
    return undefined;
  }
  if (config.directoryUrl) throw new ConfigError('DIRECTORY_URL and DIRECTORY_SQL_URL are both set: choose the portal directory over HTTP or its database, not both');
  if (file === '') throw new ConfigError('DIRECTORY_SQL_FILE must be set when DIRECTORY_SQL_URL is: the file of the portal queries (README: Use your portal\'s accounts)');
  return { url: url('DIRECTORY_SQL_URL', sqlUrl, ['postgres:', 'postgresql:', 'mysql:', 'mariadb:']), file };
}

/** Parses the environment into a Config, or throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const host = read(env, 'HOST');
  const port = integer(env, 'PORT', 0, 65535);
  const databaseUrl = read(env, 'DATABASE_URL');
  const smtpUrl = read(env, 'SMTP_URL');
  const resetText = read(env, 'RESET_URL');
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const config: Config = {
    host,
    port,
    basePath: basePath(env),
    dataDir: read(env, 'LOGIN_HELP_DATA'),
    databaseTimeoutMs: integer(env, 'DATABASE_TIMEOUT_MS', 100, 600_000),
    mailFrom: read(env, 'MAIL_FROM'),
    resetUrl: url('RESET_URL', resetText.replace('{HOST}', urlHost).replace('{PORT}', String(port)), ['http:', 'https:']),
    resetUrlIsDefault: env.RESET_URL === undefined || env.RESET_URL.trim() === '',
    tokenTtlMinutes: minutes(env, 'TOKEN_TTL_MINUTES', 0.05, 7 * 24 * 60),
    passwordMinLength: integer(env, 'PASSWORD_MIN_LENGTH', 8, 256),
    breachedPasswordsTimeoutMs: integer(env, 'BREACHED_PASSWORDS_TIMEOUT_MS', 50, 60_000),
    reveal: boolean(env, 'REVEAL'),
    rateLimitPerClient: integer(env, 'RATE_LIMIT_PER_CLIENT', 1, 1_000_000),
    rateLimitPerTarget: integer(env, 'RATE_LIMIT_PER_TARGET', 1, 1_000_000),
    rateLimitPerToken: integer(env, 'RATE_LIMIT_PER_TOKEN', 1, 1_000_000),
    allowedOrigins: origins(env),
    corsAllowHeaders: list(env, 'CORS_ALLOW_HEADERS'),
    trustProxy: boolean(env, 'TRUST_PROXY'),
    responseTimeMs: integer(env, 'RESPONSE_TIME_MS', 0, 10_000),
    outboxLeaseSeconds: integer(env, 'OUTBOX_LEASE_SECONDS', 1, 86_400),
    logLevel: logLevel(env),
    passwordHashFormat: hashFormatName(env),
    hashCosts: hashCosts(env),
  };
  if (databaseUrl !== '') config.databaseUrl = url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  const breached = read(env, 'BREACHED_PASSWORDS_URL');
  if (breached !== '') {
    // Credentials in it would be sent with every lookup to whoever serves the mirror: refused.
    if (/\/\/[^/]*@/.test(breached)) throw new ConfigError('BREACHED_PASSWORDS_URL must not carry a user name or password');
    config.breachedPasswordsUrl = url('BREACHED_PASSWORDS_URL', breached, ['http:', 'https:']);
  }
  if (smtpUrl !== '') config.smtpUrl = url('SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);
  for (const [name, key] of [['HELP_URL', 'helpUrl'], ['LOGIN_URL', 'loginUrl']] as const) {
    const text = read(env, name);
    if (text !== '') config[key] = url(name, text, ['http:', 'https:']);
  }
  const directoryUrl = read(env, 'DIRECTORY_URL');
  const directorySecret = read(env, 'DIRECTORY_SECRET');
  if (directoryUrl !== '') {
    config.directoryUrl = url('DIRECTORY_URL', directoryUrl, ['http:', 'https:']);
    if (directorySecret.length < 32) throw new ConfigError('DIRECTORY_SECRET must be set, at least 32 characters, when DIRECTORY_URL is');
    config.directorySecret = directorySecret;
  }
  const portalSecret = read(env, 'PORTAL_SECRET');
  if (portalSecret !== '') {
    // The secret itself is never echoed: only its length is wrong.
    if (portalSecret.length < 32) throw new ConfigError(`PORTAL_SECRET must be at least 32 characters (it has ${portalSecret.length}); generate one with: openssl rand -base64 32`);
    config.portalSecret = portalSecret;
  }
  const support = supportEmail(env);
  if (support !== undefined) config.supportEmail = support;
  const sql = directorySql(env, config);
  if (sql) config.directorySql = sql;
  // verify-password checks the service's own accounts; a portal's directory checks its own.
  if (config.portalSecret && (config.directoryUrl || config.directorySql)) {
    throw new ConfigError(`PORTAL_SECRET enables verify-password, which checks the service's own accounts; with a portal's directory (${config.directoryUrl ? 'DIRECTORY_URL' : 'DIRECTORY_SQL_URL'}) the portal checks its own passwords: unset PORTAL_SECRET`);
  }
  return config;
}

/** The `--help` table of variables. */
export function describeVariables(): string {
  const width = Math.max(...VARIABLES.map((v) => v.name.length));
  return VARIABLES.map((v) => `  ${v.name.padEnd(width)}  ${v.meaning}${v.fallback ? ` (default: ${v.fallback})` : ''}`).join('\n');
}
