// The seed, end to end (SPEC §7 and §9), exactly as `npm start` runs it: login-help-server with
// the demo clinic and the demo page (scripts/demo-stack.js), on free ports and a temporary data
// folder, in one engine: Chromium, Firefox ESR or WebKitGTK (test/seed/browsers.js). The emails are
// read on the development mailbox page, as a person would, and axe checks the served /reset page
// in each of its states. Run from the project root after `npm run build`:
//   node test/seed/run.js                          the three engines in turn, each in its own process
//   node test/seed/run.js chromium|firefox|webkit  one engine
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { ROOT, SUPPORT_EMAIL, startDemoStack } from '../../scripts/demo-stack.js';
import { check, equal, onCleanup, runSuite, sleep, until } from '../e2e/harness.js';
import { ENGINES, launchEngine } from './browsers.js';

const ENGINE = process.argv[2];
if (ENGINE !== undefined && !ENGINES.includes(ENGINE)) {
  console.error(`usage: node test/seed/run.js [${ENGINES.join('|')}]`);
  process.exit(2);
}
if (ENGINE === undefined) await runEachEngine();

/** Runs this file once per engine (fresh servers and data each time); adds up their closing lines. */
async function runEachEngine() {
  const total = { passed: 0, failed: 0 };
  for (const engine of ENGINES) {
    console.log(`# ---- the seed in ${engine} ----`);
    const child = spawn(process.execPath, [process.argv[1], engine], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      last = (last + chunk).slice(-200);
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    const counts = /(\d+) passed, (\d+) failed\s*$/.exec(last);
    total.passed += Number(counts?.[1] ?? 0);
    total.failed += Number(counts?.[2] ?? 0) + (code !== 0 && !Number(counts?.[2]) ? 1 : 0);
  }
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed ? 1 : 0);
}

const USERNAME_FORM = 'Forgot User Name?';
const PASSWORD_FORM = 'Password Help?';
const USERNAME_SENT_TITLE = 'Forgot User Name Request';
const PASSWORD_SENT_TITLE = 'Reset Your Password';
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

/** `stack` (scripts/demo-stack.js), `browser` (browsers.js), and `shortStack` (links live 3 s), set up before the first case. */
const env = { stack: null, browser: null, shortStack: null };

// ---- the page, as a person uses it ------------------------------------------------------------

/** Waits for `probe(page)` to answer truthy (5 s unless told); resolves that answer. */
async function waitFor(probe, message, timeout = 5000) {
  let answer;
  await until(async () => (answer = await probe()), message, { timeout, interval: 100 });
  return answer;
}

/** Loads the demo page and waits until `<login-help>` is defined and both forms are on screen. */
async function openPage(page, url) {
  await page.goto(url);
  await waitFor(() => page.ask('panelReady', USERNAME_FORM, PASSWORD_FORM), `the panel's two forms are not on screen at ${url}`);
}

async function fill(page, formName, label, value) {
  const input = await page.element('field', formName, label);
  check(input, `no field labelled "${label}" in "${formName}"`);
  await page.type(input, value);
}

async function submit(page, formName) {
  const button = await page.element('button', formName, 'Submit');
  check(button, `no Submit button in "${formName}"`);
  await page.click(button);
}

/** Waits for a role="status" text in the form that includes `title`; returns it. */
async function waitForStatus(page, formName, title, timeout = 10_000) {
  let seen = '';
  await until(
    async () => (seen = await page.ask('roleText', formName, 'status')).includes(title),
    `no role="status" text with "${title}" in "${formName}"`,
    { timeout, interval: 100 },
  ).catch(async (error) => {
    throw new Error(`${error.message}; status text: ${JSON.stringify(seen)}; alert text: ${JSON.stringify(await page.ask('roleText', formName, 'alert'))}`);
  });
  return seen;
}

/** axe over the whole page in its current state: no violation and nothing left for review. */
async function expectAxeClean(page, state) {
  await page.injectAxe();
  const { violations, incomplete, passes } = await page.ask('axe');
  console.log(`# axe ${env.browser.name}, /reset ${state}: ${violations.length} violations, ${incomplete.length} to review, ${passes} rules passed`);
  equal(JSON.stringify(violations), '[]', `axe violations on /reset (${state})`);
  equal(JSON.stringify(incomplete), '[]', `axe "needs review" on /reset (${state})`);
}

// ---- the development mailbox -----------------------------------------------------------------

async function mailboxMessages() {
  const response = await fetch(`${env.stack.serverUrl}/dev/mailbox/messages`);
  check(response.ok, `GET /dev/mailbox/messages answered ${response.status}`);
  const { messages } = await response.json();
  check(Array.isArray(messages), 'GET /dev/mailbox/messages: no "messages" array');
  return messages;
}

const countOf = (messages, subject) => messages.filter((message) => message.subject === subject).length;

/** Polls the mailbox (up to 10 s: the outbox delivers after the answer) until `subject` arrived `count` times; returns the newest. */
async function waitForMail(subject, count = 1) {
  let seen = [];
  await until(
    async () => {
      seen = await mailboxMessages();
      return countOf(seen, subject) >= count;
    },
    `no email "${subject}" in the mailbox within 10 s`,
    { timeout: 10_000, interval: 100 },
  ).catch((error) => {
    throw new Error(`${error.message}; it holds: ${JSON.stringify(seen.map((message) => message.subject))}`);
  });
  return seen.filter((message) => message.subject === subject).at(-1);
}

/** Opens the mailbox page in `page`; returns the facts of the newest `<article>` whose `<h2>` is `subject`. */
async function openMailboxArticle(page, subject) {
  equal((await fetch(env.stack.mailboxUrl)).status, 200, `GET ${env.stack.mailboxUrl}`);
  await page.goto(env.stack.mailboxUrl);
  const article = await waitFor(() => page.ask('article', subject), `no message "${subject}" on the mailbox page`);
  equal(article.title, subject, 'the message\'s subject on the mailbox page');
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
      await fill(page, USERNAME_FORM, 'Clinic Email', CLINIC_EMAIL);
      await submit(page, USERNAME_FORM);
      const status = await waitForStatus(page, USERNAME_FORM, USERNAME_SENT_TITLE);
      expectText(status, [CLINIC_EMAIL], 'the success message');

      const message = await waitForMail(USERNAME_SENT_TITLE);
      equal(message.to, CLINIC_EMAIL, 'the email\'s recipient');
      const article = await openMailboxArticle(page, USERNAME_SENT_TITLE);
      expectText(article.text, [PRACTICE, USER_NAME, CLINIC_EMAIL], `the "${USERNAME_SENT_TITLE}" message on the mailbox page`);
    },
  },
  {
    name: `Password Help? ${USER_NAME} + ${REQUESTED_BY}: sent; "Reset Your Password" in the mailbox names who asked and links to the reset page`,
    async run(page) {
      await openPage(page, env.stack.pageUrl);
      await fill(page, PASSWORD_FORM, 'User Name', USER_NAME);
      await fill(page, PASSWORD_FORM, 'Requested By', REQUESTED_BY);
      await submit(page, PASSWORD_FORM);
      await waitForStatus(page, PASSWORD_FORM, PASSWORD_SENT_TITLE);

      const message = await waitForMail(PASSWORD_SENT_TITLE);
      equal(message.to, CLINIC_EMAIL, 'the email\'s recipient (the practice\'s address on file)');
      const article = await openMailboxArticle(page, PASSWORD_SENT_TITLE);
      expectText(article.text, [REQUESTED_BY], `the "${PASSWORD_SENT_TITLE}" message on the mailbox page`);

      equal(article.links.length, 1, 'clickable links with #token= in the message text');
      const [{ href, visible }] = article.links;
      const { resetUrl } = env.stack;
      check(href.startsWith(`${resetUrl}#token=`), `the reset link ${JSON.stringify(href)} does not start with ${JSON.stringify(`${resetUrl}#token=`)}`);
      const token = href.slice(`${resetUrl}#token=`.length);
      // At least 128 random bits, URL-safe (SPEC §9): 22 base64url characters or more.
      check(/^[A-Za-z0-9_-]{22,}$/.test(token), `the token in the link does not look like 128+ random bits: ${JSON.stringify(token)}`);
      check(visible, 'the reset link is not visible');
      check(message.text.includes(href), 'the link on the page is not the one in the email\'s text');
    },
  },
  {
    name: `Forgot User Name? ${UNKNOWN_EMAIL}: the Attention dialog; no email sent`,
    async run(page) {
      const before = (await mailboxMessages()).length;
      await openPage(page, env.stack.pageUrl);
      await fill(page, USERNAME_FORM, 'Clinic Email', UNKNOWN_EMAIL);
      await submit(page, USERNAME_FORM);
      await expectAttention(page, USERNAME_FORM, `The email address ${UNKNOWN_EMAIL} is not associated with any active practices.`);
      await expectNoNewMail(before);
    },
  },
  {
    name: `Password Help? ${UNKNOWN_USER_NAME}: the Attention dialog; no email sent`,
    async run(page) {
      const before = (await mailboxMessages()).length;
      await openPage(page, env.stack.pageUrl);
      await fill(page, PASSWORD_FORM, 'User Name', UNKNOWN_USER_NAME);
      await fill(page, PASSWORD_FORM, 'Requested By', REQUESTED_BY);
      await submit(page, PASSWORD_FORM);
      await expectAttention(page, PASSWORD_FORM, `The user name ${UNKNOWN_USER_NAME} is not associated with any active practices.`);
      await expectNoNewMail(before);
    },
  },
];

// ---- the reset link (issue #11: the whole seed, through the reset page) ----------------------

/** Asks for password help on the demo page of `stack` and returns the newest reset link from its mailbox. */
async function requestResetLink(page, stack, requestedBy) {
  await openPage(page, stack.pageUrl);
  await fill(page, PASSWORD_FORM, 'User Name', USER_NAME);
  await fill(page, PASSWORD_FORM, 'Requested By', requestedBy);
  await submit(page, PASSWORD_FORM);
  await waitForStatus(page, PASSWORD_FORM, PASSWORD_SENT_TITLE);
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
  await page.type(await page.element('inReset', 'input#password'), password);
  await page.type(await page.element('inReset', 'input#confirm'), confirm);
  await page.click(await page.element('inReset', 'button[part="submit"]'));
}

const resetText = async (page, selector) => (await page.ask('resetFacts', selector))?.text ?? '';

cases.push(
  {
    name: 'The reset link: the email\'s link opens the reset page with the user name; mismatch and too short refused at the fields; a good password saves, the stored hash changes, "Your password was changed" arrives; the link then says "already used"; axe finds nothing in each state',
    async run(page) {
      const { stack } = env;
      await stack.service.db.query('UPDATE accounts SET password_hash = $1 WHERE lower(user_name) = lower($2)', [await argon2Hash(OLD_PASSWORD), USER_NAME]);
      const link = await requestResetLink(page, stack, 'Dr. Reset Walk');

      // Follow the link from the mailbox page, as a person would.
      await openMailboxArticle(page, PASSWORD_SENT_TITLE);
      const anchor = await page.element('articleLink', PASSWORD_SENT_TITLE, link);
      check(anchor, `no link ${link} in the message on the mailbox page`);
      await page.click(anchor);
      const resetPath = new URL(stack.resetUrl).pathname;
      await waitFor(async () => new URL(await page.url()).pathname === resetPath, 'the link did not open the reset page');
      const userName = await waitFor(() => page.ask('resetFacts', 'input#userName'), 'the reset page shows no form', 10_000);
      equal(userName.value, USER_NAME, 'the user name on the reset page');
      check(!(await page.url()).includes('token='), `the token stays in the address bar: ${await page.url()}`);
      await expectAxeClean(page, 'form');

      await fillPasswords(page, NEW_PASSWORD, `${NEW_PASSWORD}!`);
      await waitFor(async () => (await page.ask('resetFacts', '#confirm-error'))?.visible, 'no message at Confirm New Password');
      equal((await page.ask('resetFacts', 'input#confirm')).invalid, 'true', 'Confirm New Password marked invalid');
      await fillPasswords(page, 'too short', 'too short');
      await waitFor(async () => (await page.ask('resetFacts', '#password-error'))?.visible, 'no message at New Password');
      expectText(await resetText(page, '#password-error'), ['15'], 'the too-short message');
      equal(await page.ask('focusedPart'), 'error-summary', 'the focused part after a refused password');
      equal((await page.ask('resetFacts', '[part="error-summary"]')).role, 'region', 'the error summary\'s role');
      await expectAxeClean(page, 'error summary');
      check((await storedHash(stack)) !== null && (await argon2Verify(await storedHash(stack), OLD_PASSWORD)), 'a refused password changed the stored one');

      await fillPasswords(page, NEW_PASSWORD, NEW_PASSWORD);
      await waitFor(async () => (await resetText(page, '[part="status"]')).includes('Your password has been changed'), 'no "Your password has been changed"', 10_000);
      const hash = await storedHash(stack);
      check(await argon2Verify(hash, NEW_PASSWORD), 'the stored hash does not verify the new password');
      check(!(await argon2Verify(hash, OLD_PASSWORD)), 'the stored hash still verifies the old password');
      const changed = await waitForMail(CHANGED_TITLE);
      equal(changed.to, CLINIC_EMAIL, `the "${CHANGED_TITLE}" email's recipient`);
      await expectAxeClean(page, 'changed');

      // A fresh load: the same path with another fragment would not reload the page.
      await page.goto('about:blank');
      await page.goto(link);
      await waitFor(async () => (await resetText(page, '[part="alert"]')).includes('already used'), 'the used link does not say "already used"', 10_000);
      check((await page.ask('resetFacts', 'input#password')) === null, 'a used link still shows a form');
      await expectAxeClean(page, 'used link');
    },
  },
  {
    name: 'A second link left past its lifetime (3 s for the test) says "expired", with no form; axe finds nothing',
    async run(page) {
      const stack = env.shortStack;
      const link = await requestResetLink(page, stack, 'Dr. Late Walker');
      await sleep(3500);
      await page.goto(link);
      await waitFor(async () => (await resetText(page, '[part="alert"]')).includes('expired'), 'the old link does not say "expired"', 10_000);
      check((await page.ask('resetFacts', 'input#password')) === null, 'an expired link still shows a form');
      await expectAxeClean(page, 'expired link');
    },
  },
);

cases.push({
  name: 'A browser that cannot run the bundle: the /reset page shows its level-one heading and "needs a newer browser", not a blank box; axe finds nothing',
  // WebDriver classic (WebKitWebDriver) cannot make a request fail: Chromium and Firefox check it.
  engines: ['chromium', 'firefox'],
  async run(page) {
    await page.failRequests('/reset-assets/login-help-reset.js');
    const link = await requestResetLink(page, env.stack, 'Dr. Old Browser');
    await page.goto(link);
    // The page's stylesheet holds the fallback back for 2 s (a slow load must not flash it).
    const fallback = await waitFor(async () => {
      const facts = await page.ask('resetFallback');
      return facts?.visible ? facts : null;
    }, 'the fallback inside <login-help-reset> never shows', 10_000);
    check(!fallback.defined, 'the element was defined although its bundle failed');
    equal(fallback.heading, 'Create a New Password', 'the fallback\'s level-one heading');
    expectText(fallback.text, ['needs a newer browser', 'Firefox 101', 'Safari 16.4'], 'the fallback');
    await expectAxeClean(page, 'without its script');
  },
});

// ---- in Spanish and in Urdu (issue 26: one catalogue per language for every text) ----------

/** A unit's translation in `xliff/<locale>.xlf`, the one catalogue of that language. */
function catalogueText(locale, id) {
  const xml = readFileSync(path.join(ROOT, 'xliff', `${locale}.xlf`), 'utf8');
  const target = new RegExp(`<trans-unit id="${id.replaceAll('.', '\\.')}">[\\s\\S]*?<target>([\\s\\S]*?)</target>`).exec(xml)?.[1];
  check(target, `xliff/${locale}.xlf has no target for ${id}`);
  return target.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

for (const [locale, language] of [
  ['es', 'Spanish'],
  ['ur', 'Urdu'],
]) {
  cases.push({
    name: `In ${language}: the panel asks for password help in ${language}, the email arrives in ${language} with the subject the panel quoted, and the reset page refuses a password in ${language} at New Password`,
    // Puppeteer sets the browser's Accept-Language (which picks the reset page's language);
    // WebDriver classic (WebKitWebDriver) cannot.
    engines: ['chromium', 'firefox'],
    async run(page) {
      const t = (id) => catalogueText(locale, id);
      const formName = t('password.heading');
      const subject = t('server.resetPassword.subject');
      const requestedBy = `Dr. ${language} Walk`;
      await page.setLanguage(locale);
      await page.goto(`${env.stack.pageUrl}?lang=${locale}`);
      await waitFor(() => page.ask('panelReady', formName), `the ${language} form "${formName}" is not on screen`);
      await page.type(await page.element('field', formName, t('field.user-name')), USER_NAME);
      await page.type(await page.element('field', formName, t('field.requested-by')), requestedBy);
      await page.click(await page.element('button', formName, t('form.submit')));
      await waitForStatus(page, formName, subject);

      const message = await waitForMail(subject);
      expectText(message.text, [requestedBy, t('server.resetPassword.action')], `the ${language} email`);
      if (locale === 'ur') check(/<html[^>]* dir="rtl"/.test(message.html ?? ''), 'the Urdu email\'s HTML part is not right to left');
      const link = /(https?:\/\/\S+#token=[A-Za-z0-9_-]+)/.exec(message.text)?.[1];
      check(link, `no reset link in the ${language} email`);

      await page.goto(link);
      await waitFor(() => page.ask('resetFacts', 'input#userName'), 'the reset page shows no form', 10_000);
      if (locale === 'ur') equal((await page.ask('resetFacts', '[part="panel"]'))?.dir, 'rtl', 'the Urdu reset page\'s direction');
      const heading = await page.ask('resetFacts', '#heading');
      equal(heading?.text, t('reset.heading'), `the reset page's heading in ${language}`);
      const basedOnName = `${USER_NAME}-${USER_NAME}`;
      await fillPasswords(page, basedOnName, basedOnName);
      const refusal = t('server.passwordRefusals.userName');
      await waitFor(async () => (await resetText(page, '#password-error')).includes(refusal), `no ${language} refusal at New Password: ${refusal}`, 10_000);
    },
  });
}

/** The Attention dialog: a native modal `<dialog open>` in the form's shadow root, its text, "email us". */
async function expectAttention(page, formName, sentence) {
  const facts = await waitFor(() => page.ask('attention'), 'no Attention dialog on screen');
  equal(facts.tag, 'dialog', 'the Attention dialog\'s element');
  check(facts.open && facts.modal, 'the Attention dialog is not open as a modal (showModal)');
  equal(facts.host, await page.ask('formHost', formName), 'the shadow root holding the Attention dialog (that of the form\'s element)');
  equal(facts.title, 'Attention', 'the dialog\'s title');
  expectText(facts.text, [sentence], 'the Attention dialog');
  check(facts.mailto?.startsWith(`mailto:${SUPPORT_EMAIL}?subject=`), `"email us" links to ${JSON.stringify(facts.mailto)}, not mailto:${SUPPORT_EMAIL}?subject=…`);
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

  const shortData = await mkdtemp(path.join(os.tmpdir(), 'login-help-seed-short-'));
  onCleanup(() => rm(shortData, { recursive: true, force: true }));
  env.shortStack = await startDemoStack({ env: { LOG_LEVEL: 'warn', TOKEN_TTL_MINUTES: '0.05' }, host: '127.0.0.1', serverPort: 0, pagePort: 0, dataDir: shortData });
  onCleanup(() => env.shortStack.close());

  env.browser = await launchEngine(ENGINE);
  onCleanup(() => env.browser.close());
  console.log(`# the seed in ${env.browser.name}: page ${env.stack.pageUrl}, server ${env.stack.serverUrl}, data ${dataDir}`);
}

/**
 * One case on a fresh page (a fresh context where the driver has them), failing on page errors,
 * console errors, CSP violations and JS dialogs (browsers.js watchPage).
 */
async function runCase(testCase) {
  const page = await env.browser.newPage();
  let problems = [];
  const collect = async () => {
    problems = [...new Set(await page.problems())];
  };
  try {
    await testCase.run(page);
    await sleep(50);
    check(await page.ask('watching'), 'the page watcher did not run on the page');
    await collect();
  } catch (error) {
    await collect();
    if (problems.length) error.message += ` [also: ${problems.join(' ; ')}]`;
    throw error;
  } finally {
    await page.close().catch(() => {});
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
    await setUp();
    for (const { name, engines } of cases) if (engines && !engines.includes(ENGINE)) console.log(`# not in ${ENGINE} (see the case): ${name}`);
    return cases.filter(({ engines }) => !engines || engines.includes(ENGINE)).map((testCase) => ({ ...testCase, name: `[${ENGINE}] ${testCase.name}` }));
  },
});
