import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { alertOf, dialogOf, field, part, settled, statusOf, submit, submitOf, textOf, type } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

const API = 'https://api.clinic.example/login-help';

async function usernameForm(attributes = { endpoint: API, supportEmail: 'help@clinic.example' }) {
  return fixture<LoginHelpUsername>(
    html`<login-help-username endpoint=${attributes.endpoint} support-email=${attributes.supportEmail}></login-help-username>`,
  );
}

describe('<login-help-username>', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('renders the Forgot User Name? form with a required Clinic Email field in an open shadow root', async () => {
    const el = await usernameForm();
    expect(el.shadowRoot?.mode).to.equal('open');
    expect(textOf(part(el, '[part="heading"]'))).to.equal('Forgot User Name?');
    expect(textOf(part(el, 'label'))).to.equal('Clinic Email');
    expect(textOf(part(el, '.label-row'))).to.equal('Clinic Email*');
    const input = field(el, 'email');
    expect(input.labels?.[0]).to.equal(part(el, 'label'));
    expect(input.required).to.be.true;
    expect(input.type).to.equal('email');
    expect(input.autocomplete).to.equal('email');
    expect(input.inputMode).to.equal('email');
    expect(input.spellcheck).to.be.false;
    // The "*" is for the eye; assistive tech hears "required" from the attribute.
    expect(part(el, '.label-row .required').getAttribute('aria-hidden')).to.equal('true');
    expect(textOf(submitOf(el))).to.equal('Submit');
    expect(part(el, 'form').getAttribute('aria-labelledby')).to.equal('heading');
    await expect(el).to.be.accessible();
  });

  it('says an email titled “Forgot User Name Request” was sent, in a status region', async () => {
    backend(`${API}/forgot-username`, json({ status: 'sent' }));
    const el = await usernameForm();
    type(el, 'email', '  frontdesk@happypaws.example ');
    await submit(el);
    await settled(el);
    expect(textOf(statusOf(el))).to.equal(
      'We sent an email titled “Forgot User Name Request” with your clinic\'s user name to frontdesk@happypaws.example.',
    );
    expect(textOf(alertOf(el))).to.equal('');
    expect(dialogOf(el).open).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('gives the neutral message for an accepted answer', async () => {
    backend(`${API}/forgot-username`, json({ status: 'accepted' }));
    const el = await usernameForm();
    type(el, 'email', 'someone@clinic.example');
    await submit(el);
    await settled(el);
    expect(textOf(statusOf(el))).to.contain('If someone@clinic.example is on file');
    expect(textOf(statusOf(el))).to.contain('“Forgot User Name Request”');
  });

  it('opens the Attention dialog with the exact sentence and an "email us" mailto link when not found', async () => {
    backend(`${API}/forgot-username`, json({ status: 'not_found' }, 404));
    const el = await usernameForm();
    type(el, 'email', 'test1234@yahoo.com');
    await submit(el);
    await settled(el);
    const dialog = dialogOf(el);
    expect(dialog.open).to.be.true;
    expect(dialog.matches(':modal')).to.be.true;
    expect(textOf(part(el, '#dialog-title'))).to.equal('Attention');
    expect(textOf(part(el, '#dialog-message'))).to.equal(
      'The email address test1234@yahoo.com is not associated with any active practices. Please email us for assistance with finding your user name.',
    );
    const link = part<HTMLAnchorElement>(el, '#dialog-message a');
    expect(textOf(link)).to.equal('email us');
    const href = new URL(link.href);
    expect(href.protocol).to.equal('mailto:');
    expect(href.pathname).to.equal('help@clinic.example');
    const subject = href.searchParams.get('subject') ?? '';
    const body = href.searchParams.get('body') ?? '';
    expect(subject).to.equal('Help finding my clinic user name');
    expect(body).to.contain('test1234@yahoo.com');
    expect([...href.searchParams.keys()]).to.deep.equal(['subject', 'body']);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, '[part="ok"]'));
    await expect(el).to.be.accessible();
  });

  it('closes the dialog with OK and puts focus back on Submit', async () => {
    backend(`${API}/forgot-username`, json({ status: 'not_found' }));
    const el = await usernameForm();
    type(el, 'email', 'nobody@clinic.example');
    await submit(el);
    await settled(el);
    const closed = oneEvent(dialogOf(el), 'close');
    part<HTMLButtonElement>(el, '[part="ok"]').click();
    expect(dialogOf(el).open).to.be.false;
    await closed;
    expect(el.shadowRoot!.activeElement).to.equal(submitOf(el));
    expect(field(el, 'email').value).to.equal('nobody@clinic.example');
  });

  it('shows the sentence without a link when no support address is known', async () => {
    backend(`${API}/forgot-username`, json({ status: 'not_found' }));
    const el = await usernameForm({ endpoint: API, supportEmail: 'help@clinic.example?bcc=evil@x.example' });
    type(el, 'email', 'nobody@clinic.example');
    await submit(el);
    await settled(el);
    expect(el.shadowRoot!.querySelector('#dialog-message a')).to.equal(null);
    expect(el.shadowRoot!.innerHTML).not.to.contain('mailto:');
    expect(textOf(part(el, '#dialog-message'))).to.contain('Please email us for assistance');
  });

  it('shows a typed value with markup as text in the dialog, never as markup', async () => {
    backend(`${API}/forgot-username`, json({ status: 'not_found' }));
    const el = await usernameForm();
    // A well-formed address can still carry characters that would be markup in innerHTML.
    const hostile = "o'neil+<b>x</b>@clinic.example";
    type(el, 'email', hostile);
    await submit(el);
    // The client check refuses it (not a valid address), so nothing is sent and the value stays.
    expect(field(el, 'email').value).to.equal(hostile);
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    const sneaky = "o'neil&lt{img}&amp@clinic.example";
    type(el, 'email', sneaky);
    await submit(el);
    await settled(el);
    expect(textOf(part(el, '#dialog-message strong'))).to.equal(sneaky);
    expect(part(el, '#dialog-message strong').children.length).to.equal(0);
  });
});
