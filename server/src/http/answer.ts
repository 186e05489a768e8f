// What a route answers: a status and a JSON body (SPEC §4 and §8 shapes), plus headers.

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
