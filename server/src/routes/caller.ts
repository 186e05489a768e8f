// Who sent a request, read once from it.
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../context.js';
import { invalid, type Answer } from '../http/answer.js';
import { isUsableKey } from '../http/idempotency.js';

/** The caller, or a 400 for an Idempotency-Key that cannot be one. */
export function callerOf(request: FastifyRequest): Caller | Answer {
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !isUsableKey(key))) {
    return invalid({ idempotencyKey: 'Idempotency-Key must be 1 to 255 printable ASCII characters.' });
  }
  const language = request.headers['accept-language'];
  return { client: request.ip, requestId: request.id, acceptLanguage: typeof language === 'string' ? language : undefined, idempotencyKey: key };
}
