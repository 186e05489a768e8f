import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { LoginHelpResetErrorEvent } from '../src/reset/reset-events.js';
import type { LoginHelpReset } from '../src/reset/login-help-reset.js';
import { part, textOf } from './helpers/dom.js';
import { json, startWorker, worker } from './helpers/msw.js';
import { alertOf, API, hasForm, holdLocale, mountReset, PASSWORD, recordStatus, resetBackend, saveOf, statusOf, textsOf, TOKEN, typeIn } from './helpers/reset.js';

// <login-help-reset> checks its link on connect while its locale's texts load. A live region is
// announced once, as it appears: a fast answer must not show the dead-link message, the form, a
// fault or the success message in English and then switch language. The dev server serves each
// locale as a module (src/i18n/locale-loader.ts; the script-tag bundle fetches
// dist/locales/<locale>-reset.js instead); msw holds that module back, so the answer wins the
// race. Each test uses a locale no other test on this page has loaded (a module loads once per
// page), so the Spanish dead link and the Arabic success are two locales.

const section = (el: LoginHelpReset) => part(el, '[part="panel"]');
/** Busy without a word: the status region empty (no "Checking…" in English), the panel aria-busy. */
const quietlyBusy = (el: LoginHelpReset) => textOf(statusOf(el)) === '' && section(el).getAttribute('aria-busy') === 'true';
const busy = (el: LoginHelpReset) => el.shadowRoot!.querySelector('form[aria-busy="true"]') !== null;

/** Records, once, what `snapshot()` says the first time `shown()` holds after a change inside the element. */
function whenShown<T>(el: LoginHelpReset, shown: () => boolean, snapshot: () => T) {
  const seen: T[] = [];
  const observer = new MutationObserver(() => {
    if (seen.length === 0 && shown()) seen.push(snapshot());
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true, attributes: true });
  return { seen, stop: () => observer.disconnect() };
}

/** The alert's first text, with the language and direction it was shown in and the status beside it. */
const whenAlertAppears = (el: LoginHelpReset) =>
  whenShown(
    el,
    () => textOf(alertOf(el)) !== '',
    () => ({ text: textOf(alertOf(el)), lang: section(el).getAttribute('lang'), dir: section(el).getAttribute('dir'), status: textOf(statusOf(el)) }),
  );

/** A moment in which an answer that is not held back would have been shown. */
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 50));

const reset = (lang: string) =>
  fixture<LoginHelpReset>(
    html`<login-help-reset lang=${lang} endpoint=${API} token=${TOKEN} help-url="https://portal.example/login-help"></login-help-reset>`,
  );

describe('<login-help-reset>: outcomes in the person’s language', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('says the link has expired in Spanish when the check answers 410 before the Spanish texts arrive', async () => {
    const spanish = holdLocale('es');
    const { check } = resetBackend(json({ status: 'expired' }, 410));
    const el = await reset('es');
    const appearing = whenAlertAppears(el);
    await waitUntil(() => check.length === 1, 'the link was never checked');
    await aMoment();
    const early = { alert: textOf(alertOf(el)), form: hasForm(el), quietlyBusy: quietlyBusy(el) };
    spanish.release();
    await waitUntil(() => appearing.seen.length > 0, 'the alert never appeared', { timeout: 5000 });
    appearing.stop();

    const es = await textsOf('es');
    expect(appearing.seen[0], 'what the alert said as it appeared').to.deep.equal({
      text: `${es['reset.link-expired']} ${es['reset.new-link']}`,
      lang: 'es',
      dir: 'ltr',
      status: '',
    });
    expect(early, 'nothing shown before its words, not even "Checking…"; busy').to.deep.equal({ alert: '', form: false, quietlyBusy: true });
  });

  it('shows a fault in Hebrew, right to left, with "Try again", when the check fails before the Hebrew texts arrive', async () => {
    const hebrew = holdLocale('he');
    const { check } = resetBackend(json({}, 500));
    const el = await reset('he');
    const appearing = whenAlertAppears(el);
    const error = oneEvent(el, 'login-help-error');
    await waitUntil(() => check.length === 1, 'the link was never checked');
    await aMoment();
    const early = { alert: textOf(alertOf(el)), retry: el.shadowRoot!.querySelector('[part="retry"]') };
    hebrew.release();
    expect(((await error) as unknown as LoginHelpResetErrorEvent).detail.reason).to.equal('server');
    await waitUntil(() => appearing.seen.length > 0, 'the alert never appeared', { timeout: 5000 });
    appearing.stop();

    const he = await textsOf('he');
    expect(appearing.seen[0]).to.deep.equal({ text: he['reset.error-server'], lang: 'he', dir: 'rtl', status: '' });
    expect(textOf(part(el, '[part="retry"]'))).to.equal(he['reset.try-again']);
    expect(early).to.deep.equal({ alert: '', retry: null });
  });

  it('shows the form only once its Italian words are in, when the link is found valid first', async () => {
    const italian = holdLocale('it');
    const { check } = resetBackend();
    const el = await reset('it');
    const appearing = whenShown(
      el,
      () => hasForm(el),
      () => ({
        labels: [...el.shadowRoot!.querySelectorAll('label')].map(textOf),
        save: textOf(saveOf(el)),
        heading: textOf(part(el, '[part="heading"]')),
        status: textOf(statusOf(el)),
      }),
    );
    await waitUntil(() => check.length === 1, 'the link was never checked');
    await aMoment();
    const early = { form: hasForm(el), quietlyBusy: quietlyBusy(el) };
    italian.release();
    await waitUntil(() => appearing.seen.length > 0, 'the form never appeared', { timeout: 5000 });
    appearing.stop();

    const it = await textsOf('it');
    expect(appearing.seen[0], 'the form as it appeared').to.deep.equal({
      labels: [it['reset.user-name'], it['reset.new-password'], it['reset.confirm-password']],
      save: it['reset.save'],
      heading: it['reset.heading'],
      status: '',
    });
    expect(early, 'still checking, without a word').to.deep.equal({ form: false, quietlyBusy: true });
  });

  it('says the password was changed in Arabic, right to left, when the save answers before the Arabic texts arrive', async () => {
    const { save } = resetBackend();
    const el = await mountReset(html`<login-help-reset lang="en" endpoint=${API} token=${TOKEN}></login-help-reset>`);
    // The person (or the page's language switcher) picks Arabic just before saving.
    const arabic = holdLocale('ar');
    el.setAttribute('lang', 'ar');
    await aMoment();
    const status = statusOf(el);
    const appearing = whenShown(
      el,
      () => status.classList.contains('sent'),
      () => ({ text: textOf(status), lang: section(el).getAttribute('lang'), dir: section(el).getAttribute('dir'), busy: busy(el) }),
    );
    typeIn(el, 'password', PASSWORD);
    typeIn(el, 'confirm', PASSWORD);
    saveOf(el).click();
    await waitUntil(() => save.length === 1, 'nothing was saved');
    await aMoment();
    const early = { sent: status.classList.contains('sent'), busy: busy(el), quietlyBusy: quietlyBusy(el) };
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    arabic.release();
    await waitUntil(() => appearing.seen.length > 0, 'the success never appeared', { timeout: 5000 });
    appearing.stop();

    const ar = await textsOf('ar');
    expect(appearing.seen[0], 'what the status said as it appeared').to.deep.equal({ text: ar['reset.changed'], lang: 'ar', dir: 'rtl', busy: false });
    expect(early, 'busy until the outcome is shown; no "Saving…" in English').to.deep.equal({ sent: false, busy: true, quietlyBusy: true });
    expect(save, 'a second Save Password while waiting does nothing').to.have.length(1);
  });

  it('still shows the dead link, in English, when the texts never arrive', async () => {
    const french = holdLocale('fr');
    const reasons: string[] = [];
    resetBackend(json({ status: 'used' }, 410));
    const el = await reset('fr');
    const status = recordStatus(el);
    el.addEventListener('login-help-error', (event) => reasons.push((event as LoginHelpResetErrorEvent).detail.reason));
    const appearing = whenAlertAppears(el);
    // The wait is bounded (3 s); the French module is held for good.
    await waitUntil(() => appearing.seen.length > 0, 'a lost locale file hid the answer', { timeout: 8000 });
    appearing.stop();
    status.stop();
    expect(appearing.seen[0]).to.deep.equal({ text: 'This link was already used. Request a new link', lang: 'en', dir: 'ltr', status: '' });
    expect(reasons).to.deep.equal(['link-used']);
    // The answer came first; it and the busy text waited for the same words, so no English
    // "Checking your link…" went by just before it.
    expect(status.said, 'what the status region said').to.deep.equal([]);
    french.release();
  });
});
