// Configuration from the environment (SPEC §9 names), parsed and checked once at start. A bad
// value stops the start with a message naming the variable; nothing else reads process.env.
import { HASH_FORMAT_NAMES, type HashFormatName } from './passwords/formats/hash-format.js';
import type { HashCosts } from './passwords/hash-formats.js';
import { boolean, ConfigError, integer, list, minutes, read, url, type Env } from './config-values.js';

export { describeVariables, VARIABLES } from './config-variables.js';
export { ConfigError, redactUrl } from './config-values.js';

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
