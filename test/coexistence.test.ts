import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { configureLocalization, msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, ReactiveElement, html } from 'lit';

// A host app with its own Lit (node_modules `lit`, dev build) and its own @lit/localize, already
// configured and switched to Spanish, then the script-tag bundle dist/login-help.js (its own
// copies of both) loaded next to it. Nothing here comes from ../src: the page holds only the
// host's copies and the bundle's. `npm test` builds dist/ before the browser tests run.

const BUNDLE_URL = '/dist/login-help.js';

/** `panel.heading`'s target in xliff/es.xlf. */
const SPANISH_HEADING = 'Ayuda para iniciar sesión';

class HostAppGreeting extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<p>${msg('Hello', { id: 'greeting' })}</p>`;
  }
}

const textOf = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const greetingOf = (host: Element) => textOf(host.shadowRoot?.querySelector('p'));
const headingOf = (panel: Element) => textOf(panel.shadowRoot?.querySelector('[part="heading"]'));

/** The constructors on `constructor`'s prototype chain, itself included. */
function chainOf(constructor: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = constructor; typeof current === 'function'; current = Object.getPrototypeOf(current)) chain.push(current);
  return chain;
}

async function headingIs(panel: Element, text: string) {
  await waitUntil(() => headingOf(panel) === text, `heading never became "${text}" (is "${headingOf(panel)}")`, { timeout: 3000 });
}

describe('next to a host app with its own Lit and @lit/localize', () => {
  /** Everything thrown, rejected, warned or logged as an error on the page from `before` on. */
  const problems: string[] = [];
  const original = { warn: console.warn, error: console.error };
  const onError = (event: ErrorEvent) => problems.push(`error: ${String(event.error ?? event.message)}`);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandledrejection: ${String(event.reason)}`);
  const TAGS = ['login-help', 'login-help-username', 'login-help-password'] as const;

  before(() => {
    document.documentElement.lang = 'en';
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    console.warn = (...args: unknown[]) => {
      problems.push(`console.warn: ${args.map(String).join(' ')}`);
      original.warn.apply(console, args);
    };
    console.error = (...args: unknown[]) => {
      problems.push(`console.error: ${args.map(String).join(' ')}`);
      original.error.apply(console, args);
    };
  });

  after(() => {
    console.warn = original.warn;
    console.error = original.error;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('the host app speaks Spanish through its own @lit/localize', async () => {
    expect('litIssuedWarnings' in globalThis, 'the host’s Lit is the dev build').to.be.true;
    const { setLocale, getLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['es'],
      loadLocale: async () => ({ templates: { greeting: 'Hola' } }),
    });
    await setLocale('es');
    expect(getLocale()).to.equal('es');
    customElements.define('host-app-greeting', HostAppGreeting);
    const host = await fixture<HostAppGreeting>(fixtureHtml`<host-app-greeting></host-app-greeting>`);
    expect(greetingOf(host)).to.equal('Hola');
  });

  it('loads the bundle: its own Lit, the three tags defined', async () => {
    for (const tag of TAGS) expect(customElements.get(tag), `<${tag}> before the bundle`).to.equal(undefined);
    const bundle = (await import(/* @vite-ignore */ BUNDLE_URL)) as { LoginHelp: unknown };
    for (const tag of TAGS) expect(customElements.get(tag), `<${tag}> after the bundle`).to.be.a('function');
    const registered = customElements.get('login-help');
    expect(registered).to.equal(bundle.LoginHelp);
    const chain = chainOf(registered);
    expect(chain.includes(HTMLElement), 'LoginHelp is an HTMLElement').to.be.true;
    expect(chain.includes(LitElement), 'LoginHelp extends the host’s LitElement').to.be.false;
    expect(chain.includes(ReactiveElement), 'LoginHelp extends the host’s ReactiveElement').to.be.false;
    expect(new (registered as CustomElementConstructor)() instanceof LitElement).to.be.false;
  });

  it('<login-help lang="es"> shows the Spanish heading', async () => {
    const panel = await fixture(fixtureHtml`<login-help lang="es" endpoint="https://api.example" support-email="support@clinic.example"></login-help>`);
    await headingIs(panel, SPANISH_HEADING);
  });

  it('<login-help> without lang on an <html lang="en"> page shows "Login Help"', async () => {
    expect(document.documentElement.lang).to.equal('en');
    const panel = await fixture(fixtureHtml`<login-help endpoint="https://api.example"></login-help>`);
    await (panel as ReactiveElement).updateComplete;
    expect(headingOf(panel)).to.equal('Login Help');
    // Even after a Spanish panel has rendered, and with the host app in Spanish.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(headingOf(panel)).to.equal('Login Help');
  });

  it('the host app still speaks Spanish with the bundle on the page', async () => {
    const host = await fixture<HostAppGreeting>(fixtureHtml`<host-app-greeting></host-app-greeting>`);
    expect(greetingOf(host)).to.equal('Hola');
  });

  it('importing the bundle a second time (same URL) defines nothing new and throws nothing', async () => {
    const before = TAGS.map((tag) => customElements.get(tag));
    const define = customElements.define;
    const defined: string[] = [];
    customElements.define = function (this: CustomElementRegistry, name: string, ...rest) {
      defined.push(name);
      return define.call(this, name, ...rest);
    } as typeof customElements.define;
    try {
      await import(/* @vite-ignore */ `${BUNDLE_URL}`);
    } finally {
      customElements.define = define;
    }
    expect(defined).to.deep.equal([]);
    expect(TAGS.map((tag) => customElements.get(tag))).to.deep.equal(before);
  });

  it('nothing was thrown, rejected, warned or logged as an error', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(problems).to.deep.equal([]);
  });
});
