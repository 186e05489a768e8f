// End-to-end check: plain HTML pages that only load the script-tag bundle dist/login-help.js,
// talking to a real cross-origin HTTP backend (SPEC §4), driven by playwright-core in Chromium.
// Run from the project root after `npm run build`:  node test/e2e/run.js
//
// The cases live in cases-*.js; each file exports `pages()` (the host pages it needs, by path)
// and `cases` (run in order, each on a fresh browser context). E2E_GREP=regexp runs only the
// cases whose names match; CHROMIUM_PATH (or CHROME_PATH) picks the browser.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, chromiumLaunchOptions } from '../../scripts/chromium.js';
import { startBackend } from './backend-server.js';
import * as basic from './cases-basic.js';
import * as csp from './cases-csp.js';
import * as faults from './cases-faults.js';
import * as hostile from './cases-hostile.js';
import * as locales from './cases-locales.js';
import * as races from './cases-races.js';
import { MAIN_PAGE, SUPPORT_EMAIL, env } from './env.js';
import { check, onCleanup, oneLine, runSuite, sleep } from './harness.js';
import { closedPort, pageHtml, startPageServer } from './page-server.js';
import { recorded } from './steps.js';

const SUITES = [basic, faults, hostile, csp, races, locales];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST_FILE = path.join(ROOT, 'dist', 'login-help.js');

/**
 * Runs in every page before its own scripts (Playwright injects it; a page's CSP does not apply
 * to it): records unhandled rejections, CSP violations, alert()/confirm()/prompt() calls and the
 * widget's `login-help-*` events, for the checks after each case.
 */
function watchPage() {
  const w = globalThis;
  w.__rejections = [];
  w.__csp = [];
  w.__alerts = [];
  w.__events = [];
  w.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    w.__rejections.push(String((reason && reason.stack) || reason));
  });
  w.document.addEventListener('securitypolicyviolation', (event) => {
    w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
  for (const name of ['alert', 'confirm', 'prompt']) {
    w[name] = (...args) => {
      w.__alerts.push(`${name}(${args.map(String).join(', ')})`);
    };
  }
  for (const type of ['login-help-request', 'login-help-sent', 'login-help-not-found', 'login-help-error']) {
    w.document.addEventListener(type, (event) => {
      const detail = event.detail || {};
      w.__events.push({ type, form: detail.form, reason: detail.reason, status: detail.status });
    });
  }
}

async function setUp() {
  env.backend = await startBackend();
  onCleanup(() => env.backend.close());
  env.deadPort = await closedPort();

  // The plain host page every file may use; files add their own under their own paths.
  const pages = { [MAIN_PAGE]: pageHtml({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL }) };
  for (const suite of SUITES) {
    for (const [pagePath, page] of Object.entries(suite.pages())) {
      check(!Object.hasOwn(pages, pagePath), `two case files define the page ${pagePath}`);
      pages[pagePath] = page;
    }
  }
  env.pages = await startPageServer({ distFile: DIST_FILE, pages });
  onCleanup(() => env.pages.close());
  check(env.pages.origin !== env.backend.origin, 'page and backend must be different origins');
  env.backend.setAllowedOrigin(env.pages.origin);

  env.browser = await chromium.launch(chromiumLaunchOptions());
  onCleanup(() => env.browser.close());
}

/**
 * Runs one case on a fresh browser context and page, watching for page errors, console errors,
 * JS dialogs, and (through `watchPage`) unhandled rejections, CSP violations and alert() calls.
 * Case options:
 * - `allowFailedResource`: the case makes a request fail on purpose (4xx/5xx, refused, dropped),
 *   so Chromium's own "Failed to load resource" console line is expected;
 * - `allowConsoleErrors`: further console.error texts (regexps) the case expects;
 * - `expectCsp`: the case checks CSP violations itself (the sanity page has some on purpose).
 * `run(page, log)` gets `log.console`: every console message as `{ type, text }`.
 */
async function runCase(testCase) {
  env.backend.reset();
  env.pages.requests.length = 0;
  const context = await env.browser.newContext();
  const problems = [];
  const log = { console: [] };
  try {
    await context.addInitScript(watchPage);
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${oneLine(error)}`));
    page.on('dialog', (dialog) => {
      problems.push(`JS ${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      const text = message.text();
      log.console.push({ type: message.type(), text });
      if (message.type() !== 'error') return;
      if (testCase.allowFailedResource && text.startsWith('Failed to load resource')) return;
      if ((testCase.allowConsoleErrors || []).some((pattern) => pattern.test(text))) return;
      problems.push(`console.error: ${text}`);
    });
    await testCase.run(page, log);
    await sleep(50);
    if (!page.isClosed()) {
      const seen = await recorded(page);
      check(seen.rejections !== null, 'the init script did not run on the page');
      if (seen.rejections.length) problems.push(`unhandled rejection: ${seen.rejections.join(' ; ')}`);
      if (seen.alerts.length) problems.push(`called: ${seen.alerts.join(' ; ')}`);
      if (seen.pwned !== undefined) problems.push(`window.__pwned = ${JSON.stringify(seen.pwned)}`);
      if (!testCase.expectCsp && seen.csp.length) problems.push(`CSP violations: ${seen.csp.join(' ; ')}`);
    }
  } catch (error) {
    if (problems.length) error.message += ` [also: ${problems.join(' ; ')}]`;
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
  check(problems.length === 0, problems.join(' ; '));
}

await runSuite({
  watchdogMs: 150_000,
  runCase,
  async prepare() {
    if (!existsSync(DIST_FILE)) {
      throw new Error(`${path.relative(process.cwd(), DIST_FILE) || DIST_FILE} is missing: run "npm run build" first`);
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`no Chromium at ${CHROMIUM}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
    }
    await setUp();
    const filter = process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP, 'i') : null;
    const cases = SUITES.flatMap((suite) => suite.cases).filter((testCase) => !filter || filter.test(testCase.name));
    if (filter) console.log(`# E2E_GREP=${process.env.E2E_GREP}: ${cases.length} case(s) selected`);
    return cases;
  },
});
