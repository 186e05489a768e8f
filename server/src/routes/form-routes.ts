// `{BASE_PATH}/forgot-username` and `{BASE_PATH}/password-help` (SPEC §4, §9).
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { Context } from '../context.js';
import { forgotUsername } from '../forms/forgot-username.js';
import { passwordHelp } from '../forms/password-help.js';
import { invalid, send, type Answer } from '../http/answer.js';
import { emailProblem, textProblem } from '../http/limits.js';
import { widgetText } from '../i18n/catalogue.js';
import { callerOf } from './caller.js';

/** A JSON body of string fields; lengths are checked by hand so the messages can be specific. */
function bodySchema(fields: string[]): object {
  return {
    body: {
      type: 'object',
      required: fields,
      properties: Object.fromEntries(fields.map((field) => [field, { type: 'string', maxLength: 4096 }])),
    },
  };
}

/** Holds every answer of a form to at least `ms`, so found and not found take the same time. */
async function evenly(ms: number, work: () => Promise<Answer>): Promise<Answer> {
  const start = performance.now();
  const answer = await work();
  const left = ms - (performance.now() - start);
  if (left > 0) await sleep(left);
  return answer;
}

/** The two forms' routes. */
export function formRoutes(context: Context): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: { email: string } }>('/forgot-username', { schema: bodySchema(['email']) }, async (request, reply) => {
      const caller = callerOf(request);
      if ('status' in caller) return send(reply, caller);
      const email = request.body.email.trim();
      const problem = emailProblem(email);
      if (problem) return send(reply, invalid({ email: widgetText(problem, request.headers['accept-language']) }));
      return send(reply, await evenly(context.config.responseTimeMs, () => forgotUsername(context, caller, email)));
    });

    app.post<{ Body: { userName: string; requestedBy: string } }>('/password-help', { schema: bodySchema(['userName', 'requestedBy']) }, async (request, reply) => {
      const caller = callerOf(request);
      if ('status' in caller) return send(reply, caller);
      const userName = request.body.userName.trim();
      const requestedBy = request.body.requestedBy.trim();
      const errors: Record<string, string> = {};
      const userNameProblem = textProblem('userName', userName);
      const requestedByProblem = textProblem('requestedBy', requestedBy);
      const language = request.headers['accept-language'];
      if (userNameProblem) errors.userName = widgetText(userNameProblem, language);
      if (requestedByProblem) errors.requestedBy = widgetText(requestedByProblem, language);
      if (Object.keys(errors).length > 0) return send(reply, invalid(errors));
      return send(reply, await evenly(context.config.responseTimeMs, () => passwordHelp(context, caller, userName, requestedBy)));
    });
  };
}
