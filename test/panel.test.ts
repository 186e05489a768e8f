import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { LoginHelp } from '../src/login-help.js';
import type { LoginHelpPassword } from '../src/forms/login-help-password.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { settled, submit, type } from './helpers/dom.js';
import { backend, startWorker, worker } from './helpers/msw.js';

const forms = (panel: LoginHelp) => ({
  username: panel.shadowRoot!.querySelector('login-help-username'),
  password: panel.shadowRoot!.querySelector('login-help-password'),
});

const lines = (panel: LoginHelp) =>
  [...panel.shadowRoot!.querySelectorAll('[role="heading"], p')].map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('<login-help>', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('renders the Login Help panel top to bottom, with both forms', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help endpoint="https://api.clinic.example"></login-help>`);
    expect(panel.shadowRoot?.mode).to.equal('open');
    expect(lines(panel)).to.deep.equal([
      'Login Help',
      'You can reset your own password, but if you are having issues, we can help!',
      'You can select from two options for login help: user help or password help.',
      'Option 1) User name help',
      'Option 2) Password help',
    ]);
    const { username, password } = forms(panel);
    expect(username).to.exist;
    expect(password).to.exist;
    await username!.updateComplete;
    await password!.updateComplete;
    expect(username!.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('4');
    expect(panel.shadowRoot!.querySelector('#panel-heading')!.getAttribute('aria-level')).to.equal('2');
    await expect(panel).to.be.accessible();
  });

  it('shows only the form that show= names, and both for anything else', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help show="username"></login-help>`);
    expect(forms(panel).username).to.exist;
    expect(forms(panel).password).to.equal(null);
    panel.show = 'password';
    await panel.updateComplete;
    expect(forms(panel).username).to.equal(null);
    expect(forms(panel).password).to.exist;
    panel.setAttribute('show', 'everything');
    await panel.updateComplete;
    expect(forms(panel).username).to.exist;
    expect(forms(panel).password).to.exist;
  });

  it('forwards every configuration attribute to both forms, also to a form that show= adds later', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help
      show="username"
      endpoint="https://api.clinic.example"
      username-action="https://a.example/u"
      password-action="https://a.example/p"
      support-email="help@clinic.example"
      timeout="2000"
      credentials="include"
      csrf-token="tok"
      csrf-header="X-Token"
    ></login-help>`);
    panel.show = 'both';
    await panel.updateComplete;
    for (const form of [forms(panel).username!, forms(panel).password!] as (LoginHelpUsername | LoginHelpPassword)[]) {
      expect({
        endpoint: form.endpoint,
        usernameAction: form.usernameAction,
        passwordAction: form.passwordAction,
        supportEmail: form.supportEmail,
        timeout: form.timeout,
        credentials: form.credentials,
        csrfToken: form.csrfToken,
        csrfHeader: form.csrfHeader,
      }).to.deep.equal({
        endpoint: 'https://api.clinic.example',
        usernameAction: 'https://a.example/u',
        passwordAction: 'https://a.example/p',
        supportEmail: 'help@clinic.example',
        timeout: 2000,
        credentials: 'include',
        csrfToken: 'tok',
        csrfHeader: 'X-Token',
      });
    }
  });

  it('sends with the endpoint it was given after a change, through the form', async () => {
    const first = backend('https://one.example/api/forgot-username');
    const second = backend('https://two.example/api/forgot-username');
    const panel = await fixture<LoginHelp>(html`<login-help endpoint="https://one.example/api"></login-help>`);
    const form = forms(panel).username!;
    await form.updateComplete;
    type(form, 'email', 'a@b.example');
    await submit(form);
    await settled(form);
    panel.endpoint = 'https://two.example/api';
    await panel.updateComplete;
    await submit(form);
    await settled(form);
    expect([first.length, second.length]).to.deep.equal([1, 1]);
  });

  it('exposes every attribute as a camelCase property', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help></login-help>`);
    panel.setAttribute('support-email', 'x@y.example');
    panel.setAttribute('username-action', '/u');
    panel.setAttribute('password-action', '/p');
    panel.setAttribute('csrf-token', 't');
    panel.setAttribute('csrf-header', 'H');
    panel.setAttribute('timeout', '5');
    await waitUntil(() => panel.supportEmail === 'x@y.example');
    expect([panel.usernameAction, panel.passwordAction, panel.csrfToken, panel.csrfHeader, panel.timeout]).to.deep.equal(['/u', '/p', 't', 'H', 5]);
    expect(panel.credentials).to.equal('same-origin');
    expect(panel.timeout === 5 && new (customElements.get('login-help')!)() instanceof HTMLElement).to.be.true;
  });

  it('re-exports the forms’ parts so the page can style them through <login-help>', async () => {
    const style = Object.assign(document.createElement('style'), {
      textContent: 'login-help::part(input) { letter-spacing: 3px } login-help::part(form-heading) { letter-spacing: 5px }',
    });
    document.head.append(style);
    try {
      const panel = await fixture<LoginHelp>(html`<login-help></login-help>`);
      const form = forms(panel).password!;
      await form.updateComplete;
      expect(getComputedStyle(form.shadowRoot!.querySelector('input')!).letterSpacing).to.equal('3px');
      expect(getComputedStyle(form.shadowRoot!.querySelector('[part="heading"]')!).letterSpacing).to.equal('5px');
    } finally {
      style.remove();
    }
  });
});
