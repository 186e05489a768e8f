// The seed's browsers: one small interface over the three engines, so each case reads the same in
// Chromium and Firefox (puppeteer-core: CDP and WebDriver BiDi) and WebKitGTK (selenium-webdriver
// through WebKitWebDriver). Everything a person sees is found in the page by `inPage` (roles,
// labels and names through open shadow roots); typing and clicking go through each driver's own
// input events, as a person's would.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../../scripts/chromium.js';
import { assertFirefox, firefoxLaunchOptions } from '../../scripts/engines/firefox.js';
import { startWebKit } from '../../scripts/engines/webkit.js';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs in every page before its own scripts where the driver allows it (Chromium and Firefox),
 * else right after each load (WebKit): records CSP violations, uncaught errors, unhandled
 * rejections, console.error calls and alert()/confirm()/prompt() in sessionStorage, so they
 * survive a same-origin navigation (the mailbox page to the reset page).
 */
export function watchPage() {
  const w = globalThis;
  if (w.__seedWatching) return;
  w.__seedWatching = true;
  const report = (text) => {
    try {
      const list = JSON.parse(w.sessionStorage.getItem('__seedProblems') || '[]');
      list.push(`${text} (on ${w.location.href})`);
      w.sessionStorage.setItem('__seedProblems', JSON.stringify(list));
    } catch {
      // an opaque origin (about:blank) has no storage
    }
  };
  w.document.addEventListener('securitypolicyviolation', (event) => report(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  w.addEventListener('error', (event) => report(`uncaught: ${event.message}`));
  w.addEventListener('unhandledrejection', (event) => report(`unhandled rejection: ${String((event.reason && event.reason.stack) || event.reason)}`));
  const consoleError = w.console.error.bind(w.console);
  w.console.error = (...args) => {
    report(`console.error: ${args.map(String).join(' ')}`);
    consoleError(...args);
  };
  for (const name of ['alert', 'confirm', 'prompt']) {
    w[name] = (...args) => report(`called ${name}(${args.map(String).join(', ')})`);
  }
}

/**
 * Everything the cases read or find in a page: `op` names one question, its answer is plain data
 * or one element. Self-contained (it is sent to the page as source).
 */
export function inPage(op, ...args) {
  const d = globalThis.document;
  const deepAll = (selector, root = d) => {
    const found = [...root.querySelectorAll(selector)];
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...deepAll(selector, element.shadowRoot));
    return found;
  };
  const text = (element) => (element ? element.innerText || element.textContent || '' : '').replace(/\s+/g, ' ').trim();
  const visible = (element) => {
    if (!element || !element.isConnected) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && globalThis.getComputedStyle(element).visibility !== 'hidden';
  };
  const nameOf = (element) => {
    const ids = element.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\s+/).map((id) => text(element.getRootNode().getElementById(id))).join(' ').trim();
    return (element.getAttribute('aria-label') || '').trim();
  };
  const form = (name) => deepAll('form').find((element) => nameOf(element) === name);
  const reset = () => d.querySelector('login-help-reset')?.shadowRoot ?? null;
  const dialog = () => deepAll('[role="alertdialog"]').find((element) => nameOf(element) === 'Attention' && visible(element));
  const newestArticle = (subject) => [...d.querySelectorAll('article')].find((article) => text(article.querySelector('h2')) === subject);
  const ops = {
    panelReady: (...names) => Boolean(globalThis.customElements.get('login-help')) && names.every((name) => visible(form(name))),
    field: (formName, label) => {
      const scope = form(formName);
      const labelElement = scope && [...scope.querySelectorAll('label')].find((element) => text(element).includes(label));
      return labelElement ? scope.getRootNode().getElementById(labelElement.htmlFor) : null;
    },
    button: (formName, name) => [...(form(formName)?.querySelectorAll('button') ?? [])].find((element) => text(element) === name) ?? null,
    roleText: (formName, role) => [...(form(formName)?.querySelectorAll(`[role="${role}"]`) ?? [])].map(text).join(' ').trim(),
    formHost: (formName) => form(formName)?.getRootNode().host?.localName ?? null,
    attention: () => {
      const element = dialog();
      if (!element) return null;
      const root = element.getRootNode();
      const emailUs = [...element.querySelectorAll('a')].find((link) => text(link) === 'email us');
      return {
        tag: element.localName,
        open: element.open === true,
        modal: element.matches(':modal'),
        host: root.host?.localName ?? null,
        title: text(root.getElementById(element.getAttribute('aria-labelledby') ?? '')),
        text: text(element),
        mailto: emailUs?.getAttribute('href') ?? null,
      };
    },
    article: (subject) => {
      const article = newestArticle(subject);
      if (!article) return null;
      const links = [...article.querySelectorAll('pre a[href*="#token="]')];
      return { title: text(article.querySelector('h2')), text: text(article), links: links.map((link) => ({ href: link.getAttribute('href'), visible: visible(link) })) };
    },
    articleLink: (subject, href) => [...(newestArticle(subject)?.querySelectorAll('pre a') ?? [])].find((link) => link.getAttribute('href') === href) ?? null,
    // What the page itself shows inside <login-help-reset> while the element is not defined.
    resetFallback: () => {
      const host = d.querySelector('login-help-reset');
      const heading = host?.querySelector('h1');
      return host ? { defined: Boolean(globalThis.customElements.get('login-help-reset')), heading: text(heading), visible: visible(heading), text: text(host) } : null;
    },
    // <login-help-reset>'s parts, through its shadow root.
    inReset: (selector) => reset()?.querySelector(selector) ?? null,
    resetFacts: (selector) => {
      const element = reset()?.querySelector(selector);
      return element
        ? {
            text: text(element),
            visible: visible(element),
            value: element.value ?? null,
            invalid: element.getAttribute('aria-invalid'),
            role: element.getAttribute('role'),
            dir: element.getAttribute('dir'),
          }
        : null;
    },
    focusedPart: () => {
      let active = d.activeElement;
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      return active ? active.getAttribute('part') : null;
    },
    prepareTyping: (element) => {
      element.focus();
      element.select?.();
      return true;
    },
    // What watchPage recorded on this origin; forgets it.
    takeProblems: () => {
      try {
        const list = JSON.parse(globalThis.sessionStorage.getItem('__seedProblems') || '[]');
        globalThis.sessionStorage.removeItem('__seedProblems');
        return list;
      } catch {
        return [];
      }
    },
    watching: () => globalThis.__seedWatching === true,
    // The whole page, WCAG 2.0–2.2 A/AA and best practice: violations, and what axe could not decide.
    axe: async () => {
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
      const results = await globalThis.axe.run(d, { runOnly: { type: 'tag', values: tags } });
      const list = (items) => items.map((item) => `${item.id} (${item.nodes.length}: ${item.nodes.map((node) => node.target.join(' ')).join(', ')})`);
      return { violations: list(results.violations), incomplete: list(results.incomplete), passes: results.passes.length };
    },
  };
  return ops[op](...args);
}

/** A page of a puppeteer browser (Chromium over CDP, Firefox over WebDriver BiDi), in its own context. */
class PuppeteerPage {
  constructor(context, page) {
    this.context = context;
    this.page = page;
    this.seen = [];
    page.on('pageerror', (error) => this.seen.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      this.seen.push(`JS ${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
  }

  /** Sends `Accept-Language: tag` with every request of this page, as a browser set to that language would. */
  async setLanguage(tag) {
    await this.page.setExtraHTTPHeaders({ 'Accept-Language': tag });
  }

  async goto(url) {
    await this.#harvest();
    await this.page.goto(url, { waitUntil: 'load' });
  }

  /** Takes what the page's watcher recorded before its origin is left. */
  async #harvest() {
    this.seen.push(...(await this.ask('takeProblems').catch(() => [])));
  }

  url() {
    return this.page.url();
  }

  ask(op, ...args) {
    return this.page.evaluate(inPage, op, ...args);
  }

  async element(op, ...args) {
    const handle = await this.page.evaluateHandle(inPage, op, ...args);
    return handle.asElement();
  }

  click(element) {
    return element.click();
  }

  async type(element, text) {
    await element.evaluate((node) => {
      node.focus();
      node.select?.();
    });
    await this.page.keyboard.type(text);
  }

  async injectAxe() {
    await this.page.evaluate(await AXE_SOURCE);
  }

  /** Fails every request whose URL includes `part`, as a browser that cannot load it would. */
  async failRequests(part) {
    await this.page.setRequestInterception(true);
    this.page.on('request', (request) => (request.url().includes(part) ? request.abort() : request.continue()).catch(() => {}));
  }

  async problems() {
    await this.#harvest();
    return this.seen;
  }

  close() {
    return this.context.close();
  }
}

/** The one MiniBrowser window of a WebKitWebDriver session. */
class WebKitPage {
  constructor(driver) {
    this.driver = driver;
    this.seen = [];
  }

  async goto(url) {
    await this.#harvest();
    await this.driver.get(url);
    // WebDriver classic has no script that runs before the page's own: watch from here on.
    await this.driver.executeScript(`(${watchPage})()`);
  }

  url() {
    return this.driver.getCurrentUrl();
  }

  async ask(op, ...args) {
    // Asynchronous, so `axe` (a promise) and the rest go through one path.
    const answer = await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${inPage})(...Array.prototype.slice.call(arguments, 0, -1)))
         .then(done, (error) => done({ __error: String(error && error.stack || error) }));`,
      op,
      ...args,
    );
    if (answer && typeof answer === 'object' && '__error' in answer) throw new Error(answer.__error);
    return answer;
  }

  element(op, ...args) {
    return this.ask(op, ...args);
  }

  click(element) {
    return element.click();
  }

  async type(element, text) {
    await this.driver.executeScript('arguments[0].focus(); arguments[0].select && arguments[0].select();', element);
    await this.driver.actions().sendKeys(text).perform();
  }

  async injectAxe() {
    await this.driver.executeScript(`${await AXE_SOURCE}; return true;`);
  }

  /** WebDriver classic cannot intercept requests: the caller skips what needs it. */
  failRequests = undefined;

  /** Takes what the page's watcher recorded before its origin is left. */
  async #harvest() {
    this.seen.push(...(await this.ask('takeProblems').catch(() => [])));
  }

  async problems() {
    await this.#harvest();
    return this.seen;
  }

  async close() {
    // One window for the run: forget this case's page and its storage.
    await this.driver.get('about:blank');
    await this.driver.manage().deleteAllCookies();
  }
}

/** Launches `engine`; resolves { name, newPage(), close() }. */
export async function launchEngine(engine) {
  if (engine === 'webkit') {
    const { driver, stop } = await startWebKit();
    return { name: 'WebKitGTK', newPage: async () => new WebKitPage(driver), close: stop };
  }
  const options =
    engine === 'firefox'
      ? (assertFirefox(), firefoxLaunchOptions())
      : (assertChromium(), { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'), headless: true });
  const browser = await puppeteer.launch(options);
  return {
    name: engine === 'firefox' ? 'Firefox ESR' : 'Chromium',
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.evaluateOnNewDocument(watchPage);
      return new PuppeteerPage(context, page);
    },
    close: () => browser.close(),
  };
}
