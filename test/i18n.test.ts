import { expect, fixture, html, waitUntil as waitUntilFast } from '@open-wc/testing';
import '../src/define.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { matchLocale } from '../src/i18n/localization.js';
import { templates as es } from '../src/i18n/locales/es.js';
import { templates as ja } from '../src/i18n/locales/ja.js';
import { templates as ar } from '../src/i18n/locales/ar.js';
import { templates as ur } from '../src/i18n/locales/ur.js';
import type { LoginHelp } from '../src/login-help.js';
import { alertOf, dialogOf, part, settled, submit, textOf, type } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

/** Locale modules load through the dev server: give them time on a busy machine. */
const waitUntil = (probe: () => boolean, message?: string, { timeout = 5000 } = {}) => waitUntilFast(probe, message, { timeout });

// Locale resolution, on-demand loading, per-instance languages and right-to-left.

const heading = (panel: LoginHelp) => textOf(panel.shadowRoot!.querySelector('#panel-heading')!);
const usernameForm = (panel: LoginHelp) => panel.shadowRoot!.querySelector('login-help-username')!;
const labelOf = (form: Element) => textOf(form.shadowRoot!.querySelector('label')!);

/** Waits until the panel shows `text` as its heading (the locale chunk loads asynchronously). */
async function headingIs(panel: LoginHelp, text: string) {
  await waitUntil(() => heading(panel) === text, `heading never became "${text}" (is "${heading(panel)}")`);
}

describe('languages', () => {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    document.documentElement.lang = 'en';
  });

  it('matches a tag to a shipped locale, with region and script fallbacks', () => {
    const cases: [string | undefined, string][] = [
      ['es', 'es'], ['es-MX', 'es'], ['ES-mx', 'es'], ['fr-CA', 'fr'], ['pt', 'pt-BR'], ['pt-PT', 'pt-BR'],
      ['zh', 'zh-Hans'], ['zh-CN', 'zh-Hans'], ['zh-TW', 'zh-Hant'], ['zh-HK', 'zh-Hant'], ['zh-Hant-TW', 'zh-Hant'],
      // iw, in: withdrawn codes that WebKit's Intl.Locale keeps as they are (issue 25).
      ['iw', 'he'], ['iw-IL', 'he'], ['in', 'id'], ['fil', 'tl'], ['ar-EG', 'ar'], ['en-GB', 'en'], ['sw-KE', 'sw'], ['ur-PK', 'ur'], ['nb-NO', 'nb'], ['yo', 'en'], ['', 'en'], [undefined, 'en'], ['not a tag!', 'en'],
    ];
    expect(cases.map(([tag]) => matchLocale(tag))).to.deep.equal(cases.map(([, locale]) => locale));
  });

  it('renders the panel and its forms in the lang attribute’s language', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help lang="es" endpoint="https://api.example"></login-help>`);
    await headingIs(panel, es['panel.heading'] as string);
    const form = usernameForm(panel);
    await waitUntil(() => labelOf(form) === es['field.email']);
    expect(panel.shadowRoot!.querySelector('section')!.getAttribute('lang')).to.equal('es');
    await expect(panel).to.be.accessible();
  });

  it('falls back from a region (es-MX) to its language', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help lang="es-MX"></login-help>`);
    await headingIs(panel, es['panel.heading'] as string);
  });

  it('follows the nearest ancestor’s lang, then <html lang>, and re-renders when they change', async () => {
    document.documentElement.lang = 'ja';
    const wrapper = await fixture<HTMLDivElement>(html`<div><login-help></login-help></div>`);
    const panel = wrapper.querySelector('login-help')!;
    await headingIs(panel, ja['panel.heading'] as string);
    await waitUntil(() => labelOf(usernameForm(panel)) === ja['field.email'], 'the forms follow <html lang> too');
    document.documentElement.lang = 'es';
    await headingIs(panel, es['panel.heading'] as string);
    await waitUntil(() => labelOf(usernameForm(panel)) === es['field.email'], 'and its changes');
    panel.lang = 'ja';
    await headingIs(panel, ja['panel.heading'] as string);
    await waitUntil(() => labelOf(usernameForm(panel)) === ja['field.email'], 'the forms follow the panel');
    panel.removeAttribute('lang');
    await headingIs(panel, es['panel.heading'] as string);
    document.documentElement.lang = 'yo';
    await headingIs(panel, 'Login Help');
  });

  it('lets two widgets on one page speak two languages', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><login-help lang="es"></login-help><login-help lang="ja"></login-help></div>`);
    const [spanish, japanese] = [...wrapper.querySelectorAll('login-help')];
    await headingIs(spanish, es['panel.heading'] as string);
    await headingIs(japanese, ja['panel.heading'] as string);
    spanish.requestUpdate();
    await spanish.updateComplete;
    expect(heading(japanese)).to.equal(ja['panel.heading']);
    expect(heading(spanish)).to.equal(es['panel.heading']);
  });

  it('localizes messages, the Attention dialog, the mailto and the wait (with the language’s plural rules)', async () => {
    backend('https://api.example/forgot-username', json({ status: 'not_found' }));
    const el = await fixture<LoginHelpUsername>(html`<login-help-username lang="es" endpoint="https://api.example" support-email="help@clinic.example"></login-help-username>`);
    await waitUntil(() => labelOf(el) === es['field.email']);
    await submit(el);
    expect(textOf(part(el, '.error'))).to.contain(es['problem.email-required'] as string);
    type(el, 'email', 'nadie@clinica.example');
    await submit(el);
    await settled(el);
    expect(dialogOf(el).open).to.be.true;
    expect(dialogOf(el).getAttribute('lang')).to.equal('es');
    expect(textOf(part(el, '#dialog-title'))).to.equal(es['dialog.title']);
    expect(textOf(part(el, '#dialog-message strong'))).to.equal('nadie@clinica.example');
    expect(textOf(part(el, '#dialog-message a'))).to.equal(es['dialog.email-us']);
    const href = new URL(part<HTMLAnchorElement>(el, '#dialog-message a').href);
    expect(href.searchParams.get('subject')).to.equal(es['mail.username-subject']);
    expect(href.searchParams.get('body')).to.contain('nadie@clinica.example');
    part<HTMLButtonElement>(el, '[part="ok"]').click();
    worker.resetHandlers();
    backend('https://api.example/forgot-username', json({}, 429, { 'Retry-After': '60' }));
    await submit(el);
    await settled(el);
    expect(textOf(alertOf(el))).to.contain('1 minuto');
  });

  it('turns right-to-left for Arabic, Hebrew, Persian and Urdu, in the forms and the dialog', async () => {
    backend('https://api.example/password-help', json({ status: 'not_found' }));
    for (const lang of ['ar', 'he', 'fa', 'ur']) {
      const panel = await fixture<LoginHelp>(html`<login-help lang=${lang} endpoint="https://api.example"></login-help>`);
      const form = panel.shadowRoot!.querySelector('login-help-password')!;
      await waitUntil(() => panel.shadowRoot!.querySelector('section')!.getAttribute('dir') === 'rtl', `${lang}: panel rtl`);
      await waitUntil(() => form.shadowRoot!.querySelector('form')!.getAttribute('dir') === 'rtl', `${lang}: form rtl`);
      expect(dialogOf(form).getAttribute('dir')).to.equal('rtl');
    }
  });

  for (const [lang, texts] of [['ar', ar], ['ur', ur]] as const) {
  it(`mirrors the layout in ${lang === 'ar' ? 'Arabic' : 'Urdu'}: text, the invalid-field marker and the required star sit on the right side`, async () => {
    const panel = await fixture<LoginHelp>(html`<login-help lang=${lang} endpoint="https://api.example"></login-help>`);
    await headingIs(panel, texts['panel.heading'] as string);
    const form = panel.shadowRoot!.querySelector('login-help-password')!;
    await waitUntil(() => labelOf(form) === texts['field.user-name']);
    await submit(form);
    const input = form.shadowRoot!.querySelector('input')!;
    const style = getComputedStyle(input);
    expect([style.borderRightWidth, style.borderLeftWidth], 'the thick start border is on the right').to.deep.equal(['6px', '2px']);
    const label = form.shadowRoot!.querySelector('label')!.getBoundingClientRect();
    const star = form.shadowRoot!.querySelector('.required')!.getBoundingClientRect();
    expect(star.right, 'the * follows the label to its left').to.be.at.most(label.left + 1);
    const summary = form.shadowRoot!.querySelector('[part="error-summary"]')!;
    expect(getComputedStyle(summary).direction).to.equal('rtl');
    expect(getComputedStyle(panel.shadowRoot!.querySelector('#panel-heading')!).textAlign).to.be.oneOf(['start', 'right']);
    await expect(panel).to.be.accessible();
  });
  }
});
