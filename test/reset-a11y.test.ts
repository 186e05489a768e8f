import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { emulateMedia, narrowViewport, press, setViewport } from './helpers/engine.js';
import { delay, HttpResponse } from 'msw';
import 'axe-core/axe.min.js';
import '../src/define.js';
import { templates as ar } from '../src/i18n/locales/ar.js';
import type { LoginHelpReset } from '../src/reset/login-help-reset.js';
import { part, textOf } from './helpers/dom.js';
import { json, startWorker, worker } from './helpers/msw.js';
import { API, input, MIN_LENGTH, mountReset, PASSWORD, resetBackend, save, saveOf, settledReset, statusOf, toggleOf, TOKEN, USER_NAME, validLink } from './helpers/reset.js';

// <login-help-reset> for people who use a keyboard, a screen reader, a small screen, forced
// colours or a right-to-left language: axe in every state, a keyboard-only run, reflow at 320 px.

interface AxeResults {
  violations: { id: string; nodes: unknown[] }[];
  passes: unknown[];
}
const axe = () => (window as unknown as { axe: { run: (context: Element, options: object) => Promise<AxeResults> } }).axe;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function audit(context: Element, label: string) {
  // region: the fixture is not inside a landmark, which is the host page's business, not ours.
  const results = await axe().run(context, { runOnly: { type: 'tag', values: TAGS }, rules: { region: { enabled: false } } });
  console.log(`axe <login-help-reset> ${label}: ${results.violations.length} violations, ${results.passes.length} rules passed`);
  expect(results.violations.map((violation) => `${violation.id} (${violation.nodes.length})`), label).to.deep.equal([]);
}

const mountIn = (attributes = '') =>
  fixture<HTMLElement>(html`<main>${attributes === 'no-token' ? html`<login-help-reset endpoint=${API} help-url="/help"></login-help-reset>` : html`<login-help-reset endpoint=${API} token=${TOKEN} help-url="/help" login-url="/sign-in" timeout="300"></login-help-reset>`}</main>`);

/** The element that has focus, looking through open shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<login-help-reset>: accessibility', () => {
  before(startWorker);
  afterEach(async () => {
    worker.resetHandlers();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  });

  const states: [string, () => Promise<(el: LoginHelpReset) => Promise<void>>][] = [
    ['checking', async () => {
      resetBackend(async () => (await delay(2000), HttpResponse.json({ status: 'valid', userName: USER_NAME, minLength: MIN_LENGTH })));
      return async (el) => {
        await waitUntil(() => textOf(statusOf(el)) === 'Checking your link…');
      };
    }],
    ['form', async () => (resetBackend(), settledReset)],
    ['field errors', async () => (resetBackend(), async (el) => (await settledReset(el), await save(el, 'short', 'other')))],
    ['server field error', async () => (resetBackend(validLink, json({ status: 'invalid', errors: { password: 'This password is too common.' } }, 422)), async (el) => (await settledReset(el), await save(el)))],
    ['Show on', async () => (resetBackend(), async (el) => {
      await settledReset(el);
      toggleOf(el, 'password').click();
      toggleOf(el, 'confirm').click();
      await el.updateComplete;
      expect(input(el, 'password').type).to.equal('text');
    })],
    ['saving', async () => (resetBackend(validLink, async () => (await delay(2000), HttpResponse.json({ status: 'reset' }))), async (el) => {
      await settledReset(el);
      input(el, 'password').value = PASSWORD;
      input(el, 'confirm').value = PASSWORD;
      saveOf(el).click();
      await el.updateComplete;
      expect(part(el, 'form').getAttribute('aria-busy')).to.equal('true');
    })],
    ['success', async () => (resetBackend(), async (el) => (await settledReset(el), await save(el)))],
    ['save fault', async () => (resetBackend(validLink, json({}, 429, { 'Retry-After': '60' })), async (el) => (await settledReset(el), await save(el)))],
    ['link expired', async () => (resetBackend(json({ status: 'expired' }, 410)), settledReset)],
    ['link used', async () => (resetBackend(json({ status: 'used' }, 410)), settledReset)],
    ['link not valid', async () => (resetBackend(json({ status: 'invalid_token' }, 404)), settledReset)],
    ['check fault', async () => (resetBackend(() => HttpResponse.error()), settledReset)],
  ];
  for (const [state, setUp] of states) {
    it(`axe finds nothing: ${state}`, async () => {
      const enter = await setUp();
      const wrapper = await mountIn();
      await enter(wrapper.querySelector('login-help-reset')!);
      await audit(wrapper, state);
    });
  }

  it('axe finds nothing: no token at all', async () => {
    const wrapper = await mountIn('no-token');
    await settledReset(wrapper.querySelector('login-help-reset')!);
    await audit(wrapper, 'no token');
  });

  it('keyboard only: Tab order, Show keeps focus, Enter submits, focus lands on the sign-in link', async () => {
    const { save: saved } = resetBackend();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="before">before</button>
      <login-help-reset endpoint=${API} token=${TOKEN} login-url="/sign-in"></login-help-reset>
    </div>`);
    const el = wrapper.querySelector('login-help-reset')!;
    await settledReset(el);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const order = [input(el, 'userName'), input(el, 'password'), toggleOf(el, 'password'), input(el, 'confirm'), toggleOf(el, 'confirm'), saveOf(el)];
    for (const [index, target] of order.entries()) {
      await press('Tab');
      expect(deepActive() === target, `Tab ${index + 1} reaches ${target.id || target.getAttribute('aria-label') || textOf(target)}`).to.be.true;
    }
    await press('Shift+Tab');
    await press('Shift+Tab');
    expect(deepActive() === input(el, 'confirm')).to.be.true;
    await sendKeys({ type: 'correct horse battery staple' });
    await press('Tab');
    await press('Enter');
    await el.updateComplete;
    expect(input(el, 'confirm').type, 'Enter on Show shows').to.equal('text');
    expect(deepActive() === toggleOf(el, 'confirm'), 'focus stays on Show/Hide').to.be.true;
    await press('Space');
    await el.updateComplete;
    expect(input(el, 'confirm').type, 'Space hides again').to.equal('password');
    input(el, 'password').focus();
    await sendKeys({ type: 'correct horse battery staple' });
    await press('Enter');
    await settledReset(el);
    expect(saved).to.have.length(1);
    expect(saved[0]!.body).to.deep.equal({ token: TOKEN, password: 'correct horse battery staple' });
    expect(textOf(statusOf(el))).to.equal('Your password has been changed.');
    expect(deepActive() === part(el, '[part="link"]'), 'focus on the sign-in link').to.be.true;
  });

  it('keyboard only: an invalid Save focuses the summary; its link takes Enter and focuses the field', async () => {
    resetBackend();
    const el = await mountReset(html`<login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset>`);
    input(el, 'password').focus();
    await sendKeys({ type: 'x'.repeat(MIN_LENGTH) });
    await press('Enter');
    await el.updateComplete;
    expect(deepActive() === part(el, '[part="error-summary"]')).to.be.true;
    await press('Tab');
    await press('Enter');
    expect(deepActive() === input(el, 'confirm')).to.be.true;
  });

  it('reflows at 320 CSS px: nothing wider than the viewport, even a long server message', async () => {
    const { width } = await narrowViewport();
    resetBackend(validLink, json({ status: 'invalid', errors: { password: `Refused:${'x'.repeat(300)}` } }, 422));
    const el = await mountReset(html`<login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset>`);
    await save(el);
    const tooWide = [...el.shadowRoot!.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => element.localName + (element.id ? `#${element.id}` : ''));
    expect(tooWide).to.deep.equal([]);
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    for (const target of [input(el, 'password'), toggleOf(el, 'password'), saveOf(el)]) {
      const { width, height } = target.getBoundingClientRect();
      expect(width >= 24 && height >= 24, `${target.localName} is at least 24×24`).to.be.true;
    }
  });

  it('keeps a visible focus outline under forced colours', async () => {
    // WebKitWebDriver cannot emulate forced colours: there this checks the outline in normal colours.
    await emulateMedia({ forcedColors: 'active' });
    resetBackend();
    const el = await mountReset(html`<login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset>`);
    for (const target of [input(el, 'password'), toggleOf(el, 'password'), saveOf(el)]) {
      target.focus({ focusVisible: true } as FocusOptions);
      const style = getComputedStyle(target);
      expect(style.outlineStyle, target.id || textOf(target)).to.not.equal('none');
      expect(parseFloat(style.outlineWidth), target.id || textOf(target)).to.be.at.least(2);
    }
  });

  it('Arabic: right to left, in Arabic, and axe finds nothing', async () => {
    const { check } = resetBackend();
    const wrapper = await fixture<HTMLElement>(html`<main><login-help-reset lang="ar" endpoint=${API} token=${TOKEN}></login-help-reset></main>`);
    const el = wrapper.querySelector('login-help-reset')!;
    await settledReset(el);
    await waitUntil(() => textOf(part(el, '[part="heading"]')) === ar['reset.heading'], 'the Arabic texts never arrived', { timeout: 5000 });
    const section = part(el, 'section');
    expect(section.getAttribute('dir')).to.equal('rtl');
    expect(section.getAttribute('lang')).to.equal('ar');
    expect(textOf(saveOf(el))).to.equal(ar['reset.save']);
    expect(check[0]!.headers.get('accept-language')).to.equal('ar');
    // The Show button sits at the inline end: the left in right-to-left.
    expect(toggleOf(el, 'password').getBoundingClientRect().left).to.be.below(input(el, 'password').getBoundingClientRect().left);
    await audit(wrapper, 'Arabic');
  });

  it('theme="dark": the dark palette passes colour contrast', async () => {
    resetBackend(validLink, json({ status: 'invalid', errors: { password: 'Too common.' } }, 422));
    const wrapper = await fixture<HTMLElement>(html`<main><login-help-reset theme="dark" endpoint=${API} token=${TOKEN} help-url="/help"></login-help-reset></main>`);
    const el = wrapper.querySelector('login-help-reset')!;
    await settledReset(el);
    await save(el);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(31, 32, 35)');
    await audit(wrapper, 'dark theme, field error');
  });
});
