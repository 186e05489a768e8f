import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { resolveTarget, type Target } from '../../src/request/endpoint.js';
import type { FormKind } from '../../src/request/outcome.js';
import { anyString, FC_SETTINGS } from './fc-settings.js';

const PATHS: Record<FormKind, string> = { username: 'forgot-username', password: 'password-help' };
const ACTION: Record<FormKind, string> = { username: 'username-action', password: 'password-action' };

const form = fc.constantFrom<FormKind>('username', 'password');
const page = fc.oneof(
  fc.constantFrom('https://portal.clinic.example/help/login.html', 'http://localhost:8000/', 'https://portal.clinic.example/a/b/?q=1#top'),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);
const slashes = fc.string({ unit: fc.constantFrom('/', '\\'), maxLength: 4 });
const space = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00A0'), maxLength: 2 });
/** Endpoint- and action-like values: absolute and relative URLs, odd schemes, odd slashes, junk. */
const urlish = fc.oneof(
  anyString(),
  fc.tuple(space, fc.webUrl({ withQueryParameters: true, withFragments: true }), slashes, space).map((p) => p.join('')),
  fc.tuple(fc.constantFrom('', '/', './', '../', '//api.example/', 'api/', '/v1//', '?x=1', '#frag'), anyString({ maxLength: 6 }), slashes).map((p) => p.join('')),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:,x',
    'mailto:x@y.example',
    'ftp://files.example/',
    'HTTPS://API.EXAMPLE/V1/',
    'https:api.example',
    'http://[::1]:8080//',
    'https://api.example/v1/%2e%2e/',
    'https://api.example/v1/..',
    'https://',
    'http://%zz/',
    '   ',
    '',
  ),
);
const maybe = fc.option(urlish, { nil: undefined });

/** An http(s) URL resolved against the page, or undefined, computed without src/. */
function httpUrl(value: string, base: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

describe('resolveTarget (properties)', () => {
  it('never throws, for any strings at all', () => {
    fc.assert(
      fc.property(form, maybe, maybe, fc.oneof(page, anyString()), (kind, endpoint, action, pageUrl) => {
        let target: Target | undefined;
        expect(() => (target = resolveTarget(kind, endpoint, action, pageUrl))).not.to.throw();
        expect('url' in target! !== 'problem' in target!).to.equal(true);
      }),
      FC_SETTINGS,
    );
  });

  it('a URL it returns is http: or https:, with no fragment', () => {
    fc.assert(
      fc.property(form, maybe, maybe, page, (kind, endpoint, action, pageUrl) => {
        const target = resolveTarget(kind, endpoint, action, pageUrl);
        if (!('url' in target)) return;
        expect(['http:', 'https:']).to.include(target.url.protocol);
        expect(target.url).to.be.instanceOf(URL);
        if (!action?.trim()) expect(target.url.hash).to.equal('');
      }),
      FC_SETTINGS,
    );
  });

  it('from the endpoint: same origin and query as the endpoint, path = endpoint path + exactly one slash + the form path', () => {
    fc.assert(
      fc.property(form, urlish, fc.constantFrom(undefined, '', '  '), page, (kind, endpoint, action, pageUrl) => {
        const target = resolveTarget(kind, endpoint, action, pageUrl);
        const base = httpUrl(endpoint.trim(), pageUrl);
        if (!endpoint.trim() || !base) {
          expect(target).to.deep.equal({ problem: 'endpoint', value: endpoint.trim() });
          return;
        }
        expect('url' in target, endpoint).to.equal(true);
        if (!('url' in target)) return;
        const { pathname } = target.url;
        expect(pathname.endsWith(`/${PATHS[kind]}`), pathname).to.equal(true);
        expect(pathname.endsWith(`//${PATHS[kind]}`), pathname).to.equal(false);
        expect(target.url.origin).to.equal(base.origin);
        expect(target.url.search).to.equal(base.search);
        const prefix = pathname.slice(0, -`/${PATHS[kind]}`.length);
        expect(prefix, `${base.pathname} → ${pathname}`).to.equal(base.pathname.replace(/\/+$/, ''));
      }),
      FC_SETTINGS,
    );
  });

  it('an action overrides the endpoint: its own resolved URL, or a problem naming the form’s action attribute', () => {
    fc.assert(
      fc.property(form, maybe, urlish, page, (kind, endpoint, action, pageUrl) => {
        fc.pre(action.trim() !== '');
        const target = resolveTarget(kind, endpoint, action, pageUrl);
        const expected = httpUrl(action.trim(), pageUrl);
        if (expected) {
          expect('url' in target ? target.url.href : target).to.equal(expected.href);
        } else {
          expect(target).to.deep.equal({ problem: ACTION[kind], value: action.trim() });
        }
      }),
      FC_SETTINGS,
    );
  });

  it('a problem always names endpoint, username-action or password-action, matching the form', () => {
    fc.assert(
      fc.property(form, maybe, maybe, fc.oneof(page, anyString()), (kind, endpoint, action, pageUrl) => {
        const target = resolveTarget(kind, endpoint, action, pageUrl);
        if (!('problem' in target)) return;
        const blamed = action?.trim() ? ACTION[kind] : 'endpoint';
        expect(target.problem).to.equal(blamed);
        expect(target.value).to.equal((blamed === 'endpoint' ? endpoint : action)?.trim() ?? '');
      }),
      FC_SETTINGS,
    );
  });
});
