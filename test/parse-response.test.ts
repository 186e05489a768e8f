import { expect } from '@open-wc/testing';
import { parseResponse } from '../src/request/parse-response.js';
import { parseRetryAfter } from '../src/request/retry-after.js';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const at = (status: number, body: unknown = '', retryAfter?: string) =>
  parseResponse({ status, body: typeof body === 'string' ? body : JSON.stringify(body), retryAfter }, NOW);

describe('response → outcome (pure)', () => {
  it('maps every row of SPEC §4', () => {
    expect(at(200, { status: 'sent' })).to.deep.equal({ kind: 'sent', accepted: false, status: 200 });
    expect(at(204)).to.deep.equal({ kind: 'sent', accepted: false, status: 204 });
    expect(at(202, { status: 'accepted' })).to.deep.equal({ kind: 'sent', accepted: true, status: 202 });
    expect(at(200, { status: 'not_found' })).to.deep.equal({ kind: 'not-found', status: 200 });
    expect(at(404, { status: 'not_found' })).to.deep.equal({ kind: 'not-found', status: 404 });
    expect(at(404, '<h1>nope</h1>')).to.deep.equal({ kind: 'not-found', status: 404 });
    expect(at(422, { status: 'invalid', errors: { email: 'Bad', n: 3, empty: ' ' } })).to.deep.equal({
      kind: 'error',
      reason: 'invalid',
      fieldErrors: { email: 'Bad' },
      status: 422,
    });
    expect(at(400, { status: 'invalid' })).to.deep.equal({ kind: 'error', reason: 'invalid', fieldErrors: {}, status: 400 });
    expect(at(400, { message: 'x' })).to.deep.equal({ kind: 'error', reason: 'server', status: 400 });
    expect(at(429, '', '120')).to.deep.equal({ kind: 'error', reason: 'rate-limited', retryAfterSeconds: 120, status: 429 });
    expect(at(429)).to.deep.equal({ kind: 'error', reason: 'rate-limited', status: 429 });
    expect(at(503, '', '30')).to.deep.equal({ kind: 'error', reason: 'server', retryAfterSeconds: 30, status: 503 });
    expect(at(500, '', '30')).to.deep.equal({ kind: 'error', reason: 'server', status: 500 });
    for (const status of [401, 403, 405, 409, 410, 500, 502, 503, 504, 301, 100]) {
      expect(at(status, { status: 'sent' }).kind, String(status)).to.equal('error');
    }
    expect(at(200, '<html>')).to.deep.equal({ kind: 'error', reason: 'server', status: 200 });
    expect(at(200, '[]')).to.deep.equal({ kind: 'error', reason: 'server', status: 200 });
    expect(at(200, 'null')).to.deep.equal({ kind: 'error', reason: 'server', status: 200 });
    expect(at(200, { status: 'SENT' })).to.deep.equal({ kind: 'error', reason: 'server', status: 200 });
    expect(at(200, '{"status":"sent"')).to.deep.equal({ kind: 'error', reason: 'server', status: 200 });
  });

  it('keeps a well-formed supportEmail and drops a malformed one', () => {
    expect(at(200, { status: 'not_found', supportEmail: 'desk@vet.example' })).to.deep.equal({
      kind: 'not-found',
      status: 200,
      supportEmail: 'desk@vet.example',
    });
    expect(at(200, { status: 'not_found', supportEmail: 'desk@vet.example?cc=x@y.example' })).to.deep.equal({ kind: 'not-found', status: 200 });
  });
});

describe('Retry-After (pure)', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('60', NOW)).to.equal(60);
    expect(parseRetryAfter(' 0 ', NOW)).to.equal(0);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:02:00 GMT', NOW)).to.equal(120);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', NOW)).to.equal(0);
    for (const junk of [null, undefined, '', 'soon', '-5', '1.5', '1e3', 'Friday', '99999999999999999999']) {
      expect(parseRetryAfter(junk, NOW), String(junk)).to.equal(undefined);
    }
  });
});
