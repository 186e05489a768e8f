// The HTTP service: `buildApp` returns the Fastify app without listening, so tests build it with
// their own clock, database and log stream and call it over real HTTP or `inject()`.
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { recordAudit } from './audit.js';
import type { Context } from './context.js';
import { DirectoryUnavailable } from './directory/directory.js';
import { BODY_LIMIT, send, type Answer } from './http/answer.js';
import { Metrics, outcomeOf } from './http/metrics.js';
import { outboxSummary } from './mail/outbox.js';
import { formRoutes } from './routes/form-routes.js';
import { devMailboxRoutes } from './routes/dev-mailbox.js';
import { healthRoutes } from './routes/health.js';
import { resetPageRoutes } from './routes/reset-page.js';
import { resetRoutes } from './routes/reset-routes.js';
import { verifyPasswordRoutes } from './routes/verify-password.js';
import type { DevMailbox } from './mail/transport.js';

/** What `buildApp` needs besides the shared context. */
export interface AppOptions {
  /** Where pino writes (tests read it back); the process's stdout by default. */
  logStream?: Writable;
  /** The development mailbox, served at /dev/mailbox when there is one. */
  mailbox?: DevMailbox;
  /** The folder holding the reset page's bundle (server/dist/reset-assets by default). */
  resetAssets?: string;
  /** Where the counters go (the outbox worker shares them); a new set by default. */
  metrics?: Metrics;
}

/** Request headers the widget may send cross-origin (SPEC §9), besides CORS_ALLOW_HEADERS. */
const ALLOWED_HEADERS = ['Content-Type', 'Accept', 'Accept-Language', 'X-CSRF-Token', 'Idempotency-Key'];

/** An incoming X-Request-Id worth keeping (a proxy's id), else a new one. */
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
}

/** The §4 shape for what Fastify itself refused before a handler ran. */
function refusal(error: FastifyError): Answer {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { status: 'invalid', errors: { body: 'Send the request as application/json.' } } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { status: 'invalid', errors: { body: `The request is larger than ${BODY_LIMIT / 1024} KiB.` } } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { status: 'invalid', errors: { body: 'The request body must be JSON.' } } };
    default:
      break;
  }
  if (error.validation) {
    const errors: Record<string, string> = {};
    for (const problem of error.validation) {
      const missing = (problem.params as { missingProperty?: string }).missingProperty;
      const field = missing ?? problem.instancePath.replace(/^\//, '').split('/')[0] ?? '';
      errors[field || 'body'] ??= missing ? 'This field is required.' : field ? 'This field must be text.' : 'The request body must be a JSON object.';
    }
    return { status: 400, body: { status: 'invalid', errors } };
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { status: 'invalid', errors: { body: 'The request could not be read.' } } };
  }
  return { status: 503, body: { status: 'unavailable' }, headers: { 'Retry-After': '5' } };
}

/** Records which directory operation failed (never a value): the request itself answers 503. */
async function auditDirectoryFailure(context: Context, form: string | undefined, request: FastifyRequest, error: DirectoryUnavailable): Promise<void> {
  if (!form) return;
  // The service's own database may be what is away: the 503 goes out either way.
  await recordAudit(context.db, context.clock.now(), { form, outcome: `unavailable: ${error.operation}`, client: request.ip, requestId: request.id }).catch(() => undefined);
}

/** Builds the service. */
export async function buildApp(context: Context, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = context;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // The path only: a query string could carry a token (`/reset?token=…`).
      serializers: {
        req: (request: { method?: string; url?: string; ip?: string }) => ({ method: request.method, path: request.url?.split('?')[0], client: request.ip }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    genReqId: requestId,
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    // A request that is never finished is dropped instead of holding a connection.
    requestTimeout: 30_000,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: true, allErrors: true } },
    routerOptions: { ignoreTrailingSlash: true },
  });

  // JSON only: Fastify's text/plain parser would let a "simple" cross-site request through.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, app.getDefaultJsonParser('error', 'error'));

  // Closing (SIGTERM): requests in flight finish; each answer then ends its keep-alive
  // connection, and idle ones are closed, so the process need not wait out keepAliveTimeout.
  let closing: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = setInterval(() => app.server.closeIdleConnections(), 100);
    app.server.closeIdleConnections();
  });
  app.addHook('onClose', async () => clearInterval(closing));
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('Connection', 'close');
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    reply.header('Cache-Control', 'no-store');
  });

  // A preflight from an origin that is not allowed is refused outright.
  const origins = new Set(config.allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS' && origin !== undefined && !origins.has('*') && !origins.has(origin)) {
      return send(reply, { status: 403, body: { status: 'forbidden', errors: { origin: 'This origin is not allowed to call the service.' } } });
    }
    return undefined;
  });
  await app.register(cors, {
    origin: origins.has('*') ? '*' : [...origins],
    methods: ['POST'],
    allowedHeaders: [...ALLOWED_HEADERS, ...config.corsAllowHeaders],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    credentials: !origins.has('*'),
    maxAge: 600,
  });
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const answer = refusal(error);
    // `forms` (below) is filled before any request arrives.
    if (error instanceof DirectoryUnavailable) await auditDirectoryFailure(context, forms[request.routeOptions.url ?? ''], request, error);
    if (answer.status >= 500) request.log.error({ err: { type: error.name, code: error.code, message: error.message } }, 'request failed');
    else request.log.info({ refused: error.code ?? 'validation' }, 'request refused');
    return send(reply, answer);
  });
  app.setNotFoundHandler((request, reply) => send(reply, { status: 404, body: { status: 'no_such_endpoint', errors: { path: `Nothing answers ${request.method} here.` } } }));

  // Requests of the four endpoints, by form and outcome, for /metrics.
  const metrics = options.metrics ?? new Metrics();
  const forms: Record<string, string> = {
    [`${config.basePath}/forgot-username`]: 'username',
    [`${config.basePath}/password-help`]: 'password',
    [`${config.basePath}/reset-password/check`]: 'reset-check',
    [`${config.basePath}/reset-password`]: 'reset',
    [`${config.basePath}/verify-password`]: 'verify-password',
  };
  app.addHook('onResponse', async (request, reply) => {
    const form = forms[request.routeOptions.url ?? ''];
    if (form && request.method === 'POST') metrics.request(form, outcomeOf(reply) ?? String(reply.statusCode), reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (_request, reply) => {
    const outbox = await outboxSummary(context.db, context.clock.now());
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.render(outbox));
  });

  await app.register(healthRoutes(context));
  await app.register(formRoutes(context), { prefix: config.basePath });
  await app.register(resetRoutes(context), { prefix: config.basePath });
  if (config.portalSecret) await app.register(verifyPasswordRoutes(context, config.portalSecret), { prefix: config.basePath });
  await app.register(resetPageRoutes(config, options.resetAssets));
  if (options.mailbox) await app.register(devMailboxRoutes(options.mailbox));
  return app;
}
