import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../src/define.js';
import type { LoginHelpPassword } from '../src/forms/login-help-password.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { alertOf, settled, statusOf, submit, textOf, type, watchPageErrors } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

// What goes over the wire (SPEC §4 request side): URL, method, headers, body, credentials.

async function sendEmail(el: LoginHelpUsername, email = 'frontdesk@happypaws.example') {
  type(el, 'email', email);
  await submit(el);
  await settled(el);
}

async function sendPassword(el: LoginHelpPassword) {
  type(el, 'userName', ' happypaws ');
  type(el, 'requestedBy', ' Dr. Rivera ');
  await submit(el);
  await settled(el);
}

describe('request: URL, headers and body', () => {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    document.head.querySelector('meta[name="csrf-token"]')?.remove();
  });

  for (const endpoint of ['https://api.clinic.example/help', 'https://api.clinic.example/help/', 'https://api.clinic.example/help//']) {
    it(`posts to {endpoint}/forgot-username and {endpoint}/password-help with one slash (endpoint "${endpoint}")`, async () => {
      const username = backend('https://api.clinic.example/help/forgot-username');
      const password = backend('https://api.clinic.example/help/password-help');
      const user = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${endpoint}></login-help-username>`);
      const pass = await fixture<LoginHelpPassword>(html`<login-help-password endpoint=${endpoint}></login-help-password>`);
      await sendEmail(user, '  frontdesk@happypaws.example  ');
      await sendPassword(pass);
      expect(username.map((r) => r.url)).to.deep.equal(['https://api.clinic.example/help/forgot-username']);
      expect(password.map((r) => r.url)).to.deep.equal(['https://api.clinic.example/help/password-help']);
      expect(username[0].body).to.deep.equal({ email: 'frontdesk@happypaws.example' });
      expect(password[0].body).to.deep.equal({ userName: 'happypaws', requestedBy: 'Dr. Rivera' });
      expect(username[0].method).to.equal('POST');
    });
  }

  it('resolves a relative endpoint against the page', async () => {
    const seen = backend(`${location.origin}/portal/api/forgot-username`);
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="/portal/api"></login-help-username>`);
    await sendEmail(el);
    expect(seen).to.have.length(1);
  });

  it('uses username-action and password-action instead of endpoint', async () => {
    const username = backend('https://other.example/recover/name');
    const password = backend('https://other.example/recover/password');
    const user = await fixture<LoginHelpUsername>(
      html`<login-help-username endpoint="https://api.clinic.example" username-action="https://other.example/recover/name"></login-help-username>`,
    );
    const pass = await fixture<LoginHelpPassword>(
      html`<login-help-password endpoint="https://api.clinic.example" password-action="https://other.example/recover/password"></login-help-password>`,
    );
    await sendEmail(user);
    await sendPassword(pass);
    expect(username).to.have.length(1);
    expect(password).to.have.length(1);
  });

  it('sends Content-Type and Accept as JSON and no other header by default', async () => {
    const seen = backend('https://api.clinic.example/forgot-username');
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://api.clinic.example"></login-help-username>`);
    await sendEmail(el);
    const headers = seen[0].headers;
    expect(headers.get('content-type')).to.equal('application/json');
    expect(headers.get('accept')).to.equal('application/json');
    expect(headers.has('x-csrf-token')).to.be.false;
  });

  it('sends the csrf-token attribute in the csrf-header it names', async () => {
    const seen = backend('https://api.clinic.example/forgot-username');
    const el = await fixture<LoginHelpUsername>(
      html`<login-help-username endpoint="https://api.clinic.example" csrf-token="tok-1" csrf-header="X-XSRF-TOKEN"></login-help-username>`,
    );
    await sendEmail(el);
    expect(seen[0].headers.get('x-xsrf-token')).to.equal('tok-1');
    expect(seen[0].headers.has('x-csrf-token')).to.be.false;
  });

  it('falls back to <meta name="csrf-token"> and the X-CSRF-Token header', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'csrf-token', content: 'meta-tok' });
    document.head.append(meta);
    const seen = backend('https://api.clinic.example/forgot-username');
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://api.clinic.example"></login-help-username>`);
    await sendEmail(el);
    expect(seen[0].headers.get('x-csrf-token')).to.equal('meta-tok');
  });

  it('uses the credentials mode it is given, and same-origin by default', async () => {
    const seen = backend('https://api.clinic.example/forgot-username');
    for (const credentials of [undefined, 'include', 'omit', 'sometimes']) {
      const el = await fixture<LoginHelpUsername>(
        html`<login-help-username endpoint="https://api.clinic.example" credentials=${credentials ?? nothing}></login-help-username>`,
      );
      await sendEmail(el);
    }
    expect(seen.map((request) => request.credentials)).to.deep.equal(['same-origin', 'include', 'omit', 'same-origin']);
  });

  it('sends exactly one request for a double submit', async () => {
    const seen = backend('https://api.clinic.example/forgot-username', async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return json({ status: 'sent' })();
    });
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://api.clinic.example"></login-help-username>`);
    type(el, 'email', 'frontdesk@happypaws.example');
    const form = el.shadowRoot!.querySelector('form')!;
    form.requestSubmit();
    form.requestSubmit();
    await el.updateComplete;
    expect(form.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('button[type=submit]')!.getAttribute('aria-disabled')).to.equal('true');
    form.requestSubmit();
    await settled(el);
    expect(seen).to.have.length(1);
    expect(form.getAttribute('aria-busy')).to.equal('false');
  });

  it('turns an unusable CSRF header into a config error, never an exception', async () => {
    const seen = backend('https://api.clinic.example/forgot-username');
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    const page = watchPageErrors();
    try {
      const el = await fixture<LoginHelpUsername>(
        html`<login-help-username endpoint="https://api.clinic.example" csrf-token="secret-123" csrf-header="X Token"></login-help-username>`,
      );
      const reasons: string[] = [];
      el.addEventListener('login-help-error', (event) => reasons.push(event.detail.reason));
      await sendEmail(el);
      expect(reasons).to.deep.equal(['config']);
      expect(textOf(alertOf(el))).to.contain('not set up correctly');
    } finally {
      console.warn = original;
      page.stop();
    }
    expect(page.errors).to.deep.equal([]);
    expect(seen).to.have.length(0);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"csrf-header"');
    expect(warnings[0]).not.to.contain("secret-123");
  });

  it('waits as long as a huge timeout says instead of giving up at once', async () => {
    backend('https://api.clinic.example/forgot-username', async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return json({ status: 'sent' })();
    });
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://api.clinic.example" timeout="99999999999"></login-help-username>`);
    await sendEmail(el);
    expect(textOf(statusOf(el))).to.contain('Forgot User Name Request');
  });
});
