import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { characterCount, checkPasswords, parseCheck, parseSave } from '../src/reset/reset-outcome.js';
import { takeTokenFromUrl } from '../src/reset/reset-token.js';
import { FC_SETTINGS } from './properties/fc-settings.js';

// The reset page's pure rules: what each answer means, the password checks, the token in the address.

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const answer = (status: number, body: unknown = '', retryAfter?: string) => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body), retryAfter });

describe('reset rules', () => {
  it('reads the check answers of SPEC §8', () => {
    expect(parseCheck(answer(200, { status: 'valid', userName: 'happypaws', minLength: 15 }))).to.deep.equal({ kind: 'valid', userName: 'happypaws', minLength: 15 });
    expect(parseCheck(answer(410, { status: 'expired' }))).to.deep.equal({ kind: 'dead', link: 'expired', status: 410 });
    expect(parseCheck(answer(410, { status: 'used' }))).to.deep.equal({ kind: 'dead', link: 'used', status: 410 });
    expect(parseCheck(answer(410, 'Gone'))).to.deep.equal({ kind: 'dead', link: 'expired', status: 410 });
    expect(parseCheck(answer(404, { status: 'invalid_token' }))).to.deep.equal({ kind: 'dead', link: 'invalid', status: 404 });
    expect(parseCheck(answer(400, { status: 'invalid', errors: { token: 'too long' } }))).to.deep.equal({ kind: 'dead', link: 'invalid', status: 400 });
    expect(parseCheck(answer(429, {}, '60'), NOW)).to.deep.equal({ kind: 'fault', reason: 'rate-limited', status: 429, retryAfterSeconds: 60 });
    expect(parseCheck(answer(503, {}, new Date(NOW + 90_000).toUTCString()), NOW)).to.deep.equal({ kind: 'fault', reason: 'server', status: 503, retryAfterSeconds: 90 });
    expect(parseCheck(answer(500, '<h1>oops</h1>'))).to.deep.equal({ kind: 'fault', reason: 'server', status: 500 });
    // A 2xx the widget cannot trust is a fault, never a form.
    for (const body of ['', 'ok', { status: 'valid' }, { status: 'valid', userName: 'a', minLength: 0 }, { status: 'valid', userName: 'a', minLength: 1.5 }, { status: 'valid', userName: '', minLength: 8 }, [1]]) {
      expect(parseCheck(answer(200, body)).kind, JSON.stringify(body)).to.equal('fault');
    }
  });

  it('reads the reset answers of SPEC §8', () => {
    expect(parseSave(answer(200, { status: 'reset' }))).to.deep.equal({ kind: 'reset', status: 200 });
    expect(parseSave(answer(422, { status: 'invalid', errors: { password: 'Too common.' } }))).to.deep.equal({ kind: 'invalid', status: 422, password: 'Too common.' });
    expect(parseSave(answer(400, { status: 'invalid', errors: { token: 'x' } }))).to.deep.equal({ kind: 'invalid', status: 400 });
    expect(parseSave(answer(400, { status: 'invalid', errors: 'nope' }))).to.deep.equal({ kind: 'invalid', status: 400 });
    expect(parseSave(answer(410, { status: 'used' }))).to.deep.equal({ kind: 'dead', link: 'used', status: 410 });
    expect(parseSave(answer(404, {}))).to.deep.equal({ kind: 'dead', link: 'invalid', status: 404 });
    // Success only when the backend says so.
    for (const [status, body] of [[200, ''], [200, { status: 'sent' }], [204, ''], [400, 'bad'], [500, { status: 'reset' }]] as const) {
      expect(parseSave(answer(status, body)).kind, `${status} ${JSON.stringify(body)}`).to.equal('fault');
    }
  });

  it('counts Unicode characters, not UTF-16 units, and never trims', () => {
    expect(characterCount('🐾🐾')).to.equal(2);
    expect(checkPasswords('', '', 15)).to.deep.equal({ password: 'required', confirm: 'confirm-required' });
    expect(checkPasswords(`${'a'.repeat(13)}🐾`, `${'a'.repeat(13)}🐾`, 15)).to.deep.equal({ password: 'too-short' });
    expect(checkPasswords(`${'a'.repeat(14)}🐾`, `${'a'.repeat(14)}🐾`, 15)).to.deep.equal({});
    expect(checkPasswords(' '.repeat(15), ' '.repeat(15), 15), 'spaces are characters').to.deep.equal({});
    expect(checkPasswords('🐾'.repeat(256), '🐾'.repeat(256), 15)).to.deep.equal({});
    expect(checkPasswords('a'.repeat(257), 'a'.repeat(257), 15)).to.deep.equal({ password: 'too-long' });
    expect(checkPasswords('a'.repeat(15), 'a'.repeat(15) + ' ', 15)).to.deep.equal({ confirm: 'mismatch' });
  });

  it('takes the token out of the address and keeps everything else as written', () => {
    const base = 'https://portal.example/reset';
    expect(takeTokenFromUrl(`${base}#token=abc`)).to.deep.equal({ token: 'abc', href: base });
    expect(takeTokenFromUrl(`${base}?token=abc`)).to.deep.equal({ token: 'abc', href: base });
    expect(takeTokenFromUrl(`${base}?lang=es&token=abc&x=a%20b+c#step=2&token=def`)).to.deep.equal({ token: 'def', href: `${base}?lang=es&x=a%20b+c#step=2` });
    expect(takeTokenFromUrl(`${base}?mytoken=1&token_type=2`)).to.deep.equal({ href: `${base}?mytoken=1&token_type=2` });
    expect(takeTokenFromUrl(`${base}#token=`).token, 'empty is no token').to.equal(undefined);
  });

  it('property: the token never stays in the address, and the other parameters stay in order', () => {
    const key = fc.stringMatching(/^[a-z_]{1,8}$/).filter((name) => name !== 'token');
    const value = fc.stringMatching(/^[A-Za-z0-9%+._-]{0,12}$/);
    const pairs = fc.array(fc.tuple(key, value).map(([k, v]) => `${k}=${v}`), { maxLength: 4 });
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{16,43}$/);
    fc.assert(
      fc.property(pairs, pairs, token, fc.boolean(), fc.nat(4), (query, hash, secret, inHash, at) => {
        const list = inHash ? [...hash] : [...query];
        list.splice(Math.min(at, list.length), 0, `token=${secret}`);
        const href = `https://portal.example/reset${(inHash ? query : list).length ? `?${(inHash ? query : list).join('&')}` : ''}${(inHash ? list : hash).length ? `#${(inHash ? list : hash).join('&')}` : ''}`;
        const result = takeTokenFromUrl(href);
        expect(result.token).to.equal(secret);
        expect(result.href).to.not.contain(`token=${secret}`);
        const expected = `https://portal.example/reset${query.length ? `?${query.join('&')}` : ''}${hash.length ? `#${hash.join('&')}` : ''}`;
        expect(result.href).to.equal(new URL(expected).href);
      }),
      FC_SETTINGS,
    );
  });
});
