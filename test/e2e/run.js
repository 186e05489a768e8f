// End-to-end check: a plain HTML page that only loads the script-tag bundle dist/login-help.js,
// talking to a real cross-origin HTTP backend (SPEC §4), driven by playwright-core in Chromium.
// Run from the project root after `npm run build`:  node test/e2e/run.js
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ALLOWED_HEADERS, DEMO_EMAIL, DEMO_USER_NAME, SLOW_MS, startBackend } from './backend-server.js';
import { closedPort, pageHtml, startPageServer } from './page-server.js';
import {
  check,
  cleanup,
  equal,
  exitOnSignals,
  onCleanup,
  oneLine,
  runCases,
  sleep,
  startWatchdog,
  until,
} from './harness.js';
import {
  PASSWORD_SENT_TITLE,
  USERNAME_SENT_TITLE,
  emailField,
  expectNoDialog,
  focusIsInside,
  isBusy,
  openPage,
  passwordForm,
  requestedByField,
  submitButton,
  userNameField,
  usernameForm,
  waitForAlert,
  waitForAttention,
  waitForStatus,
} from './ui.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST_FILE = path.join(ROOT, 'dist', 'login-help.js');
const CHROMIUM = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
const SUPPORT_EMAIL = 'support@clinic.example';
const USERNAME_PATH = '/api/forgot-username';
const PASSWORD_PATH = '/api/password-help';

/** Everything the cases share; filled in by `setUp()`. */
const env = { browser: null, backend: null, pages: null };
const PAGE = { main: '/', timeout: '/timeout.html', offline: '/offline.html' };

async function setUp() {
  env.backend = await startBackend();
  onCleanup(() => env.backend.close());

  const deadPort = await closedPort();
  env.pages = await startPageServer({
    distFile: DIST_FILE,
    pages: {
      [PAGE.main]: pageHtml({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL }),
      [PAGE.timeout]: pageHtml({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL, attributes: { timeout: '1000' } }),
      [PAGE.offline]: pageHtml({ endpoint: `http://127.0.0.1:${deadPort}/api`, supportEmail: SUPPORT_EMAIL }),
    },
  });
  onCleanup(() => env.pages.close());
  check(env.pages.origin !== env.backend.origin, 'page and backend must be different origins');
  env.backend.setAllowedOrigin(env.pages.origin);

  env.browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  onCleanup(() => env.browser.close());
}

/**
 * Runs one case on a fresh browser context and page, watching for page errors and console
 * errors. `allowFailedResource`: the case makes a request fail on purpose (4xx/5xx or refused),
 * so Chromium's own "Failed to load resource" console line is expected; nothing else is.
 */
async function runCase(testCase) {
  env.backend.reset();
  env.pages.requests.length = 0;
  const context = await env.browser.newContext();
  const problems = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${oneLine(error)}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (testCase.allowFailedResource && text.startsWith('Failed to load resource')) return;
      problems.push(`console.error: ${text}`);
    });
    await testCase.run(page);
    await sleep(50);
    check(problems.length === 0, problems.join(' ; '));
  } catch (error) {
    if (problems.length) error.message += ` [also: ${problems.join(' ; ')}]`;
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
}

// ---- helpers shared by the cases -----------------------------------------------------------

async function submitUsername(page, email) {
  const form = usernameForm(page);
  await emailField(page).fill(email);
  await submitButton(form).click();
  return form;
}

async function submitPassword(page, userName, requestedBy) {
  const form = passwordForm(page);
  await userNameField(page).fill(userName);
  await requestedByField(page).fill(requestedBy);
  await submitButton(form).click();
  return form;
}

/** Waits until exactly `count` POSTs to `path` arrived (and no more during `settleMs`). */
async function expectPosts(path, count, settleMs = 150) {
  await until(() => env.backend.posts(path).length >= count, `expected ${count} POST ${path}, got ${env.backend.posts(path).length}`);
  await sleep(settleMs);
  const posts = env.backend.posts(path);
  equal(posts.length, count, `number of POST ${path}`);
  equal(env.backend.posts().length, count, 'number of POSTs to the backend in all');
  return posts;
}

function expectBody(post, expected) {
  check(post.bodyError === null && post.body && typeof post.body === 'object', `request body is not a JSON object: ${JSON.stringify(post.rawBody)}`);
  const keys = Object.keys(post.body).sort();
  equal(JSON.stringify(keys), JSON.stringify(Object.keys(expected).sort()), 'request body keys');
  for (const [key, value] of Object.entries(expected)) equal(post.body[key], value, `request body "${key}"`);
}

async function expectValue(field, expected, what) {
  equal(await field.inputValue(), expected, `${what} after the error`);
}

const pwned = (page) => page.evaluate(() => globalThis.__pwned);

// ---- the cases -----------------------------------------------------------------------------

const cases = [
  {
    name: 'user name: sent shows the "Forgot User Name Request" status',
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const form = await submitUsername(page, DEMO_EMAIL);
      await waitForStatus(form, USERNAME_SENT_TITLE);
      await expectNoDialog(page);
      const [post] = await expectPosts(USERNAME_PATH, 1);
      expectBody(post, { email: DEMO_EMAIL });
      equal(post.headers.origin, env.pages.origin, 'Origin of the request');
    },
  },
  {
    name: 'user name: not found opens the Attention dialog with the email and a mailto link; OK closes it',
    allowFailedResource: true, // the backend answers 404 {"status":"not_found"}
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const email = 'nobody@clinic.example';
      const form = await submitUsername(page, email);
      const dialog = await waitForAttention(page);
      const text = await dialog.innerText();
      check(text.includes(email), `dialog text lacks the typed email: ${JSON.stringify(text)}`);

      const link = dialog.getByRole('link', { name: 'email us' });
      const href = await link.getAttribute('href');
      check(href && href.startsWith(`mailto:${SUPPORT_EMAIL}?subject=`), `mailto href: ${href}`);
      const url = new URL(href);
      equal(url.protocol, 'mailto:', 'link protocol');
      equal(url.pathname, SUPPORT_EMAIL, 'mailto address');
      const subject = url.searchParams.get('subject');
      const body = url.searchParams.get('body');
      check(subject && subject.trim() !== '', 'mailto subject is empty');
      check(body !== null && body.includes(email), `mailto body lacks the email: ${JSON.stringify(body)}`);

      await dialog.getByRole('button', { name: 'OK' }).click();
      await until(async () => (await page.locator('dialog[open]').count()) === 0, 'OK did not close the dialog');
      await expectNoDialog(page);
      await until(() => focusIsInside(form), 'focus did not return into the Forgot User Name? form');
      await expectValue(emailField(page), email, 'Clinic Email');
      await expectPosts(USERNAME_PATH, 1);
    },
  },
  {
    name: 'password: sent shows the "Reset Your Password" status; body is exactly the trimmed values',
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const form = await submitPassword(page, `  ${DEMO_USER_NAME}  `, '  Dr. Jane Doe ');
      await waitForStatus(form, PASSWORD_SENT_TITLE);
      await expectNoDialog(page);
      const [post] = await expectPosts(PASSWORD_PATH, 1);
      expectBody(post, { userName: DEMO_USER_NAME, requestedBy: 'Dr. Jane Doe' });
    },
  },
  {
    name: 'password: not found (200 not_found) opens the Attention dialog naming the user name',
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const userName = 'sunnyvet42';
      await submitPassword(page, userName, 'Front Desk');
      const dialog = await waitForAttention(page);
      const text = await dialog.innerText();
      check(text.includes(userName), `dialog text lacks the user name: ${JSON.stringify(text)}`);
      const href = await dialog.getByRole('link', { name: 'email us' }).getAttribute('href');
      check(href && href.startsWith(`mailto:${SUPPORT_EMAIL}?subject=`), `mailto href: ${href}`);
      await dialog.getByRole('button', { name: 'OK' }).click();
      await until(async () => (await page.locator('dialog[open]').count()) === 0, 'OK did not close the dialog');
      await expectPosts(PASSWORD_PATH, 1);
    },
  },
  {
    name: 'server error 500 (HTML body): alert, value kept, no dialog',
    allowFailedResource: true,
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const email = 'error@clinic.example';
      const form = await submitUsername(page, email);
      await waitForAlert(form);
      await expectNoDialog(page);
      await expectValue(emailField(page), email, 'Clinic Email');
      await expectPosts(USERNAME_PATH, 1);
    },
  },
  {
    name: 'rate limited 429 (Retry-After: 60): alert says how long to wait, value kept, no retry',
    allowFailedResource: true,
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const email = 'busy@clinic.example';
      const form = await submitUsername(page, email);
      const text = await waitForAlert(form);
      check(/1 minute|one minute|60/i.test(text), `alert does not mention the wait: ${JSON.stringify(text)}`);
      await expectNoDialog(page);
      await expectValue(emailField(page), email, 'Clinic Email');
      await expectPosts(USERNAME_PATH, 1);
    },
  },
  {
    name: 'timeout="1000" vs a 3 s backend: alert, value kept, exactly one request (no re-send)',
    async run(page) {
      await openPage(page, env.pages.url(PAGE.timeout));
      const email = 'slow@clinic.example';
      const started = Date.now();
      const form = await submitUsername(page, email);
      await waitForAlert(form, 2500);
      const elapsed = Date.now() - started;
      check(elapsed >= 800, `the alert came after ${elapsed} ms, before the 1000 ms timeout`);
      await expectNoDialog(page);
      await expectValue(emailField(page), email, 'Clinic Email');
      // Wait past the moment the slow answer would have arrived, then count again.
      await sleep(SLOW_MS - elapsed + 500);
      await expectPosts(USERNAME_PATH, 1, 0);
      await expectNoDialog(page);
      const status = await form.getByRole('status').allInnerTexts();
      check(!status.join(' ').includes(USERNAME_SENT_TITLE), 'the late "sent" answer was shown after the timeout');
    },
  },
  {
    name: 'network failure (closed port): alert, value kept, no dialog',
    allowFailedResource: true, // net::ERR_CONNECTION_REFUSED
    async run(page) {
      await openPage(page, env.pages.url(PAGE.offline));
      const form = await submitPassword(page, DEMO_USER_NAME, 'Front Desk');
      await waitForAlert(form);
      await expectNoDialog(page);
      await expectValue(userNameField(page), DEMO_USER_NAME, 'User Name');
      await expectValue(requestedByField(page), 'Front Desk', 'Requested By');
      equal(env.backend.requests.length, 0, 'requests reaching the (other) backend');
    },
  },
  {
    name: 'hostile markup in User Name is shown as literal text; nothing runs or loads',
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const userName = '<img src=x onerror="window.__pwned=1">';
      const requestedBy = '<script>window.__pwned=2</script>';
      const form = await submitPassword(page, userName, requestedBy);
      const dialog = await waitForAttention(page);
      const text = await dialog.innerText();
      check(text.includes(userName), `dialog does not show the markup as text: ${JSON.stringify(text)}`);
      equal(await dialog.locator('img, script').count(), 0, 'img/script elements inside the dialog');
      equal(await form.locator('img, script').count(), 0, 'img/script elements inside the form');
      const href = await dialog.getByRole('link', { name: 'email us' }).getAttribute('href');
      const body = new URL(href).searchParams.get('body');
      check(body && body.includes(userName), `mailto body lacks the literal user name: ${JSON.stringify(body)}`);
      await sleep(200);
      equal(await pwned(page), undefined, 'window.__pwned');
      check(!env.pages.requests.some((r) => r.path === '/x'), 'the page fetched "x": the markup was rendered');
      const [post] = await expectPosts(PASSWORD_PATH, 1);
      expectBody(post, { userName, requestedBy });
    },
  },
  {
    name: 'hostile markup as Clinic Email is refused client-side: nothing sent, field marked invalid, value kept',
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const email = '<img src=x onerror="window.__pwned=1">@x.example';
      const form = await submitUsername(page, email);
      const field = emailField(page);
      await until(async () => (await field.getAttribute('aria-invalid')) === 'true', 'Clinic Email not marked aria-invalid="true"');
      const describedBy = await field.getAttribute('aria-describedby');
      check(describedBy && describedBy.trim() !== '', 'the invalid field has no aria-describedby message');
      await expectValue(field, email, 'Clinic Email');
      await expectNoDialog(page);
      equal(await form.locator('img, script').count(), 0, 'img/script elements inside the form');
      await sleep(300);
      equal(env.backend.requests.length, 0, 'requests to the backend');
      equal(await pwned(page), undefined, 'window.__pwned');
    },
  },
  {
    name: 'headers: Content-Type and Accept application/json, no other non-safelisted header, CORS preflight passes',
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const userForm = await submitUsername(page, DEMO_EMAIL);
      await waitForStatus(userForm, USERNAME_SENT_TITLE);
      const pwForm = await submitPassword(page, DEMO_USER_NAME, 'Front Desk');
      await waitForStatus(pwForm, PASSWORD_SENT_TITLE);
      await sleep(150);
      equal(env.backend.posts(USERNAME_PATH).length, 1, `POSTs to ${USERNAME_PATH}`);
      equal(env.backend.posts(PASSWORD_PATH).length, 1, `POSTs to ${PASSWORD_PATH}`);
      const posts = env.backend.posts();
      equal(posts.length, 2, 'POSTs in all');
      for (const post of posts) {
        const where = `POST ${post.path}`;
        equal((post.headers['content-type'] || '').split(';')[0].trim().toLowerCase(), 'application/json', `${where} Content-Type`);
        equal(post.headers.accept, 'application/json', `${where} Accept`);
        check(!('x-csrf-token' in post.headers), `${where} carried X-CSRF-Token without a token on the page`);
        equal(post.headers.cookie, undefined, `${where} Cookie`);
      }
      const preflights = env.backend.preflights();
      check(preflights.length >= 1, 'no CORS preflight reached the backend');
      for (const preflight of preflights) {
        const where = `OPTIONS ${preflight.path}`;
        equal(preflight.headers['access-control-request-method'], 'POST', `${where} Access-Control-Request-Method`);
        // Exactly the non-safelisted headers the page script set: only Content-Type.
        equal(preflight.headers['access-control-request-headers'], 'content-type', `${where} Access-Control-Request-Headers`);
      }
      check(ALLOWED_HEADERS === 'Content-Type, Accept, X-CSRF-Token', 'backend CORS policy changed');
    },
  },
  {
    name: 'busy while in flight: aria-busy set, a second submit sends nothing, then sent (slow 3 s backend)',
    async run(page) {
      await openPage(page, env.pages.url(PAGE.main));
      const email = 'slow@clinic.example';
      const form = await submitUsername(page, email);
      await until(() => isBusy(form), 'aria-busy="true" not set on the form or its Submit button', { timeout: 1500 });
      await submitButton(form).click({ force: true, timeout: 1000 }).catch(() => {});
      await emailField(page).press('Enter');
      await until(() => env.backend.posts(USERNAME_PATH).length >= 1, 'the first request never arrived');
      await waitForStatus(form, USERNAME_SENT_TITLE, SLOW_MS + 3000);
      await until(async () => !(await isBusy(form)), 'still aria-busy after the answer');
      await expectPosts(USERNAME_PATH, 1);
    },
  },
];

// ---- main ----------------------------------------------------------------------------------

async function main() {
  const stopWatchdog = startWatchdog(120_000);
  exitOnSignals();
  const started = Date.now();
  let result = { passed: 0, failed: 0 };
  try {
    if (!existsSync(DIST_FILE)) {
      throw new Error(`${path.relative(process.cwd(), DIST_FILE) || DIST_FILE} is missing: run "npm run build" first`);
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`no Chromium at ${CHROMIUM}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
    }
    await setUp();
    result = await runCases(cases, runCase);
  } catch (error) {
    console.log(`not ok - setup: ${oneLine(error)}`);
    result.failed += 1;
  } finally {
    await cleanup();
    stopWatchdog();
  }
  console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exitCode = result.failed > 0 ? 1 : 0;
  // Should anything still hold the event loop open, do not hang.
  setTimeout(() => process.exit(), 3000).unref();
}

await main();
