import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { press } from './helpers/engine.js';
import '../src/define.js';
import type { LoginHelp } from '../src/login-help.js';
import { dialogOf, field, part, settled, statusOf, submitOf, textOf } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

// Keyboard-only flows driven by real key presses (WCAG 2.1.1, 2.1.2, 2.4.3).

const API = 'https://api.clinic.example';

/** The element that has focus, looking through open shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function panel() {
  const el = await fixture<LoginHelp>(html`<div>
    <button id="before">before</button>
    <login-help endpoint=${API} support-email="help@clinic.example"></login-help>
  </div>`);
  const host = el.querySelector('login-help')!;
  const username = host.shadowRoot!.querySelector('login-help-username')!;
  const password = host.shadowRoot!.querySelector('login-help-password')!;
  await Promise.all([username.updateComplete, password.updateComplete]);
  el.querySelector<HTMLButtonElement>('#before')!.focus();
  return { username, password };
}

describe('keyboard only', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('Forgot User Name?: Tab, type, Enter, the dialog, Shift+Tab to "email us", Escape, focus back on Submit', async () => {
    backend(`${API}/forgot-username`, json({ status: 'not_found' }));
    const { username } = await panel();
    await press('Tab');
    expect(deepActive() === field(username, 'email'), 'Tab reaches Clinic Email first').to.be.true;
    await sendKeys({ type: 'nobody@clinic.example' });
    await press('Enter');
    await settled(username);
    const dialog = dialogOf(username);
    expect(dialog.open).to.be.true;
    expect(deepActive() === part(username, '[part="ok"]'), 'focus on OK').to.be.true;
    const outside = document.querySelector<HTMLButtonElement>('#before')!;
    outside.focus();
    expect(deepActive() === part(username, '[part="ok"]'), 'the host page is inert while the dialog is open').to.be.true;
    await press('Shift+Tab');
    expect(deepActive() === part(username, '[part="email-us"]'), 'Shift+Tab reaches "email us"').to.be.true;
    await press('Tab');
    expect(deepActive() === part(username, '[part="ok"]'), 'Tab stays in the dialog').to.be.true;
    await press('Escape');
    await waitUntil(() => !dialog.open);
    await waitUntil(() => deepActive() === submitOf(username), 'focus returns to Submit');
    expect(field(username, 'email').value).to.equal('nobody@clinic.example');
  });

  it('the dialog closes with Enter on OK too', async () => {
    backend(`${API}/forgot-username`, json({ status: 'not_found' }));
    const { username } = await panel();
    await press('Tab');
    await sendKeys({ type: 'nobody@clinic.example' });
    await press('Enter');
    await settled(username);
    await press('Enter');
    await waitUntil(() => !dialogOf(username).open);
    await waitUntil(() => deepActive() === submitOf(username));
  });

  it('Password Help?: Tab through both fields, type, Enter, success announced', async () => {
    backend(`${API}/password-help`, json({ status: 'sent' }));
    const { username, password } = await panel();
    await press('Tab');
    await press('Tab');
    expect(deepActive() === submitOf(username)).to.be.true;
    await press('Tab');
    expect(deepActive() === field(password, 'userName')).to.be.true;
    await sendKeys({ type: 'happypaws' });
    await press('Tab');
    expect(deepActive() === field(password, 'requestedBy')).to.be.true;
    await sendKeys({ type: 'Dr. Rivera' });
    await press('Enter');
    await settled(password);
    expect(textOf(statusOf(password))).to.contain('Reset Your Password');
  });

  it('an invalid submit focuses the summary; its link takes Enter and focuses the field', async () => {
    const { password } = await panel();
    for (let i = 0; i < 3; i++) await press('Tab');
    await sendKeys({ type: 'happypaws' });
    await press('Enter');
    await password.updateComplete;
    expect(deepActive() === part(password, '[part="error-summary"]'), 'summary focused').to.be.true;
    await press('Tab');
    expect(deepActive() === part(password, '[part="error-summary"] a')).to.be.true;
    await press('Enter');
    expect(deepActive() === field(password, 'requestedBy'), 'the link focuses Requested By').to.be.true;
  });
});
