import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Outcome } from '../../src/request/outcome.js';
import { parseResponse } from '../../src/request/parse-response.js';
import { parseRetryAfter } from '../../src/request/retry-after.js';
import { plainSupportAddress } from '../../src/support-email.js';
import { anyString, FC_SETTINGS, marker } from './fc-settings.js';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const REASONS = ['invalid', 'rate-limited', 'server', 'network', 'timeout', 'config'];
const KNOWN_STATUSES = ['sent', 'not_found', 'accepted', 'invalid'];

const status = fc.oneof(
  fc.integer({ min: 100, max: 599 }),
  fc.constantFrom(200, 201, 202, 204, 299, 300, 400, 404, 422, 429, 500, 503),
);
const retryAfter = fc.option(
  fc.oneof(anyString(), fc.nat().map(String), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString())),
  { nil: undefined },
);
const address = fc.oneof(fc.emailAddress(), fc.constantFrom('desk@vet.example', 'desk@vet.example?cc=x@y.example', 'nope', ''), fc.anything());

/** A JSON object shaped like an answer, with a status from the protocol's set or anything. */
const answerObject = fc.record(
  {
    status: fc.oneof(fc.constantFrom(...KNOWN_STATUSES), fc.constantFrom('SENT', 'not-found', ' sent', ''), fc.jsonValue()),
    errors: fc.oneof(fc.dictionary(anyString({ maxLength: 8 }), fc.oneof(anyString(), fc.jsonValue())), fc.jsonValue()),
    supportEmail: address,
    message: anyString(),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  anyString(),
  fc.json(),
  answerObject.map((o) => JSON.stringify(o)),
  // the same, wrapped in JSON whitespace, which JSON.parse ignores
  answerObject.map((o) => ` \n${JSON.stringify(o, null, 2)}\t\r\n`),
  fc.constantFrom('', ' ', '\r\n', 'null', '[]', '"sent"', '{"status":"sent"', '<html>sent</html>'),
);

type Json = Record<string, unknown>;
/** `undefined` when empty (nothing but JSON whitespace), `null` when not a JSON object. */
function expectedJson(text: string): Json | null | undefined {
  if (/^[ \t\r\n]*$/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

/** SPEC §4, written from the table, as the outcome's kind/reason/accepted. */
function expectedOutcome(statusCode: number, text: string, retry: string | undefined): Outcome {
  const json = expectedJson(text);
  const email = plainSupportAddress(json?.supportEmail);
  const extra: { status: number; supportEmail?: string } = email === undefined ? { status: statusCode } : { status: statusCode, supportEmail: email };
  const ok = statusCode >= 200 && statusCode <= 299;
  const said = json?.status;
  if (ok && (json === undefined || said === 'sent')) return { kind: 'sent', accepted: false, ...extra };
  if (ok && said === 'accepted') return { kind: 'sent', accepted: true, ...extra };
  if ((ok || statusCode === 404) && said === 'not_found') return { kind: 'not-found', ...extra };
  if (statusCode === 404) return { kind: 'not-found', ...extra };
  if ((statusCode === 400 || statusCode === 422) && said === 'invalid') {
    const fieldErrors: Record<string, string> = {};
    const errors = json?.errors;
    if (typeof errors === 'object' && errors !== null && !Array.isArray(errors)) {
      for (const [field, message] of Object.entries(errors)) {
        if (typeof message === 'string' && message.trim() !== '') fieldErrors[field] = message;
      }
    }
    return { kind: 'error', reason: 'invalid', fieldErrors, ...extra };
  }
  // 429 (rate limited) and 503 (a planned pause) may say how long to wait.
  const reason = statusCode === 429 ? 'rate-limited' : 'server';
  const seconds = statusCode === 429 || statusCode === 503 ? parseRetryAfter(retry, NOW) : undefined;
  return seconds === undefined ? { kind: 'error', reason, ...extra } : { kind: 'error', reason, retryAfterSeconds: seconds, ...extra };
}

describe('parseResponse (properties)', () => {
  it('is total: any status 100–599, any body, any Retry-After gives exactly one outcome', () => {
    fc.assert(
      fc.property(status, body, retryAfter, (code, text, retry) => {
        let outcome: Outcome | undefined;
        expect(() => (outcome = parseResponse({ status: code, body: text, retryAfter: retry }, NOW))).not.to.throw();
        expect(['sent', 'not-found', 'error']).to.include(outcome!.kind);
        if (outcome!.kind === 'error') expect(REASONS).to.include(outcome!.reason);
        if (outcome!.kind === 'sent') expect(outcome!.accepted).to.be.a('boolean');
        expect(outcome!.status).to.equal(code);
      }),
      FC_SETTINGS,
    );
  });

  it('follows the SPEC §4 table', () => {
    fc.assert(
      fc.property(status, body, retryAfter, (code, text, retry) => {
        const outcome = parseResponse({ status: code, body: text, retryAfter: retry }, NOW);
        expect(outcome, `${code} ${JSON.stringify(text)} ${JSON.stringify(retry)}`).to.deep.equal(expectedOutcome(code, text, retry));
      }),
      FC_SETTINGS,
    );
  });

  it('row by row: 2xx sent/empty → sent; not_found (2xx, 404) and 404 anything → not-found; 429 → rate-limited; 400/422 invalid → invalid; other non-2xx → server', () => {
    fc.assert(
      fc.property(status, body, retryAfter, (code, text, retry) => {
        const outcome = parseResponse({ status: code, body: text, retryAfter: retry }, NOW);
        const json = expectedJson(text);
        const ok = code >= 200 && code < 300;
        const reason = outcome.kind === 'error' ? outcome.reason : undefined;
        if (ok && (json === undefined || json?.status === 'sent')) expect(outcome.kind).to.equal('sent');
        if (ok && json?.status === 'not_found') expect(outcome.kind).to.equal('not-found');
        if (ok && (json === null || (json !== undefined && !['sent', 'accepted', 'not_found'].includes(json.status as string))))
          expect(reason).to.equal('server');
        if (code === 404) expect(outcome.kind).to.equal('not-found');
        if (code === 429) expect(reason).to.equal('rate-limited');
        if ((code === 400 || code === 422) && json?.status === 'invalid') expect(reason).to.equal('invalid');
        if (!ok && code !== 404 && code !== 429 && !((code === 400 || code === 422) && json?.status === 'invalid')) expect(reason).to.equal('server');
        if (reason !== 'invalid') expect(outcome).not.to.have.property('fieldErrors');
        if (code !== 429 && code !== 503) expect(outcome).not.to.have.property('retryAfterSeconds');
      }),
      FC_SETTINGS,
    );
  });

  it('a 2xx body of Unicode (non-JSON) whitespace is not JSON and not empty: server error', () => {
    // JSON.parse and HTTP know only space, tab, CR and LF as whitespace; String#trim knows more.
    // Bodies are drawn as UTF-16 code lists so a counterexample prints legibly.
    const notJsonSpace = fc.constantFrom(0xa0, 0x2028, 0x2029, 0x3000, 0xfeff, 0x0b, 0x0c, 0x1680, 0x2003, 0x202f);
    const jsonSpace = fc.constantFrom(0x20, 0x09, 0x0d, 0x0a);
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 299 }),
        fc.tuple(fc.array(jsonSpace, { maxLength: 3 }), notJsonSpace, fc.array(fc.oneof(jsonSpace, notJsonSpace), { maxLength: 3 })),
        (code, [before, odd, after]) => {
          const text = String.fromCharCode(...before, odd, ...after);
          expect(parseResponse({ status: code, body: text }, NOW), JSON.stringify(text)).to.deep.equal({ kind: 'error', reason: 'server', status: code });
        },
      ),
      FC_SETTINGS,
    );
  });

  it('never carries text from the body, except field messages of an invalid answer and a plain supportEmail', () => {
    // The marker is put where a careless parser might pick it up: free text, every field, nested values.
    const carrier = (token: string) =>
      fc.oneof(
        anyString().map((s) => `${s}${token}${s}`),
        fc.constant(`<img src=x onerror="${token}">`),
        fc.constantFrom(...KNOWN_STATUSES, token).map((said) =>
          JSON.stringify({ status: said, message: token, error: token, detail: { token }, errors: { email: token, [token]: 'x', n: [token] }, supportEmail: `${token}@vet.example` }),
        ),
        fc.constantFrom(...KNOWN_STATUSES).map((said) => JSON.stringify({ status: said, supportEmail: `${token}?cc=x@y.example`, retryAfter: token })),
        fc.constant(JSON.stringify([{ status: 'sent', token }])),
        fc.constant(JSON.stringify(token)),
      );
    fc.assert(
      fc.property(
        status,
        marker.chain((token) => fc.tuple(fc.constant(token), carrier(token))),
        retryAfter,
        (code, [token, text], retry) => {
          const outcome = parseResponse({ status: code, body: text, retryAfter: retry }, NOW);
          const rest: Record<string, unknown> = { ...outcome };
          if (outcome.kind === 'error' && outcome.reason === 'invalid') delete rest.fieldErrors;
          if (outcome.supportEmail !== undefined) {
            expect(plainSupportAddress(outcome.supportEmail)).to.equal(outcome.supportEmail);
            delete rest.supportEmail;
          }
          expect(JSON.stringify(rest), text).not.to.include(token);
        },
      ),
      FC_SETTINGS,
    );
  });
});
