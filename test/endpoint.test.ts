import { expect } from '@open-wc/testing';
import { resolveTarget } from '../src/request/endpoint.js';

const PAGE = 'https://portal.clinic.example/help/login.html';
const url = (target: ReturnType<typeof resolveTarget>) => ('url' in target ? target.url.href : target);

describe('endpoint resolution (pure)', () => {
  it('joins endpoint and path with exactly one slash', () => {
    for (const endpoint of ['https://api.example/v1', 'https://api.example/v1/', 'https://api.example/v1///']) {
      expect(url(resolveTarget('username', endpoint, undefined, PAGE))).to.equal('https://api.example/v1/forgot-username');
      expect(url(resolveTarget('password', endpoint, undefined, PAGE))).to.equal('https://api.example/v1/password-help');
    }
    expect(url(resolveTarget('username', 'https://api.example', undefined, PAGE))).to.equal('https://api.example/forgot-username');
  });

  it('resolves relative URLs against the page', () => {
    expect(url(resolveTarget('username', 'api', undefined, PAGE))).to.equal('https://portal.clinic.example/help/api/forgot-username');
    expect(url(resolveTarget('password', '/api', undefined, PAGE))).to.equal('https://portal.clinic.example/api/password-help');
    expect(url(resolveTarget('password', '', '../reset', PAGE))).to.equal('https://portal.clinic.example/reset');
  });

  it('lets an action override the endpoint for its form', () => {
    expect(url(resolveTarget('username', 'https://api.example', 'https://x.example/name?src=portal', PAGE))).to.equal(
      'https://x.example/name?src=portal',
    );
  });

  it('names the attribute that is unusable', () => {
    expect(resolveTarget('username', undefined, undefined, PAGE)).to.deep.equal({ problem: 'endpoint', value: '' });
    expect(resolveTarget('username', 'javascript:alert(1)', undefined, PAGE)).to.deep.equal({ problem: 'endpoint', value: 'javascript:alert(1)' });
    expect(resolveTarget('password', 'https://ok.example', 'data:,x', PAGE)).to.deep.equal({ problem: 'password-action', value: 'data:,x' });
    expect(resolveTarget('password', 'https://user:secret@api.example', undefined, PAGE)).to.deep.equal({
      problem: 'endpoint',
      value: 'https://user:secret@api.example',
    });
    expect(resolveTarget('username', 'https://ok.example', 'mailto:x@y.example', PAGE)).to.deep.equal({
      problem: 'username-action',
      value: 'mailto:x@y.example',
    });
  });
});
