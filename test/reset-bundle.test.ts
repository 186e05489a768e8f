import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, passthrough } from 'msw';
import { targetLocales } from '../src/i18n/locale-codes.js';
import { templates as es } from '../src/i18n/locales/es.js';
import { templates as fa } from '../src/i18n/locales/fa.js';
import { textOf } from './helpers/dom.js';
import { json, startWorker, worker } from './helpers/msw.js';
import { API, resetBackend, TOKEN } from './helpers/reset.js';

// The reset page's script-tag bundle, dist/login-help-reset.js, as a page loads it: nothing from
// ../src defines the tag here. `npm test` builds dist/ before the browser tests run.

const BUNDLE_URL = '/dist/login-help-reset.js';

interface ResetBundle {
  LoginHelpReset: CustomElementConstructor;
  defineLoginHelpReset: () => void;
}

const load = () => import(/* @vite-ignore */ BUNDLE_URL) as Promise<ResetBundle>;

describe('dist/login-help-reset.js', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('defines <login-help-reset> only, idempotently', async () => {
    const bundle = await load();
    expect(customElements.get('login-help-reset')).to.equal(bundle.LoginHelpReset);
    for (const tag of ['login-help', 'login-help-username', 'login-help-password']) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(() => bundle.defineLoginHelpReset()).not.to.throw();
    await import(/* @vite-ignore */ `${BUNDLE_URL}`);
  });

  it('is ASCII only and self-contained (only its locale modules are imported, by URL)', async () => {
    const code = await (await fetch(BUNDLE_URL)).text();
    expect(/[^\t\n\r\x20-\x7e]/.test(code), 'non-ASCII characters').to.be.false;
    expect(code).to.not.match(/\bfrom\s*["']/);
    expect(code).to.contain('Create a New Password');
    expect(code, 'none of the panel').to.not.contain('Forgot User Name');
    const panel = await (await fetch('/dist/login-help.js')).text();
    expect(panel, 'the panel carries none of the reset page').to.not.contain('Create a New Password');
  });

  it('fetches its texts per locale (dist/locales/es-reset.js) when a page needs them', async () => {
    await load();
    resetBackend();
    // The buffer holds 250 entries, and the dev server has served more than that already.
    performance.clearResourceTimings();
    const el = await fixture(html`<login-help-reset lang="es" endpoint=${API} token=${TOKEN}></login-help-reset>`);
    const heading = () => textOf(el.shadowRoot!.querySelector('[part="heading"]')!);
    await waitUntil(() => heading() === es['reset.heading'], `heading never became Spanish (is "${heading()}")`, { timeout: 5000 });
    const fetched = performance.getEntriesByType('resource').map(({ name }) => new URL(name).pathname);
    expect(fetched).to.include('/dist/locales/es-reset.js');
    expect(fetched, "the panel's Spanish modules are not needed").to.not.include.members(['/dist/locales/es.js', '/dist/locales/es-outcome.js']);
  });

  // Before the test below imports every locale module itself (a module loads once per page).
  it('says a dead link in Persian, and nothing in English first, when the check beats dist/locales/fa-reset.js', async () => {
    await load();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(/\/dist\/locales\/fa-reset\.js(\?|$)/, async () => {
        await released;
        return passthrough();
      }),
    );
    const check = resetBackend(json({ status: 'expired' }, 410)).check;
    const el = await fixture(html`<login-help-reset lang="fa" endpoint=${API} token=${TOKEN}></login-help-reset>`);
    const alert = el.shadowRoot!.querySelector('[part="alert"]')!;
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      if (!seen.length && textOf(alert)) seen.push(textOf(alert));
    });
    observer.observe(alert, { childList: true, subtree: true, characterData: true });
    await waitUntil(() => check.length === 1, 'the link was never checked');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const early = { alert: textOf(alert), status: textOf(el.shadowRoot!.querySelector('[part="status"]')!) };
    release();
    await waitUntil(() => seen.length > 0, 'the alert never appeared', { timeout: 5000 });
    observer.disconnect();
    expect(early, 'nothing before its words, not even "Checking your link…"').to.deep.equal({ alert: '', status: '' });
    expect(seen[0]).to.equal(`${fa['reset.link-expired'] as string} ${fa['reset.new-link-text'] as string}`);
  });

  it('ships one module per locale, holding the reset texts only; the panel modules hold none of them', async () => {
    for (const locale of targetLocales) {
      const response = await fetch(`/dist/locales/${locale}-reset.js`);
      expect(response.ok, locale).to.be.true;
      const module = (await import(/* @vite-ignore */ `/dist/locales/${locale}-reset.js`)) as { templates: Record<string, unknown>; partial?: boolean };
      expect(Object.keys(module.templates), locale).to.have.length(40);
      expect(module.partial, locale).to.equal(undefined);
    }
    const spanishPanel = (await (await fetch('/dist/locales/es.js')).text()) + (await (await fetch('/dist/locales/es-outcome.js')).text());
    expect(spanishPanel).to.not.contain(es['reset.heading'] as string);
  });
});
