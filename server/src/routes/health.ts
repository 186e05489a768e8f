// `GET /healthz` (the process runs) and `GET /readyz` (its database answers, and with
// DIRECTORY_SQL_URL the portal's database too).
import type { FastifyPluginAsync } from 'fastify';
import { send } from '../http/answer.js';
import type { Context } from '../context.js';

/** How long `/readyz` waits for the database. */
const READY_TIMEOUT_MS = 2_000;

/** The health routes. */
export function healthRoutes(context: Context): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', async (_request, reply) => send(reply, { status: 200, body: { status: 'ok' } }));
    app.get('/readyz', async (_request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS);
      });
      try {
        await Promise.race([Promise.all([context.db.query('SELECT 1'), context.directory.ready?.()]), timeout]);
        return send(reply, { status: 200, body: { status: 'ready', database: context.db.kind, directory: context.directory.kind } });
      } catch {
        return send(reply, { status: 503, body: { status: 'unavailable', database: context.db.kind, directory: context.directory.kind }, headers: { 'Retry-After': '5' } });
      } finally {
        clearTimeout(timer);
      }
    });
  };
}
