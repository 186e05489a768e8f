import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { LoginHelpReset } from '../src/reset/login-help-reset.js';
import { part, textOf } from './helpers/dom.js';
import { json, startWorker, worker } from './helpers/msw.js';
import { alertOf, API, hasForm, heldAnswer, holdLocale, mountReset, PASSWORD, recordStatus, resetBackend, saveOf, settledReset, statusOf, textsOf, TOKEN, typeIn, validLink } from './helpers/reset.js';

// "Checking your link…" and "Saving your new password…" are said in a role="status" region, so
// they are announced as they appear: in the page's language, never in English first. The link is
// checked on connect, while the locale's module loads; msw holds that module back (and the
// backend's answer, so the busy text has time to show). Each test holds a locale no other test
// on this page loads (a module loads once per page).

const section = (el: LoginHelpReset) => part(el, '[part="panel"]');

/** The status region and the panel's busy state at one moment. */
const now = (el: LoginHelpReset) => ({ status: textOf(statusOf(el)), busy: section(el).getAttribute('aria-busy') });

/** A moment in which a busy text that is not held back would have been shown. */
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Connected but not yet rendered, so what its status says is recorded from its first render. */
function connect(lang: string) {
  const el = fixtureSync<LoginHelpReset>(html`<login-help-reset lang=${lang} endpoint=${API} token=${TOKEN}></login-help-reset>`);
  return { el, status: recordStatus(el) };
}

describe('<login-help-reset>: its busy texts in the person’s language', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('says "Checking your link…" in Spanish, nothing before, when the check starts before the Spanish texts arrive', async () => {
    const spanish = holdLocale('es');
    const answer = heldAnswer(validLink);
    const { check } = resetBackend(answer.answer);
    const { el, status } = connect('es');
    await waitUntil(() => check.length === 1, 'the link was never checked');
    await aMoment();
    const early = { ...now(el), form: hasForm(el) };
    spanish.release();
    const es = await textsOf('es');
    await waitUntil(() => textOf(statusOf(el)) !== '', 'the busy text never showed', { timeout: 5000 });
    const checking = { ...now(el), lang: section(el).getAttribute('lang') };
    answer.release();
    await settledReset(el);
    status.stop();

    expect(early, 'before its words: an empty status, a busy panel').to.deep.equal({ status: '', busy: 'true', form: false });
    expect(checking, 'once they are in').to.deep.equal({ status: es['reset.checking'], busy: 'false', lang: 'es' });
    expect(status.said, 'everything the status region said').to.deep.equal([es['reset.checking']]);
    expect(textOf(saveOf(el)), 'then the form, in Spanish').to.equal(es['reset.save']);
  });

  it('says "Saving your new password…" in German, nothing before, when the page switched to German just before', async () => {
    const answer = heldAnswer(json({ status: 'reset' }));
    const { save } = resetBackend(validLink, answer.answer);
    const el = await mountReset(html`<login-help-reset lang="en" endpoint=${API} token=${TOKEN}></login-help-reset>`);
    const german = holdLocale('de');
    el.setAttribute('lang', 'de');
    await aMoment();
    const status = recordStatus(el);
    typeIn(el, 'password', PASSWORD);
    typeIn(el, 'confirm', PASSWORD);
    saveOf(el).click();
    await waitUntil(() => save.length === 1, 'nothing was saved');
    await aMoment();
    const early = { ...now(el), form: part(el, 'form').getAttribute('aria-busy') };
    german.release();
    const de = await textsOf('de');
    await waitUntil(() => textOf(statusOf(el)) !== '', 'the busy text never showed', { timeout: 5000 });
    const saving = { ...now(el), lang: section(el).getAttribute('lang') };
    answer.release();
    await waitUntil(() => statusOf(el).classList.contains('sent'), 'the success never appeared', { timeout: 5000 });
    status.stop();

    expect(early, 'before its words: an empty status, the form and the panel busy').to.deep.equal({ status: '', busy: 'true', form: 'true' });
    expect(saving, 'once they are in').to.deep.equal({ status: de['reset.saving'], busy: 'false', lang: 'de' });
    expect(status.said, 'everything the status region said').to.deep.equal([de['reset.saving'], de['reset.changed']]);
  });

  it('says "Checking your link…" in English once the wait is over, when the Dutch texts never arrive', async () => {
    const dutch = holdLocale('nl');
    const answer = heldAnswer(json({ status: 'used' }, 410));
    const { check } = resetBackend(answer.answer);
    const { el, status } = connect('nl');
    await waitUntil(() => check.length === 1, 'the link was never checked');
    await aMoment();
    const early = now(el);
    // The wait is bounded (3 s); the Dutch module is held for good.
    await waitUntil(() => textOf(statusOf(el)) !== '', 'a lost locale file silenced the busy text for good', { timeout: 8000 });
    const checking = { ...now(el), lang: section(el).getAttribute('lang') };
    answer.release();
    await waitUntil(() => textOf(alertOf(el)) !== '', 'the answer never showed', { timeout: 5000 });
    status.stop();
    dutch.release();

    expect(early, 'before the wait is over: an empty status, a busy panel').to.deep.equal({ status: '', busy: 'true' });
    expect(checking).to.deep.equal({ status: 'Checking your link…', busy: 'false', lang: 'en' });
    expect(status.said, 'everything the status region said').to.deep.equal(['Checking your link…']);
    expect(textOf(alertOf(el)), 'the answer, in English too').to.equal('This link was already used. Please request a new link on the Login Help page.');
  });
});
