import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from './helpers/engine.js';
import type { CSSResultOrNative } from 'lit';
import 'axe-core/axe.min.js';
import '../src/define.js';
import { LoginHelpPassword, LoginHelpUsername, LoginHelp } from '../src/index.js';
import { submitOf } from './helpers/dom.js';

// Theme tokens: every documented --login-help-* token is used, every used one is documented
// (in custom-elements.json and the README), every private --_* is defined and used; the dark
// scheme follows the page's color-scheme and can be forced.

interface Manifest {
  modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[];
}

const cssText = (styles: CSSResultOrNative | CSSResultOrNative[] | undefined): string =>
  [styles ?? []].flat(Infinity as 1).map((sheet) => ('cssText' in sheet ? sheet.cssText : '')).join('\n');

const names = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map(([name]) => name));

describe('theme tokens', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('documents exactly the public tokens the styles use, for every element', async () => {
    const css = [LoginHelp, LoginHelpUsername, LoginHelpPassword].map((element) => cssText(element.styles)).join('\n');
    const used = names(css, /--login-help-[a-z-]+/g);
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName)) {
      const documented = new Set((declaration.cssProperties ?? []).map(({ name }) => name));
      expect([...documented].sort(), declaration.tagName).to.deep.equal([...used].sort());
    }
    const readme = await (await fetch('/README.md')).text();
    const missing = [...used].filter((token) => !readme.includes(`\`${token}\``));
    expect(missing, 'tokens the README does not list').to.deep.equal([]);
  });

  it('defines every private token it uses and uses every one it defines', () => {
    const css = [LoginHelp, LoginHelpUsername, LoginHelpPassword].map((element) => cssText(element.styles)).join('\n');
    const defined = names(css, /--_[a-z-]+(?=\s*:)/g);
    const used = new Set([...css.matchAll(/var\((--_[a-z-]+)\)/g)].map(([, name]) => name));
    expect([...used].filter((name) => !defined.has(name)), 'used but never defined').to.deep.equal([]);
    expect([...defined].filter((name) => !used.has(name)), 'defined but never used').to.deep.equal([]);
  });

  // These two need the preference emulated; WebKitWebDriver cannot (MiniBrowser follows the desktop
  // theme it started with), so WebKit checks the forced themes only.
  it('stays light on a page that does not declare dark support, even when the person prefers dark', async function () {
    if (!(await emulateMedia({ colorScheme: 'dark' }))) this.skip();
    const el = await fixture<LoginHelpUsername>(html`<login-help-username></login-help-username>`);
    expect(getComputedStyle(submitOf(el)).backgroundColor).to.equal('rgb(29, 95, 168)');
  });

  it('follows the preference with theme="auto"', async function () {
    if (!(await emulateMedia({ colorScheme: 'dark' }))) this.skip();
    const auto = await fixture<LoginHelpUsername>(html`<login-help-username theme="auto"></login-help-username>`);
    expect(getComputedStyle(submitOf(auto)).backgroundColor).to.equal('rgb(138, 180, 248)');
  });

  it('theme="dark" forces the dark palette with its own background, whatever the preference', async () => {
    const dark = await fixture<LoginHelp>(html`<main><login-help theme="dark"></login-help></main>`);
    const panel = dark.querySelector('login-help')!;
    const form = panel.shadowRoot!.querySelector('login-help-password')!;
    await form.updateComplete;
    expect(getComputedStyle(panel).backgroundColor).to.equal('rgb(31, 32, 35)');
    expect(getComputedStyle(submitOf(form)).backgroundColor, 'the nested forms inherit the scheme').to.equal('rgb(138, 180, 248)');
    const results = await (window as unknown as { axe: { run: (e: Element, o: object) => Promise<{ violations: { id: string }[] }> } }).axe.run(dark, {
      runOnly: { type: 'tag', values: ['wcag2aa'] },
    });
    expect(results.violations.map(({ id }) => id), 'dark palette contrast').to.deep.equal([]);
  });

  it('lets a page override a token from outside', async () => {
    const el = await fixture<LoginHelpUsername>(html`<login-help-username class="brand"></login-help-username>`);
    el.style.setProperty('--login-help-color-accent', 'rgb(10, 80, 60)');
    expect(getComputedStyle(submitOf(el)).backgroundColor).to.equal('rgb(10, 80, 60)');
  });
});
