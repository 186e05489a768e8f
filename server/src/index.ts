// login-help-server as a library: start it in-process, or build the app around your own parts.
export { buildApp, type AppOptions } from './app.js';
export { BODY_LIMIT } from './http/answer.js';
export { loadConfig, describeVariables, ConfigError, VARIABLES, type Config } from './config.js';
export { startService, openMigrated, type Service, type ServiceOptions } from './service.js';
export { openDatabase, type Database, type DatabaseTarget, type Queryable } from './db/database.js';
export { migrate } from './db/migrate.js';
export { systemClock, type Clock } from './clock.js';
export { OutboxWorker, RETRY_SCHEDULE_MS, outboxSummary } from './mail/outbox.js';
export { type MailMessage } from './mail/mime.js';
export { DevMailbox, type MailboxMessage, type MailTransport } from './mail/transport.js';
export { importDirectory, addDemo } from './directory/import.js';
export type { Account, Directory, DirectoryEntry, PracticeLogin } from './directory/directory.js';
export { signDirectoryRequest, signRequest, checkSignature, verifyDirectoryRequest, REPLAY_WINDOW_SECONDS, SIGNATURE_HEADERS, type SignatureProblem, type SignedRequest } from './directory/signature.js';
