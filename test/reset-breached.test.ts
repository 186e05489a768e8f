import { expect, html } from '@open-wc/testing';
import '../src/define.js';
import { TRANSLATIONS } from '../server/src/i18n/translations.generated.js';
import { part, textOf } from './helpers/dom.js';
import { json, startWorker, worker } from './helpers/msw.js';
import { API, input, mountReset, PASSWORD, resetBackend, save, textsOf, TOKEN, validLink } from './helpers/reset.js';

// A password seen in a breach (issue 27): the server refuses it at the field in the request's
// language (server/test/breached-passwords.test.ts); here the element asks in the person's
// language and shows that sentence at New Password, as text, keeping what was typed.

describe('<login-help-reset>: a breached password', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('shows the server\'s sentence in Arabic at New Password, right to left, and keeps both fields', async () => {
    const sentence = TRANSLATIONS.ar.passwordRefusals.breached;
    const { save: saved } = resetBackend(validLink, json({ status: 'invalid', errors: { password: sentence } }, 422));
    const el = await mountReset(html`<login-help-reset lang="ar" endpoint=${API} token=${TOKEN}></login-help-reset>`);
    await save(el);

    expect(saved).to.have.length(1);
    expect(saved[0]!.headers.get('accept-language'), 'the element asks in the person\'s language').to.equal('ar');
    const error = part(el, '#password-error');
    expect(textOf(error)).to.contain(sentence);
    expect(textOf(error)).to.not.contain('Error:');
    expect(input(el, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'password').getAttribute('aria-describedby')).to.contain('password-error');
    expect(input(el, 'password').value, 'what was typed stays').to.equal(PASSWORD);
    expect(input(el, 'confirm').value, 'what was typed stays').to.equal(PASSWORD);
    const section = el.shadowRoot!.querySelector('[dir]');
    expect(section?.getAttribute('dir')).to.equal('rtl');
    // The summary links to New Password with the same sentence, under the Arabic title.
    const summary = part(el, '[part="error-summary"]');
    expect(textOf(summary)).to.contain(sentence);
    expect(textOf(summary)).to.not.contain('There is a problem');
    expect(Object.values(await textsOf('ar')).some((text) => textOf(summary).includes(text)), 'an Arabic title').to.be.true;
  });
});
