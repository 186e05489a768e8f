// `POST {BASE_PATH}/verify-password` (SPEC §9), registered only with PORTAL_SECRET. For the
// portal's back end, never a browser: no CORS on the answer or on a preflight, whatever
// ALLOWED_ORIGINS says. The signature is checked before the body is even read as JSON, so an
// unsigned caller learns nothing about what a good body looks like.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ConfigError } from '../config.js';
import type { Context } from '../context.js';
import { checkSignature, type SignatureProblem } from '../directory/signature.js';
import { BODY_LIMIT, invalid, send, type Answer } from '../http/answer.js';
import { textProblem } from '../http/limits.js';
import { CATALOGUES } from '../i18n/catalogue.js';
import { PASSWORD_MAX_LENGTH } from '../passwords/policy.js';
import { databaseNonces, type NonceStore } from '../sign-in/nonces.js';
import { auditVerify, verifyAccountPassword, type VerifyCaller } from '../sign-in/verify-password.js';

/** The same answer whichever check failed: the audit keeps the reason, the caller does not get it. */
const UNAUTHORIZED: Answer = { status: 401, body: { status: 'unauthorized' }, headers: { 'WWW-Authenticate': 'LoginHelp-HMAC-SHA256' } };

/** The body's two fields, or a 400 naming what is wrong with it. */
export function readVerifyBody(text: string): { userName: string; password: string } | Answer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid({ body: 'The request body must be JSON.' });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return invalid({ body: 'The request body must be a JSON object.' });
  const { userName, password } = parsed as Record<string, unknown>;
  const errors: Record<string, string> = {};
  if (typeof userName !== 'string') errors.userName = 'userName must be text.';
  else {
    // A back end's call: its answers are in English.
    const problem = textProblem('userName', userName.trim());
    if (problem) errors.userName = CATALOGUES.en.widget[problem];
  }
  if (typeof password !== 'string') errors.password = 'password must be text.';
  else if (password === '') errors.password = 'Enter the password.';
  else if (password.length > PASSWORD_MAX_LENGTH * 4) errors.password = 'The password is too long.';
  if (Object.keys(errors).length > 0) return invalid(errors);
  return { userName: (userName as string).trim(), password: password as string };
}

/** The signature's problem, or undefined for a good, fresh, first-used signature. */
async function signatureProblem(secret: string, nonces: NonceStore, request: FastifyRequest, body: string, now: Date): Promise<SignatureProblem | undefined> {
  const checked = checkSignature(secret, { method: request.method, path: request.url.split('?')[0] ?? '', body, headers: request.headers }, now);
  if (typeof checked === 'string') return checked;
  return (await nonces.firstUse(checked.nonce, checked.timestamp, now)) ? undefined : 'replayed';
}

/** The route, checking signatures with `secret`. */
export function verifyPasswordRoutes(context: Context, secret: string): FastifyPluginAsync {
  if (context.directory.kind !== 'tables') {
    throw new ConfigError("PORTAL_SECRET enables verify-password, which checks the service's own accounts; with a portal's directory the portal checks its own passwords: unset PORTAL_SECRET");
  }
  const nonces = databaseNonces(context.db);
  return async (app) => {
    // The body as received, whatever its type: the signature covers its exact text.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

    app.post('/verify-password', { config: { cors: false } }, async (request, reply) => {
      const caller: VerifyCaller = { client: request.ip, requestId: request.id };
      const body = typeof request.body === 'string' ? request.body : '';
      const problem = await signatureProblem(secret, nonces, request, body, context.clock.now());
      if (problem) {
        await auditVerify(context, caller, `unauthorized:${problem}`);
        return send(reply, UNAUTHORIZED);
      }
      const input = readVerifyBody(body);
      if ('status' in input) {
        await auditVerify(context, caller, 'invalid_request');
        return send(reply, input);
      }
      return send(reply, await verifyAccountPassword(context, caller, input.userName, input.password));
    });

    // A preflight finds nothing here (the CORS plugin would otherwise answer it for any path).
    app.options('/verify-password', { config: { cors: false } }, async (_request, reply) =>
      send(reply, { status: 404, body: { status: 'no_such_endpoint', errors: { path: 'verify-password is for a back end, not a browser.' } } }),
    );
  };
}
