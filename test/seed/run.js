// The seed, end to end (SPEC §7 and §9), exactly as `npm start` runs it: login-help-server with
// the demo clinic and the demo page (scripts/demo-stack.js), on free ports and a temporary data
// folder, driven by playwright-core in Chromium. The emails are read on the development mailbox
// page, as a person would. Run from the project root after `npm run build`:  node test/seed/run.js
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../../scripts/chromium.js';
import { ROOT, SUPPORT_EMAIL, startDemoStack } from '../../scripts/demo-stack.js';
import { check, equal, onCleanup, oneLine, runSuite, sleep, until } from '../e2e/harness.js';
import {
  PASSWORD_SENT_TITLE,
  USERNAME_SENT_TITLE,
  emailField,
  openPage,
  passwordForm,
  requestedByField,
  submitButton,
  userNameField,
  usernameForm,
  waitForAttention,
  waitForStatus,
} from '../e2e/ui.js';

const CLINIC_EMAIL = 'frontdesk@happypaws.example';
const PRACTICE = 'Happy Paws Veterinary Clinic';
const USER_NAME = 'happypaws';
const REQUESTED_BY = 'Dr. Jane Doe';
const UNKNOWN_EMAIL = 'nobody@example.com';
const UNKNOWN_USER_NAME = 'nobody';
const OLD_PASSWORD = 'the password before the reset';
const NEW_PASSWORD = 'Lantern orchard quietly 77';
const CHANGED_TITLE = 'Your password was changed';

const DIST_FILE = path.join(ROOT, 'dist', 'login-help.js');
const SERVER_FILE = path.join(ROOT, 'server', 'dist', 'index.js');

/** `stack` (scripts/demo-stack.js), `browser`, and `shortStack` (links live 3 s), set up before the first case. */
const env = { stack: null, browser: null, shortStack: null };

/**
 * Runs in every page before its own scripts (a page's CSP does not apply to it): reports CSP
 * violations, unhandled rejections and alert()/confirm()/prompt() calls to the test at once
 * (through `__seedReport`, which survives navigation from the demo page to the mailbox page).
 */
function watchPage() {
  const w = globalThis;
  const report = (text) => w.__seedReport(`${text} (on ${w.location.href})`);
  w.__seedWatching = true;
  w.document.addEventListener('securitypolicyviolation', (event) => {
    report(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
  });
  w.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    report(`unhandled rejection: ${String((reason && reason.stack) || reason)}`);
  });
  for (const name of ['alert', 'confirm', 'prompt']) {
    w[name] = (...args) => report(`called ${name}(${args.map(String).join(', ')})`);
  }
}

// ---- the development mailbox -----------------------------------------------------------------

async function mailboxMessages() {
  const response = await fetch(`${env.stack.serverUrl}/dev/mailbox/messages`);
  check(response.ok, `GET /dev/mailbox/messages answered ${response.status}`);
  const { messages } = await response.json();
  check(Array.isArray(messages), 'GET /dev/mailbox/messages: no "messages" array');
  return messages;
}

/** Polls the mailbox (up to 10 s: the outbox delivers after the answer) until `subject` arrived `count` times. */
async function waitForMail(subject, count = 1) {
  let seen = [];
  await until(
    async () => {
      seen = await mailboxMessages();
      return seen.filter((message) => message.subject === subject).length >= count;
    },
    `no email "${subject}" in the mailbox within 10 s`,
    { timeout: 10_000, interval: 100 },
  ).catch((error) => {
    throw new Error(`${error.message}; it holds: ${JSON.stringify(seen.map((message) => message.subject))}`);
  });
  return seen.find((message) => message.subject === subject);
}

/** Opens the mailbox page in `page`; returns the newest `<article>` whose `<h2>` is `subject`. */
async function openMailboxArticle(page, subject) {
  const response = await page.goto(env.stack.mailboxUrl, { waitUntil: 'load' });
  equal(response.status(), 200, `GET ${env.stack.mailboxUrl}`);
  const article = page.locator('article').filter({ has: page.locator('h2', { hasText: subject }) }).first();
  await article.waitFor({ state: 'visible', timeout: 5000 });
  equal((await article.locator('h2').innerText()).trim(), subject, 'the message\'s subject on the mailbox page');
  return article;
}

function expectText(text, parts, what) {
  for (const part of parts) check(text.includes(part), `${what} does not mention ${JSON.stringify(part)}: ${JSON.stringify(text.slice(0, 400))}`);
}

// ---- the cases -------------------------------------------------------------------------------

const cases = [
  {
    name: `Forgot User Name? ${CLINIC_EMAIL}: sent; "Forgot User Name Request" in the mailbox names the practice and its user name`,
    async run(page) {
      await openPage(page, env.stack.pageUrl);
      const form = usernameForm(page);
      await emailField(page).fill(CLINIC_EMAIL);
      await submitButton(form).click();
      const status = await waitForStatus(form, USERNAME_SENT_TITLE, 10_000);
      expectText(status, [CLINIC_EMAIL], 'the success message');

      const message = await waitForMail(USERNAME_SENT_TITLE);
      equal(message.to, CLINIC_EMAIL, 'the email\'s recipient');
      const article = await openMailboxArticle(page, USERNAME_SENT_TITLE);
      expectText(await article.innerText(), [PRACTICE, USER_NAME, CLINIC_EMAIL], `the "${USERNAME_SENT_TITLE}" message on the mailbox page`);
    },
  },
  {
    name: `Password Help? ${USER_NAME} + ${REQUESTED_BY}: sent; "Reset Your Password" in the mailbox names who asked and links to the reset page`,
    async run(page) {
      await openPage(page, env.stack.pageUrl);
      const form = passwordForm(page);
      await userNameField(page).fill(USER_NAME);
      await requestedByField(page).fill(REQUESTED_BY);
      await submitButton(form).click();
      await waitForStatus(form, PASSWORD_SENT_TITLE, 10_000);

      const message = await waitForMail(PASSWORD_SENT_TITLE);
      equal(message.to, CLINIC_EMAIL, 'the email\'s recipient (the practice\'s address on file)');
      const article = await openMailboxArticle(page, PASSWORD_SENT_TITLE);
      expectText(await article.innerText(), [REQUESTED_BY], `the "${PASSWORD_SENT_TITLE}" message on the mailbox page`);

      const links = article.locator('pre a[href*="#token="]');
      equal(await links.count(), 1, 'clickable links with #token= in the message text');
      const href = await links.getAttribute('href');
      const { resetUrl } = env.stack;
      check(href.startsWith(`${resetUrl}#token=`), `the reset link ${JSON.stringify(href)} does not start with ${JSON.stringify(`${resetUrl}#token=`)}`);
      const token = href.slice(`${resetUrl}#token=`.length);
      // At least 128 random bits, URL-safe (SPEC §9): 22 base64url characters or more.
      check(/^[A-Za-z0-9_-]{22,}$/.test(token), `the token in the link does not look like 128+ random bits: ${JSON.stringify(token)}`);
      check(await links.isVisible(), 'the reset link is not visible');
      check(message.text.includes(href), 'the link on the page is not the one in the email\'s text');
    },
  },
  {
    name: `Forgot User Name? ${UNKNOWN_EMAIL}: the Attention dialog; no email sent`,
    allowNotFound: true,
    async run(page) {
      const before = (await mailboxMessages()).length;
      await openPage(page, env.stack.pageUrl);
      const form = usernameForm(page);
      await emailField(page).fill(UNKNOWN_EMAIL);
      await submitButton(form).click();
      await expectAttention(page, form, `The email address ${UNKNOWN_EMAIL} is not associated with any active practices.`);
      await expectNoNewMail(before);
    },
  },
  {
    name: `Password Help? ${UNKNOWN_USER_NAME}: the Attention dialog; no email sent`,
    allowNotFound: true,
    async run(page) {
      const before = (await mailboxMessages()).length;
      await openPage(page, env.stack.pageUrl);
      const form = passwordForm(page);
      await userNameField(page).fill(UNKNOWN_USER_NAME);
      await requestedByField(page).fill(REQUESTED_BY);
      await submitButton(form).click();
      await expectAttention(page, form, `The user name ${UNKNOWN_USER_NAME} is not associated with any active practices.`);
      await expectNoNewMail(before);
    },
  },
];

// ---- the reset link (issue #11: the whole seed, through the reset page) ----------------------

/** The reset element's parts, through its open shadow root. */
const resetField = (page, id) => page.locator(`login-help-reset input#${id}`);
const resetStatus = (page) => page.locator('login-help-reset [part="status"]');
const resetAlert = (page) => page.locator('login-help-reset [part="alert"]');

/** Asks for password help on the demo page of `stack` and returns the newest reset link from its mailbox. */
async function requestResetLink(page, stack, requestedBy) {
  await openPage(page, stack.pageUrl);
  const form = passwordForm(page);
  await userNameField(page).fill(USER_NAME);
  await requestedByField(page).fill(requestedBy);
  await submitButton(form).click();
  await waitForStatus(form, PASSWORD_SENT_TITLE, 10_000);
  let link;
  await until(async () => {
    const response = await fetch(`${stack.serverUrl}/dev/mailbox/messages`);
    const { messages } = await response.json();
    const message = messages.find((m) => m.subject === PASSWORD_SENT_TITLE && m.text.includes(requestedBy));
    link = message && /(https?:\/\/\S+#token=[A-Za-z0-9_-]+)/.exec(message.text)?.[1];
    return Boolean(link);
  }, `no "${PASSWORD_SENT_TITLE}" naming ${requestedBy} within 10 s`, { timeout: 10_000, interval: 100 });
  return link;
}

async function storedHash(stack) {
  const [row] = await stack.service.db.query('SELECT password_hash FROM accounts WHERE lower(user_name) = lower($1)', [USER_NAME]);
  return row?.password_hash ?? null;
}

async function fillPasswords(page, password, confirm) {
  await resetField(page, 'password').fill(password);
  await resetField(page, 'confirm').fill(confirm);
  await page.locator('login-help-reset button[part="submit"]').click();
}

cases.push(
  {
    allowStatuses: [410],
    name: 'The reset link: the email\'s link opens the reset page with the user name; mismatch and too short refused at the fields; a good password saves, the stored hash changes, "Your password was changed" arrives; the link then says "already used"',
    async run(page) {
      const { stack } = env;
      await stack.service.db.query('UPDATE accounts SET password_hash = $1 WHERE lower(user_name) = lower($2)', [await argon2Hash(OLD_PASSWORD), USER_NAME]);
      const link = await requestResetLink(page, stack, 'Dr. Reset Walk');

      // Follow the link from the mailbox page, as a person would.
      const article = await openMailboxArticle(page, PASSWORD_SENT_TITLE);
      await article.locator(`pre a[href="${link}"]`).click();
      await page.waitForURL((url) => url.pathname === new URL(stack.resetUrl).pathname);
      await until(async () => (await resetField(page, 'userName').count()) > 0, 'the reset page shows no form', { timeout: 10_000, interval: 100 });
      equal(await resetField(page, 'userName').inputValue(), USER_NAME, 'the user name on the reset page');
      check(!page.url().includes('token='), `the token stays in the address bar: ${page.url()}`);

      await fillPasswords(page, NEW_PASSWORD, `${NEW_PASSWORD}!`);
      await page.locator('login-help-reset #confirm-error').waitFor({ state: 'visible' });
      equal(await resetField(page, 'confirm').getAttribute('aria-invalid'), 'true', 'Confirm New Password marked invalid');
      await fillPasswords(page, 'too short', 'too short');
      await page.locator('login-help-reset #password-error').waitFor({ state: 'visible' });
      expectText(await page.locator('login-help-reset #password-error').innerText(), ['15'], 'the too-short message');
      check((await storedHash(stack)) !== null && (await argon2Verify(await storedHash(stack), OLD_PASSWORD)), 'a refused password changed the stored one');

      await fillPasswords(page, NEW_PASSWORD, NEW_PASSWORD);
      await until(async () => (await resetStatus(page).innerText()).includes('Your password has been changed'), 'no "Your password has been changed"', { timeout: 10_000, interval: 100 });
      const hash = await storedHash(stack);
      check(await argon2Verify(hash, NEW_PASSWORD), 'the stored hash does not verify the new password');
      check(!(await argon2Verify(hash, OLD_PASSWORD)), 'the stored hash still verifies the old password');
      const changed = await waitForMail(CHANGED_TITLE);
      equal(changed.to, CLINIC_EMAIL, `the "${CHANGED_TITLE}" email's recipient`);

      // A fresh load: the same path with another fragment would not reload the page.
      await page.goto('about:blank');
      await page.goto(link);
      await until(async () => (await resetAlert(page).innerText()).includes('already used'), 'the used link does not say "already used"', { timeout: 10_000, interval: 100 });
      check((await resetField(page, 'password').count()) === 0, 'a used link still shows a form');
    },
  },
  {
    name: 'A second link left past its lifetime (3 s for the test) says "expired", with no form',
    allowStatuses: [410],
    async run(page) {
      const stack = env.shortStack;
      const link = await requestResetLink(page, stack, 'Dr. Late Walker');
      await sleep(3500);
      await page.goto(link);
      await until(async () => (await resetAlert(page).innerText()).includes('expired'), 'the old link does not say "expired"', { timeout: 10_000, interval: 100 });
      check((await resetField(page, 'password').count()) === 0, 'an expired link still shows a form');
    },
  },
);

/** The Attention dialog: a native modal `<dialog open>` in the form's shadow root, its text, "email us". */
async function expectAttention(page, form, sentence) {
  const dialog = await waitForAttention(page);
  const facts = await dialog.evaluate((element, formTag) => {
    const root = element.getRootNode();
    const host = root instanceof globalThis.ShadowRoot ? root.host.localName : null;
    // Its accessible name: the element that aria-labelledby names, in the same shadow root.
    const title = root.getElementById(element.getAttribute('aria-labelledby') ?? '');
    return { open: element.hasAttribute('open'), host, formTag, title: title ? title.textContent.trim() : null };
  }, await form.evaluate((element) => element.getRootNode().host?.localName ?? null));
  check(facts.open, 'the Attention dialog has no open attribute');
  equal(facts.host, facts.formTag, 'the shadow root holding the Attention dialog (that of the form\'s element)');
  equal(facts.title, 'Attention', 'the dialog\'s title');
  const text = (await dialog.innerText()).replace(/\s+/g, ' ');
  expectText(text, [sentence], 'the Attention dialog');
  const emailUs = dialog.getByRole('link', { name: 'email us' });
  const mailto = await emailUs.getAttribute('href');
  check(mailto.startsWith(`mailto:${SUPPORT_EMAIL}?subject=`), `"email us" links to ${JSON.stringify(mailto)}, not mailto:${SUPPORT_EMAIL}?subject=…`);
}

async function expectNoNewMail(before) {
  // Nothing is written to the outbox for a value not on file; give a wrongly sent one time to arrive.
  await sleep(500);
  equal((await mailboxMessages()).length, before, 'messages in the mailbox after a not-found answer');
}

// ---- running ---------------------------------------------------------------------------------

async function setUp() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'login-help-seed-'));
  onCleanup(() => rm(dataDir, { recursive: true, force: true }));
  // A clean environment: nothing from the caller's shell (SMTP_URL, DATABASE_URL, PORT…) applies.
  env.stack = await startDemoStack({ env: { LOG_LEVEL: 'warn' }, host: '127.0.0.1', serverPort: 0, pagePort: 0, dataDir });
  onCleanup(() => env.stack.close());
  check(env.stack.mailboxUrl, 'the development mailbox is off');
  console.log(`# page ${env.stack.pageUrl}, server ${env.stack.serverUrl}, data ${dataDir}`);

  const shortData = await mkdtemp(path.join(os.tmpdir(), 'login-help-seed-short-'));
  onCleanup(() => rm(shortData, { recursive: true, force: true }));
  env.shortStack = await startDemoStack({ env: { LOG_LEVEL: 'warn', TOKEN_TTL_MINUTES: '0.05' }, host: '127.0.0.1', serverPort: 0, pagePort: 0, dataDir: shortData });
  onCleanup(() => env.shortStack.close());

  env.browser = await chromium.launch(chromiumLaunchOptions());
  onCleanup(() => env.browser.close());
}

/** One case on a fresh context and page, failing on page errors, console errors, CSP violations, JS dialogs. */
async function runCase(testCase) {
  const context = await env.browser.newContext();
  const problems = [];
  try {
    await context.exposeFunction('__seedReport', (text) => problems.push(String(text)));
    await context.addInitScript(watchPage);
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${oneLine(error)}`));
    page.on('dialog', (dialog) => {
      problems.push(`JS ${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      // Chromium logs the 404 of a not-found answer (and the 410 of a dead link) as a failed resource.
      const allowed = [...(testCase.allowNotFound ? [404] : []), ...(testCase.allowStatuses ?? [])];
      const status = /^Failed to load resource: the server responded with a status of (\d{3})\b/.exec(text)?.[1];
      if (status && allowed.includes(Number(status))) return;
      problems.push(`console.error: ${text}`);
    });
    await testCase.run(page);
    await sleep(50);
    check(await page.evaluate(() => globalThis.__seedWatching === true), 'the init script did not run on the page');
  } catch (error) {
    if (problems.length) error.message += ` [also: ${problems.join(' ; ')}]`;
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
  check(problems.length === 0, problems.join(' ; '));
}

await runSuite({
  watchdogMs: 180_000,
  perCaseMs: 30_000,
  runCase,
  async prepare() {
    for (const [file, what] of [
      [DIST_FILE, 'the bundle'],
      [SERVER_FILE, 'login-help-server'],
    ]) {
      if (!existsSync(file)) throw new Error(`${what} is not built (${path.relative(ROOT, file)} is missing): run "npm run build" first`);
    }
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
    await setUp();
    return cases;
  },
});
