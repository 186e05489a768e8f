import { expect, fixture, html } from '@open-wc/testing';
import { press } from './helpers/engine.js';
import '../src/define.js';
import type { LoginHelpPassword } from '../src/forms/login-help-password.js';
import { alertOf, dialogOf, field, part, settled, statusOf, submit, submitOf, textOf, type } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

const API = 'https://api.clinic.example/login-help';

async function passwordForm(supportEmail = 'help@clinic.example') {
  return fixture<LoginHelpPassword>(html`<login-help-password endpoint=${API} support-email=${supportEmail}></login-help-password>`);
}

async function fillAndSubmit(el: LoginHelpPassword, userName: string, requestedBy: string) {
  type(el, 'userName', userName);
  type(el, 'requestedBy', requestedBy);
  await submit(el);
  await settled(el);
}

describe('<login-help-password>', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('renders the Password Help? form with required User Name and Requested By fields', async () => {
    const el = await passwordForm();
    expect(el.shadowRoot?.mode).to.equal('open');
    expect(textOf(part(el, '[part="heading"]'))).to.equal('Password Help?');
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map(textOf);
    expect(labels).to.deep.equal(['User Name', 'Requested By']);
    expect([...el.shadowRoot!.querySelectorAll('.label-row')].map(textOf)).to.deep.equal(['User Name*', 'Requested By*']);
    expect(field(el, 'userName').required).to.be.true;
    expect(field(el, 'requestedBy').required).to.be.true;
    expect(field(el, 'userName').autocomplete).to.equal('username');
    expect(field(el, 'requestedBy').autocomplete).to.equal('name');
    expect(textOf(submitOf(el))).to.equal('Submit');
    await expect(el).to.be.accessible();
  });

  it('says an email titled “Reset Your Password”, naming who asked and holding a link, was sent', async () => {
    const seen = backend(`${API}/password-help`, json({ status: 'sent' }));
    const el = await passwordForm();
    await fillAndSubmit(el, ' happypaws ', ' Dr. Rivera ');
    expect(seen.map((request) => request.body)).to.deep.equal([{ userName: 'happypaws', requestedBy: 'Dr. Rivera' }]);
    const status = textOf(statusOf(el));
    expect(status).to.contain('“Reset Your Password”');
    expect(status).to.contain('happypaws');
    expect(status).to.contain('Dr. Rivera');
    expect(status).to.contain('link to create a new password');
    await expect(el).to.be.accessible();
  });

  it('gives the neutral message for an accepted answer', async () => {
    backend(`${API}/password-help`, json({ status: 'accepted' }));
    const el = await passwordForm();
    await fillAndSubmit(el, 'happypaws', 'Dr. Rivera');
    expect(textOf(statusOf(el))).to.contain('If the user name happypaws is on file');
  });

  it('opens the Attention dialog with the exact password sentence and a mailto carrying both values', async () => {
    backend(`${API}/password-help`, json({ status: 'not_found' }));
    const el = await passwordForm();
    await fillAndSubmit(el, '1234', 'Sam & Co');
    expect(dialogOf(el).open).to.be.true;
    expect(textOf(part(el, '#dialog-title'))).to.equal('Attention');
    expect(textOf(part(el, '#dialog-message'))).to.equal(
      'The user name 1234 is not associated with any active practices. Please email us for assistance with finding your user name and resetting your password.',
    );
    const href = new URL(part<HTMLAnchorElement>(el, '#dialog-message a').href);
    expect(href.pathname).to.equal('help@clinic.example');
    expect(href.searchParams.get('subject')).to.equal('Help resetting my password');
    const body = href.searchParams.get('body') ?? '';
    expect(body).to.contain('user name 1234');
    expect(body).to.contain('requested by Sam & Co');
    expect([...href.searchParams.keys()]).to.deep.equal(['subject', 'body']);
    await expect(el).to.be.accessible();
  });

  it('shows typed markup as text in the dialog and never runs it', async () => {
    backend(`${API}/password-help`, json({ status: 'not_found' }));
    const el = await passwordForm();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await fillAndSubmit(el, hostile, '"><svg onload="window.__pwned=1">');
    const value = part(el, '#dialog-message strong');
    expect(value.textContent).to.equal(hostile);
    expect(value.children.length).to.equal(0);
    expect(el.shadowRoot!.querySelector('img, svg')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const body = new URL(part<HTMLAnchorElement>(el, '#dialog-message a').href).searchParams.get('body');
    expect(body).to.contain(hostile);
  });

  it('closes the dialog with Escape and returns focus to Submit, values kept', async () => {
    backend(`${API}/password-help`, json({ status: 'not_found' }));
    const el = await passwordForm();
    await fillAndSubmit(el, 'ghost', 'Pat');
    const dialog = dialogOf(el);
    const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    await press('Escape');
    await closed;
    expect(dialog.open).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal(submitOf(el));
    expect(field(el, 'userName').value).to.equal('ghost');
    expect(field(el, 'requestedBy').value).to.equal('Pat');
    expect(textOf(alertOf(el))).to.equal('');
  });
});
