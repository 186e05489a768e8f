// What a route answers: a status and a JSON body (SPEC §4 and §8 shapes), plus headers; and how
// it is sent. The routes import from here, not from app.ts, so app.ts and the routes do not
// import each other.
import type { FastifyReply } from 'fastify';
import { noteOutcome } from './metrics.js';

/** The largest request body accepted (SPEC §9). */
export const BODY_LIMIT = 16 * 1024;

/** One JSON answer. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** 400 with a message per field, as the widget shows them. */
export function invalid(errors: Record<string, string>): Answer {
  return { status: 400, body: { status: 'invalid', errors } };
}

/** 429 with the wait in whole seconds. */
export function rateLimited(msBeforeNext: number): Answer {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return { status: 429, body: { status: 'rate_limited' }, headers: { 'Retry-After': String(seconds) } };
}

/** Thrown inside a transaction to roll it back and answer with `answer` instead. */
export class AnswerNow extends Error {
  readonly answer: Answer;

  constructor(answer: Answer) {
    super('answer now');
    this.answer = answer;
  }
}

/** Sends an Answer. */
export function send(reply: FastifyReply, answer: Answer): FastifyReply {
  if (answer.headers) reply.headers(answer.headers);
  if (typeof answer.body.status === 'string') noteOutcome(reply, answer.body.status);
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body);
}
