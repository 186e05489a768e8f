import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { LoginHelp } from '../src/login-help.js';
import type { LoginHelpPassword } from '../src/forms/login-help-password.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { settled, submit, type } from './helpers/dom.js';
import { backend, startWorker, worker } from './helpers/msw.js';

// SPEC §4: every request carries Accept-Language with the element's language, so the backend
// writes its email in the language the person reads.

async function sendEmail(el: LoginHelpUsername) {
  type(el, 'email', 'frontdesk@happypaws.example');
  await submit(el);
  await settled(el);
}

describe('request: Accept-Language', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('sends en by default', async () => {
    const seen = backend('https://api.clinic.example/forgot-username');
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://api.clinic.example"></login-help-username>`);
    await sendEmail(el);
    expect(seen[0].headers.get('accept-language')).to.equal('en');
  });

  for (const lang of ['es', 'pt-BR', 'zh-Hant']) {
    it(`sends the element's own lang="${lang}"`, async () => {
      const seen = backend('https://api.clinic.example/forgot-username');
      const el = await fixture<LoginHelpUsername>(html`<login-help-username lang=${lang} endpoint="https://api.clinic.example"></login-help-username>`);
      await sendEmail(el);
      expect(seen[0].headers.get('accept-language')).to.equal(lang);
    });
  }

  it("sends the nearest ancestor's lang, as the shipped locale it resolves to", async () => {
    const seen = backend('https://api.clinic.example/forgot-username');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de"><section lang="fr-CA"><login-help-username endpoint="https://api.clinic.example"></login-help-username></section></div>`,
    );
    await sendEmail(wrapper.querySelector('login-help-username')!);
    expect(seen[0].headers.get('accept-language')).to.equal('fr');
  });

  it('sends en for a language the widget does not ship, and a safelisted value for a malformed tag', async () => {
    const seen = backend('https://api.clinic.example/forgot-username');
    for (const lang of ['kl', 'en_US\u00e9']) {
      const el = await fixture<LoginHelpUsername>(html`<login-help-username lang=${lang} endpoint="https://api.clinic.example"></login-help-username>`);
      await sendEmail(el);
    }
    expect(seen.map((request) => request.headers.get('accept-language'))).to.deep.equal(['en', 'en']);
  });

  it('follows a lang change made after the element rendered', async () => {
    const seen = backend('https://api.clinic.example/forgot-username');
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://api.clinic.example"></login-help-username>`);
    el.setAttribute('lang', 'ar');
    await el.updateComplete;
    await sendEmail(el);
    expect(seen[0].headers.get('accept-language')).to.equal('ar');
  });

  it("carries <login-help lang> into the password form inside the panel", async () => {
    const seen = backend('https://api.clinic.example/password-help');
    const panel = await fixture<LoginHelp>(html`<login-help lang="es" endpoint="https://api.clinic.example" show="password"></login-help>`);
    await panel.updateComplete;
    const form = panel.shadowRoot!.querySelector<LoginHelpPassword>('login-help-password')!;
    await form.updateComplete;
    type(form, 'userName', 'happypaws');
    type(form, 'requestedBy', 'Dr. Núñez');
    await submit(form);
    await settled(form);
    expect(seen[0].headers.get('accept-language')).to.equal('es');
  });
});
