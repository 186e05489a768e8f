import { expect, fixture, html, waitUntil as waitUntilFast } from '@open-wc/testing';
import '../src/define.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { templates as es } from '../src/i18n/locales/es.js';
import type { LoginHelp } from '../src/login-help.js';
import { dialogOf, settled, submit, type } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

/** Locale modules load through the dev server: give them time on a busy machine. */
const waitUntil = (probe: () => boolean, message?: string, { timeout = 5000 } = {}) => waitUntilFast(probe, message, { timeout });

// CMS editors replace the prose with plain HTML (named slots); whatever they leave alone stays
// localized.

/** What a person reads in an element: its text with slots replaced by what is assigned to them. */
function rendered(node: Node): string {
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return (assigned.length ? assigned : [...node.childNodes]).map(rendered).join('');
  }
  if (node instanceof Element && node.shadowRoot) return [...node.shadowRoot.childNodes].map(rendered).join('');
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(rendered).join('');
}
const says = (node: Node) => rendered(node).replace(/\s+/g, ' ').trim();

describe('slots for wording', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('replaces the panel’s heading, introduction and option headings; the rest stays localized', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help lang="es">
      <span slot="heading">Ayuda con el acceso al portal veterinario</span>
      <p slot="intro">Llame a recepción si necesita algo más: 555-0100.</p>
      <span slot="username-option">1) Nombre de usuario</span>
    </login-help>`);
    const root = panel.shadowRoot!;
    await waitUntil(() => says(root.querySelector('#password-option')!) === es['panel.option-password']);
    expect(says(root.querySelector('#panel-heading')!)).to.equal('Ayuda con el acceso al portal veterinario');
    expect(says(root.querySelector('#username-option')!)).to.equal('1) Nombre de usuario');
    expect(root.querySelectorAll('.intro')).to.have.length(2, 'the defaults stay in the tree as fallback');
    expect(says(root.querySelector('slot[name="intro"]')!)).to.equal('Llame a recepción si necesita algo más: 555-0100.');
    await expect(panel).to.be.accessible();
  });

  it('forwards the form headings and the Attention sentence only when the page provides them', async () => {
    backend('https://api.example/forgot-username', json({ status: 'not_found' }));
    const panel = await fixture<LoginHelp>(html`<login-help endpoint="https://api.example">
      <span slot="username-heading">¿Olvidó su usuario?</span>
      <span slot="username-not-found">We could not find that address. Call the front desk on 555-0100.</span>
    </login-help>`);
    const username = panel.shadowRoot!.querySelector('login-help-username')!;
    const password = panel.shadowRoot!.querySelector('login-help-password')!;
    await Promise.all([username.updateComplete, password.updateComplete]);
    expect(says(username.shadowRoot!.querySelector('#heading')!)).to.equal('¿Olvidó su usuario?');
    expect(says(password.shadowRoot!.querySelector('#heading')!), 'no forwarded slot: default stays').to.equal('Password Help?');
    type(username, 'email', 'nobody@clinic.example');
    await submit(username);
    await settled(username);
    expect(dialogOf(username).open).to.be.true;
    expect(says(username.shadowRoot!.querySelector('#dialog-message')!)).to.equal('We could not find that address. Call the front desk on 555-0100.');
    await expect(panel).to.be.accessible();
  });

  it('notices content the page adds later', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help></login-help>`);
    const password = panel.shadowRoot!.querySelector('login-help-password')!;
    await password.updateComplete;
    expect(says(password.shadowRoot!.querySelector('#heading')!)).to.equal('Password Help?');
    const heading = Object.assign(document.createElement('span'), { slot: 'password-heading', textContent: 'Reset a password' });
    panel.append(heading);
    await waitUntil(() => says(password.shadowRoot!.querySelector('#heading')!) === 'Reset a password');
    heading.remove();
    await waitUntil(() => says(password.shadowRoot!.querySelector('#heading')!) === 'Password Help?');
  });

  it('lets a standalone form take its own heading and sentence', async () => {
    backend('https://api.example/forgot-username', json({ status: 'not_found' }));
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://api.example">
      <span slot="heading">Lost your portal name?</span>
      <span slot="not-found">Not on file. Call 555-0100.</span>
    </login-help-username>`);
    expect(says(el.shadowRoot!.querySelector('#heading')!)).to.equal('Lost your portal name?');
    type(el, 'email', 'nobody@clinic.example');
    await submit(el);
    await settled(el);
    expect(says(el.shadowRoot!.querySelector('#dialog-message')!)).to.equal('Not on file. Call 555-0100.');
  });
});

describe('fallback content for browsers that cannot run the bundle', () => {
  // README "Browser support": a page puts a sentence inside the element for browsers below the
  // table; once the element runs, no default slot shows it.
  for (const tag of ['login-help', 'login-help-username', 'login-help-password', 'login-help-reset']) {
    it(`<${tag}> hides the sentence inside it once defined`, async () => {
      const host = document.createElement(tag);
      const sentence = Object.assign(document.createElement('p'), { textContent: 'Login help needs a newer browser.' });
      host.append(sentence);
      const el = await fixture<HTMLElement>(host);
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(sentence.assignedSlot, 'assigned to a slot').to.equal(null);
      const box = sentence.getBoundingClientRect();
      expect(box.width * box.height, 'its box').to.equal(0);
      expect(says(el)).to.not.include('newer browser');
    });
  }
});
