import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, narrowViewport, setViewport } from './helpers/engine.js';
import '../src/define.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import type { LoginHelp } from '../src/login-help.js';
import { alertOf, dialogOf, field, part, settled, statusOf, submit, submitOf, type } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

// Reflow (1.4.10), text spacing (1.4.12), target size (2.5.8), focus visible under forced
// colours (2.4.7), reduced motion — measured in the browser.

const API = 'https://api.clinic.example';
const LONG_EMAIL = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;

/** Every element in the light tree and all open shadow trees below `root`. */
function allElements(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      walk(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}

describe('layout and preferences', () => {
  before(startWorker);
  afterEach(async () => {
    worker.resetHandlers();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
  });

  it('reflows at 320 CSS px: nothing wider than the viewport, even a 254-character email in the dialog', async () => {
    const { width } = await narrowViewport();
    backend(`${API}/forgot-username`, json({ status: 'not_found' }));
    const panel = await fixture<LoginHelp>(html`<login-help endpoint=${API} support-email="help@clinic.example"></login-help>`);
    const form = panel.shadowRoot!.querySelector('login-help-username')!;
    await form.updateComplete;
    type(form, 'email', LONG_EMAIL);
    await submit(form);
    await settled(form);
    expect(dialogOf(form).open).to.be.true;
    const tooWide = allElements(panel)
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => element.localName + (element.id ? `#${element.id}` : ''));
    expect(tooWide).to.deep.equal([]);
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
  });

  it('clips nothing with WCAG 1.4.12 text spacing', async () => {
    const panel = await fixture<LoginHelp>(html`<login-help class="spaced"></login-help>`);
    const style = Object.assign(document.createElement('style'), {
      textContent: '.spaced { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }',
    });
    document.head.append(style);
    try {
      const form = panel.shadowRoot!.querySelector('login-help-password')!;
      await form.updateComplete;
      for (const element of [submitOf(form), ...form.shadowRoot!.querySelectorAll('label, [role="heading"]')]) {
        expect(element.scrollWidth, element.localName).to.be.at.most(element.clientWidth + 1);
        expect(element.scrollHeight, element.localName).to.be.at.most(element.clientHeight + 1);
      }
    } finally {
      style.remove();
    }
  });

  it('makes every target at least 24×24 CSS px', async () => {
    backend(`${API}/forgot-username`, json({ status: 'not_found' }));
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${API} support-email="help@clinic.example"></login-help-username>`);
    const expectTargetSize = (target: Element) => {
      const { width, height } = target.getBoundingClientRect();
      expect(width, `${target.localName} width`).to.be.at.least(24);
      expect(height, `${target.localName} height`).to.be.at.least(24);
    };
    await submit(el);
    [field(el, 'email'), submitOf(el), part(el, '[part="error-summary"] a')].forEach(expectTargetSize);
    type(el, 'email', 'nobody@clinic.example');
    await submit(el);
    await settled(el);
    // "email us" sits inside a sentence: 2.5.8's inline exception applies to it.
    expectTargetSize(part(el, '[part="ok"]'));
  });

  it('keeps a visible focus outline under forced colours', async () => {
    // WebKitWebDriver cannot emulate forced colours: there this checks the outline in normal colours.
    await emulateMedia({ forcedColors: 'active' });
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${API}></login-help-username>`);
    for (const target of [field(el, 'email'), submitOf(el)]) {
      target.focus({ focusVisible: true } as FocusOptions);
      const style = getComputedStyle(target);
      expect(style.outlineStyle, target.localName).to.not.equal('none');
      expect(parseFloat(style.outlineWidth), target.localName).to.be.at.least(2);
    }
  });

  it('has no motion when reduced motion is asked for', async function () {
    // WebKitWebDriver has no media emulation (MiniBrowser follows the desktop it started with).
    if (!(await emulateMedia({ reducedMotion: 'reduce' }))) this.skip();
    const panel = await fixture<LoginHelp>(html`<login-help></login-help>`);
    const moving = allElements(panel).filter((element) => {
      const style = getComputedStyle(element);
      return parseFloat(style.transitionDuration) > 0 || style.animationName !== 'none';
    });
    expect(moving.map((element) => element.localName)).to.deep.equal([]);
  });

  it('keeps its empty live regions rendered (so their first words are announced) but out of the layout', async () => {
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://api.example"></login-help-username>`);
    for (const region of [statusOf(el), alertOf(el)]) {
      expect(region.textContent?.trim()).to.equal('');
      expect(getComputedStyle(region).display).to.not.equal('none');
      const box = region.getBoundingClientRect();
      expect(box.width * box.height).to.equal(0);
    }
  });
});
