// `{BASE_PATH}/reset-password/check` and `{BASE_PATH}/reset-password` (SPEC §8, §9).
import type { FastifyPluginAsync } from 'fastify';
import { send } from '../http/answer.js';
import type { Context } from '../context.js';
import { PASSWORD_MAX_LENGTH } from '../passwords/policy.js';
import { checkToken, resetPassword } from '../reset/reset-password.js';
import { callerOf } from './caller.js';

const TOKEN = { type: 'string', maxLength: 512 };

/** The reset link's routes. */
export function resetRoutes(context: Context): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: { token: string } }>(
      '/reset-password/check',
      { schema: { body: { type: 'object', required: ['token'], properties: { token: TOKEN } } } },
      async (request, reply) => {
        const caller = callerOf(request);
        if ('status' in caller) return send(reply, caller);
        return send(reply, await checkToken(context, caller, request.body.token));
      },
    );

    app.post<{ Body: { token: string; password: string } }>(
      '/reset-password',
      {
        schema: {
          body: {
            type: 'object',
            required: ['token', 'password'],
            // UTF-16 units: a 256-character password is at most 512 of them, and at most 1024 bytes of them decomposed.
            properties: { token: TOKEN, password: { type: 'string', maxLength: PASSWORD_MAX_LENGTH * 4 } },
          },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        if ('status' in caller) return send(reply, caller);
        return send(reply, await resetPassword(context, caller, request.body.token, request.body.password));
      },
    );
  };
}
