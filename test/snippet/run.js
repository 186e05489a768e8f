// End-to-end test of the snippet builder for CMS editors, as built into dist/ (after
// `npm run build`): `node test/snippet/run.js`. The builder page is served under a strict CSP;
// the test fills its form (a malformed support email is flagged, then fixed), copies the snippet
// and the CSS, pastes them into a blank CMS page under a strict CSP with Trusted Types, and uses
// the panel there against the mock backend. Chromium through playwright-core (scripts/chromium.js).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_EMAIL } from '../../lib/mock-backend.js';
import { assertChromium, chromiumLaunchOptions } from '../../scripts/chromium.js';
import { check, equal, onCleanup, oneLine, runSuite, sleep, until } from '../e2e/harness.js';
import { readDist, startServer } from './server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const BUILDER = '/builder/snippet-builder.html';
const AXE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const BAD_EMAIL = 'soporte@clinica.example?subject=hola';
const GOOD_EMAIL = 'soporte@clinica.example';
const HEADING = 'Ayuda con el acceso \u2013 Cl\u00ednica Patitas';
const NOT_FOUND = 'No encontramos esa direcci\u00f3n <b>aqu\u00ed</b>. Llame a recepci\u00f3n: 555-0100.';
const BRAND = '#0f766e';
const BRAND_RGB = 'rgb(15, 118, 110)';

const env = { files: {}, server: undefined, browser: undefined, integrity: '', snippet: '', css: '' };

/** Runs in every page before its scripts: records CSP violations, rejections and widget events. */
function watchPage() {
  const w = globalThis;
  w.__csp = [];
  w.__rejections = [];
  w.__events = [];
  w.addEventListener('unhandledrejection', (event) => w.__rejections.push(String(event.reason && event.reason.stack ? event.reason.stack : event.reason)));
  w.document.addEventListener('securitypolicyviolation', (event) => w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
  for (const type of ['login-help-request', 'login-help-sent', 'login-help-not-found', 'login-help-error']) {
    w.document.addEventListener(type, (event) => w.__events.push({ type, form: event.detail && event.detail.form }));
  }
}

const recorded = (page) => page.evaluate(() => ({ csp: globalThis.__csp, rejections: globalThis.__rejections, events: globalThis.__events }));

/** A fresh context and page; fails the case on page errors, console errors, CSP violations. */
async function withPage({ allowFailedResource = false, ...options }, run) {
  const context = await env.browser.newContext(options);
  const problems = [];
  try {
    await context.addInitScript(watchPage);
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${oneLine(error)}`));
    page.on('console', (message) => {
      if (allowFailedResource && /^Failed to load resource: the server responded with a status of 404/.test(message.text())) return;
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    await run(page, context);
    await sleep(50);
    const seen = await recorded(page);
    if (seen.csp.length) problems.push(`CSP violations: ${seen.csp.join(' ; ')}`);
    if (seen.rejections.length) problems.push(`unhandled rejections: ${seen.rejections.join(' ; ')}`);
  } catch (error) {
    if (problems.length) error.message += ` [also: ${problems.join(' ; ')}]`;
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
  check(problems.length === 0, problems.join(' ; '));
}

async function openBuilder(page) {
  await page.goto(env.server.url(BUILDER), { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.customElements.get('login-help') !== undefined);
  await page.locator('#sb-snippet').waitFor({ state: 'visible' });
}

const isAscii = (text) => !/[^\t\n\r\x20-\x7e]/.test(text);

const cases = [
  {
    name: 'built page: ASCII only, no inline script or style, integrity of the login-help.js beside it',
    async run() {
      for (const [file, body] of Object.entries(env.files)) {
        if (file.startsWith('/locales/')) continue; // the widget's locale modules are UTF-8 by design
        check(isAscii(body.toString('latin1')), `${file} is not ASCII`);
      }
      const html = env.files['/snippet-builder.html'].toString('utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      check(scripts.length >= 2, `expected two script tags, got ${scripts.length}`);
      for (const [, attributes, body] of scripts) {
        check(/\bsrc=/.test(attributes) && body.trim() === '', `an inline script: <script${attributes}>`);
      }
      check(!/<style\b|\sstyle=|\son[a-z]+=/i.test(html), 'inline style or event handler attribute in the page');
      const meta = /<meta name="login-help-integrity" content="([^"]+)"/.exec(html);
      check(meta, 'no <meta name="login-help-integrity">');
      equal(meta[1], env.integrity, 'the page\'s integrity hash (rebuild: npm run build, then vite build --config vite.snippet.config.ts)');
      check(html.includes(`src="./login-help.js" integrity="${env.integrity}"`), 'the preview\'s script tag does not carry the integrity hash');
    },
  },
  {
    name: 'builder under a strict CSP: fields fill the preview; a bad support email is flagged, then fixed; Copy copies the snippet',
    async run() {
      await withPage({}, async (page, context) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
        await openBuilder(page);
        await page.getByLabel('Endpoint', { exact: true }).fill('/api/login-help');
        await page.getByLabel('Where your site hosts login-help.js (optional)').fill('/static/login-help/');
        await page.getByLabel('Language', { exact: true }).selectOption('es');
        await page.getByRole('radio', { name: 'Light', exact: true }).check();
        await page.getByLabel('Brand colour (optional)').fill(BRAND);
        await page.getByLabel('Heading level').selectOption('3');
        await page.getByRole('radio', { name: 'Both forms' }).check();
        await page.getByLabel(/^Heading \(instead of/).fill(HEADING);
        await page.getByLabel('When an email is not on file (the whole Attention sentence)').fill(NOT_FOUND);

        // A malformed support address: flagged at the field (GOV.UK style), not silently dropped.
        const email = page.getByLabel('Support email (optional)');
        await email.fill(BAD_EMAIL);
        await email.press('Tab');
        equal(await email.getAttribute('aria-invalid'), 'true', 'aria-invalid on the bad support email');
        const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
        check(describedBy.split(' ').includes('sb-support-email-error'), `aria-describedby does not name the error: ${describedBy}`);
        const message = await page.locator('#sb-support-email-error').innerText();
        check(/^Error:\s*Enter the support email as a plain address/.test(message), `error message: ${JSON.stringify(message)}`);
        const summaryLink = page.locator('#sb-error-summary a[href="#sb-support-email"]');
        await summaryLink.waitFor({ state: 'visible' });
        check(!(await page.locator('#sb-snippet').isVisible()), 'the snippet is offered while the support email is malformed');
        await page.getByRole('button', { name: 'Copy the HTML snippet' }).click();
        await until(() => page.evaluate(() => document.activeElement && document.activeElement.id === 'sb-error-summary'), 'Copy with a problem did not move focus to the error summary');
        await summaryLink.click();
        equal(await page.evaluate(() => document.activeElement.id), 'sb-support-email', 'focus after following the summary link');

        await email.fill(GOOD_EMAIL);
        equal(await email.getAttribute('aria-invalid'), null, 'aria-invalid once the address is fixed');
        check(!(await page.locator('#sb-error-summary').isVisible()), 'the error summary stays after the fix');
        await page.locator('#sb-snippet').waitFor({ state: 'visible' });

        // The preview is the real element, following the fields.
        const preview = page.locator('.sb-preview login-help');
        equal(await preview.getAttribute('lang'), 'es', 'the preview\'s lang');
        equal(await preview.getAttribute('theme'), 'light', 'the preview\'s theme');
        equal(await preview.getAttribute('heading-level'), '3', 'the preview\'s heading-level');
        await preview.getByRole('heading', { name: HEADING }).waitFor();
        const submit = preview.getByRole('form', { name: '\u00bfOlvid\u00f3 su nombre de usuario?' }).getByRole('button', { name: 'Enviar' });
        await submit.waitFor();
        equal(await submit.evaluate((button) => getComputedStyle(button).backgroundColor), BRAND_RGB, 'the preview\'s Submit colour');

        await page.getByRole('button', { name: 'Copy the HTML snippet' }).click();
        await until(async () => (await page.locator('.sb-copy-status').innerText()) === 'Copied', 'no "Copied" status');
        equal(await page.locator('.sb-copy-status').getAttribute('role'), 'status', 'the copy status region\'s role');
        const snippet = await page.locator('#sb-snippet').inputValue();
        equal(await page.evaluate(() => navigator.clipboard.readText()), snippet, 'the clipboard');
        check(isAscii(snippet), `the snippet is not ASCII: ${snippet}`);
        for (const part of [
          `<script type="module" src="/static/login-help/login-help.js" integrity="${env.integrity}" crossorigin="anonymous"></script>`,
          `<login-help endpoint="/api/login-help" support-email="${GOOD_EMAIL}" lang="es" theme="light" heading-level="3">`,
          '<span slot="heading">Ayuda con el acceso &#x2013; Cl&#xED;nica Patitas</span>',
          '&lt;b&gt;aqu&#xED;&lt;/b&gt;',
        ]) {
          check(snippet.includes(part), `the snippet lacks ${part}:\n${snippet}`);
        }
        env.snippet = snippet;

        await page.getByRole('button', { name: 'Copy the CSS' }).click();
        env.css = await page.locator('#sb-css').inputValue();
        equal(await page.evaluate(() => navigator.clipboard.readText()), env.css, 'the clipboard after Copy the CSS');
        check(/login-help:not\(:defined\) \{\n {2}display: block;\n {2}min-block-size: \d+px;/.test(env.css), `no reservation rule in the CSS:\n${env.css}`);
        check(env.css.includes(`--login-help-color-accent: ${BRAND};`), `no brand colour in the CSS:\n${env.css}`);
      });
    },
  },
  {
    name: 'the pasted snippet on a blank CMS page (strict CSP + Trusted Types, no charset): Spanish, brand colour, sent, own not-found wording',
    async run() {
      check(env.snippet !== '', 'no snippet (the previous case failed)');
      env.server.cms.snippet = env.snippet;
      env.server.cms.css = env.css;
      env.server.posts.length = 0;
      // The mock backend answers "not found" with a 404, which Chromium logs.
      await withPage({ allowFailedResource: true }, async (page) => {
        await page.goto(env.server.url('/cms/page.html'), { waitUntil: 'load' });
        // Defined only when the script ran, i.e. its integrity hash matched the hosted file.
        await page.waitForFunction(() => globalThis.customElements.get('login-help') !== undefined);
        const panel = page.locator('login-help');
        await panel.getByRole('heading', { name: HEADING, level: 3 }).waitFor();
        const form = panel.getByRole('form', { name: '\u00bfOlvid\u00f3 su nombre de usuario?' });
        const submit = form.getByRole('button', { name: 'Enviar' });
        equal(await submit.evaluate((button) => getComputedStyle(button).backgroundColor), BRAND_RGB, 'Submit colour from the site\'s CSS');

        await form.getByLabel('Correo de la cl\u00ednica').fill(DEMO_EMAIL);
        await submit.click();
        await until(async () => (await form.getByRole('status').allInnerTexts()).join(' ').includes('Hemos enviado a'), 'no Spanish success message');
        equal(env.server.posts.length, 1, 'requests to the backend');
        equal(env.server.posts[0].path, '/api/login-help/forgot-username', 'the request path');
        equal(env.server.posts[0].headers['accept-language'], 'es', 'Accept-Language of the request');

        await form.getByLabel('Correo de la cl\u00ednica').fill('nadie@clinica.example');
        await submit.click();
        await page.getByRole('alertdialog').waitFor({ state: 'visible' });
        // The editor's sentence is slotted into the open dialog, as text.
        const sentence = panel.locator('span[slot="username-not-found"]');
        await sentence.waitFor({ state: 'visible' });
        equal(await sentence.textContent(), NOT_FOUND, 'the not-found sentence in the dialog');
        equal(await page.locator('login-help b').count(), 0, 'b elements in the panel');
        const events = (await recorded(page)).events.map((event) => event.type);
        check(events.includes('login-help-sent') && events.includes('login-help-not-found'), `events: ${events.join(', ')}`);
      });
    },
  },
  {
    name: 'Copy without clipboard access: the snippet is selected and the person is told to press Ctrl+C',
    async run() {
      await withPage({}, async (page, context) => {
        await context.addInitScript(() => {
          Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }) });
        });
        await openBuilder(page);
        await page.getByRole('button', { name: 'Copy the HTML snippet' }).click();
        await until(async () => (await page.locator('.sb-copy-status').innerText()).startsWith('The text is selected'), 'no fallback message');
        const selection = await page.evaluate(() => {
          const output = document.activeElement;
          return { id: output.id, start: output.selectionStart, end: output.selectionEnd, length: output.value.length };
        });
        equal(selection.id, 'sb-snippet', 'focus after the fallback');
        check(selection.start === 0 && selection.end === selection.length && selection.length > 0, `selection ${JSON.stringify(selection)}`);
      });
    },
  },
  {
    name: 'accessibility: axe finds nothing with errors showing, at 320 px nothing scrolls sideways, focus is visible',
    async run() {
      // axe is injected through the DevTools protocol: bypassCSP lets it create what it needs.
      await withPage({ viewport: { width: 320, height: 640 }, bypassCSP: true }, async (page) => {
        await openBuilder(page);
        await page.getByLabel('Endpoint', { exact: true }).fill('ftp://portal.example/api');
        await page.getByLabel('Support email (optional)').fill(BAD_EMAIL);
        await page.getByLabel('Brand colour (optional)').fill('not a colour');
        await page.getByRole('button', { name: 'Copy the HTML snippet' }).click();
        await page.locator('#sb-error-summary').waitFor({ state: 'visible' });
        equal(await page.locator('#sb-error-summary li').count(), 3, 'errors in the summary');
        // Let the preview's locale load before axe reads it.
        await sleep(300);
        await page.evaluate(AXE);
        const violations = await page.evaluate(async (tags) => {
          const results = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }, AXE_TAGS);
        check(violations.length === 0, `axe: ${violations.join(' ; ')}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        check(width <= 320, `the page is ${width} px wide at a 320 px viewport`);

        // Keyboard: from the summary (focused by Copy), Tab reaches its first link, Enter the field.
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement;
          const style = getComputedStyle(element);
          return { href: element.getAttribute('href'), outline: `${style.outlineStyle} ${style.outlineWidth}` };
        });
        equal(focused.href, '#sb-endpoint', 'the link reached by Tab from the error summary');
        equal(focused.outline, 'solid 3px', 'the focus outline');
        await page.keyboard.press('Enter');
        equal(await page.evaluate(() => document.activeElement.id), 'sb-endpoint', 'focus after Enter on the summary link');
      });
    },
  },
];

await runSuite({
  watchdogMs: 120_000,
  perCaseMs: 30_000,
  runCase: (testCase) => testCase.run(),
  async prepare() {
    assertChromium();
    env.files = await readDist(DIST).catch((error) => {
      throw new Error(`dist/ lacks the snippet builder (${oneLine(error)}): run "npm run build" first`);
    });
    env.integrity = `sha384-${createHash('sha384').update(env.files['/login-help.js']).digest('base64')}`;
    env.server = await startServer(env.files);
    onCleanup(() => env.server.close());
    env.browser = await chromium.launch(chromiumLaunchOptions());
    onCleanup(() => env.browser.close());
    return cases;
  },
});
