import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { LoginHelpForm } from '../src/forms/login-help-form.js';
import type { LoginHelpPassword } from '../src/forms/login-help-password.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import type { LocaleController } from '../src/i18n/locale-controller.js';
import { importLocalePart } from '../src/i18n/locale-loader.js';
import { isReady } from '../src/i18n/localization.js';
import { alertOf, dialogOf, part, submit, textOf, type } from './helpers/dom.js';
import { backend, holdLocale, json, startWorker, worker } from './helpers/msw.js';

// An outcome is announced once, as it appears: it must appear in the person's language even when
// the backend answers before the locale's texts have arrived. The dev server serves each locale as
// a module (src/i18n/locale-loader.ts); msw holds that module back, so the answer wins the race.
// Each test uses a locale no other test on this page has loaded (a module loads once per page).

const API = 'https://api.example';

/** The locale's generated texts, once the widget has loaded them (through the same loader). */
const textsOf = async (locale: 'es' | 'he'): Promise<Record<string, unknown>> => (await importLocalePart(locale, 'outcome')).templates;

const busy = (form: LoginHelpForm) => part(form, 'form').getAttribute('aria-busy');

/** What the dialog says at the moment it opens (its `open` attribute appears). */
function whenDialogOpens(form: LoginHelpForm) {
  const seen: { title: string; message: string; lang: string | null; busy: string | null }[] = [];
  const dialog = dialogOf(form);
  const observer = new MutationObserver(() => {
    if (dialog.open && seen.length === 0) {
      seen.push({
        title: textOf(part(form, '[part="dialog-title"]')),
        message: textOf(part(form, '[part="dialog-message"]')),
        lang: dialog.getAttribute('lang'),
        busy: busy(form),
      });
    }
  });
  observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
  return { seen, stop: () => observer.disconnect() };
}

/** The first text the alert region shows, with the form's state at that moment. */
function whenAlertAppears(form: LoginHelpForm) {
  const seen: { text: string; dir: string | null; busy: string | null }[] = [];
  const alert = alertOf(form);
  const observer = new MutationObserver(() => {
    const text = textOf(alert);
    if (text && seen.length === 0) seen.push({ text, dir: part(form, 'form').getAttribute('dir'), busy: busy(form) });
  });
  observer.observe(alert, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

/** A moment in which an answer that is not held back would have been shown. */
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('outcomes in the person’s language', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('opens the Attention dialog in Spanish when the answer beats the Spanish texts', async () => {
    const spanish = holdLocale('es');
    const seen = backend(`${API}/password-help`, json({ status: 'not_found' }));
    const el = await fixture<LoginHelpPassword>(html`<login-help-password lang="es" endpoint=${API}></login-help-password>`);
    const opening = whenDialogOpens(el);
    type(el, 'userName', 'rex.vega');
    type(el, 'requestedBy', 'Ana');
    const notFound = oneEvent(el, 'login-help-not-found');
    await submit(el);
    await notFound;
    await aMoment();
    const shownEarly = dialogOf(el).open;
    const busyWhileWaiting = busy(el);
    await submit(el);
    spanish.release();
    await waitUntil(() => opening.seen.length > 0, 'the dialog never opened', { timeout: 5000 });
    opening.stop();

    const es = await textsOf('es');
    const sentence = es['not-found.password'] as { strings: string[] };
    const [before, middle, after] = sentence.strings.map((piece) => piece.replace(/<[^>]+>/g, ''));
    const expected = `${before}rex.vega${middle}${es['dialog.email-us'] as string}${after}`.replace(/\s+/g, ' ').trim();
    expect(opening.seen[0], 'what the dialog said as it opened').to.deep.equal({
      title: es['dialog.title'],
      message: expected,
      lang: 'es',
      busy: 'false',
    });
    expect(shownEarly, 'not shown before its words').to.be.false;
    expect(busyWhileWaiting, 'busy until the outcome is shown').to.equal('true');
    expect(seen, 'a second submit while waiting does nothing').to.have.length(1);
  });

  it('shows an inline error in Hebrew, right to left, when the answer beats the Hebrew texts', async () => {
    const hebrew = holdLocale('he');
    backend(`${API}/forgot-username`, json({}, 500));
    const el = await fixture<LoginHelpUsername>(html`<login-help-username lang="he" endpoint=${API}></login-help-username>`);
    const appearing = whenAlertAppears(el);
    type(el, 'email', 'front@clinic.example');
    const error = oneEvent(el, 'login-help-error');
    await submit(el);
    expect((await error).detail.reason).to.equal('server');
    await aMoment();
    const shownEarly = textOf(alertOf(el));
    const busyWhileWaiting = busy(el);
    hebrew.release();
    await waitUntil(() => appearing.seen.length > 0, 'the alert never appeared', { timeout: 5000 });
    appearing.stop();

    const he = await textsOf('he');
    expect(appearing.seen[0], 'what the alert said as it appeared').to.deep.equal({ text: he['error.server'], dir: 'rtl', busy: 'false' });
    expect(shownEarly, 'not shown before its words').to.equal('');
    expect(busyWhileWaiting, 'busy until the outcome is shown').to.equal('true');
  });

  it('still shows the outcome, in English, when the texts never arrive', async () => {
    const french = holdLocale('fr');
    const events: string[] = [];
    backend(`${API}/forgot-username`, json({ status: 'not_found' }));
    const el = await fixture<LoginHelpUsername>(html`<login-help-username lang="fr" endpoint=${API}></login-help-username>`);
    el.addEventListener('login-help-not-found', (event) => events.push(event.type));
    const opening = whenDialogOpens(el);
    type(el, 'email', 'front@clinic.example');
    await submit(el);
    // The wait is bounded (3 s); the French module is held for good.
    await waitUntil(() => opening.seen.length > 0, 'a lost locale file hid the answer', { timeout: 8000 });
    opening.stop();
    expect(opening.seen[0].title).to.equal('Attention');
    expect(opening.seen[0].busy).to.equal('false');
    expect(events).to.deep.equal(['login-help-not-found']);
    french.release();
  });

  it('bounds the wait for outcome texts by its parameter', async () => {
    const german = holdLocale('de');
    const el = await fixture<LoginHelpUsername>(html`<login-help-username lang="de"></login-help-username>`);
    const i18n = (el as unknown as { i18n: LocaleController }).i18n;
    await i18n.needOutcomes(20);
    expect(isReady('de', 'outcome'), 'resolved by the bound, not by the texts').to.be.false;
    german.release();
    await i18n.needOutcomes(5000);
    expect(isReady('de', 'outcome'), 'and the texts, once they come').to.be.true;
  });
});
