// Resilience: every way the real loopback backend can fail (SPEC §4 rows and broken transports),
// one case each. Each case checks the message shown, that no Attention dialog opens (except for
// 404, which SPEC §4 maps to not found), that the typed values stay, the error event, exactly
// one POST, and then that the person's own retry (Submit again) is answered "sent".
import { DEMO_EMAIL, DEMO_USER_NAME } from './backend-server.js';
import { MAIN_PAGE, PASSWORD_PATH, SUPPORT_EMAIL, USERNAME_PATH, env, pageUrl } from './env.js';
import { check, equal, until } from './harness.js';
import { pageHtml } from './page-server.js';
import { eventNames, expectPosts, expectValue, submitPassword, submitUsername } from './steps.js';
import {
  PASSWORD_SENT_TITLE,
  USERNAME_SENT_TITLE,
  alertText,
  emailField,
  expectNoDialog,
  openPage,
  requestedByField,
  submitButton,
  userNameField,
  waitForAlert,
  waitForAttention,
  waitForStatus,
} from './ui.js';

const TIMEOUT_PAGE = '/faults/timeout-800.html';
const OFFLINE_PAGE = '/faults/offline.html';
const TIMEOUT_MS = 800;

export const pages = () => ({
  [TIMEOUT_PAGE]: pageHtml({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL, attributes: { timeout: String(TIMEOUT_MS) } }),
  [OFFLINE_PAGE]: pageHtml({ endpoint: `http://127.0.0.1:${env.deadPort}/api`, supportEmail: SUPPORT_EMAIL }),
});

/** What the person typed in each form; spaces included, to see the fields keep them exactly. */
const TYPED = {
  username: { email: DEMO_EMAIL }, // type=email: the browser itself strips spaces from the value
  password: { userName: DEMO_USER_NAME, requestedBy: '  Dr. Jane Doe ' },
};

const FORMS = {
  username: {
    path: USERNAME_PATH,
    title: USERNAME_SENT_TITLE,
    submit: (page) => submitUsername(page, TYPED.username.email),
    async expectKept(page) {
      await expectValue(emailField(page), TYPED.username.email, 'Clinic Email');
    },
  },
  password: {
    path: PASSWORD_PATH,
    title: PASSWORD_SENT_TITLE,
    submit: (page) => submitPassword(page, TYPED.password.userName, TYPED.password.requestedBy),
    async expectKept(page) {
      await expectValue(userNameField(page), TYPED.password.userName, 'User Name');
      await expectValue(requestedByField(page), TYPED.password.requestedBy, 'Requested By');
    },
  },
};

const SERVER = /Something went wrong/;
const NETWORK = /could not reach/;

/**
 * One fault: `answer` is queued on the backend for the first POST (see backend-server.js).
 * `says`: regexps the alert text must match (`saysNot`: must not); `reason`/`status`: the
 * `login-help-error` detail; `dialog`: SPEC §4 makes it "not found" instead.
 */
const FAULTS = [
  {
    title: `slower than timeout="${TIMEOUT_MS}" (answer after 2.5 s): "took too long", the request is aborted`,
    answer: 'slow',
    options: { ms: 2500 },
    page: TIMEOUT_PAGE,
    reason: 'timeout',
    says: [/took too long/],
    async extra(page, started) {
      const elapsed = Date.now() - started;
      check(elapsed >= TIMEOUT_MS - 100, `the alert came after ${elapsed} ms, before the ${TIMEOUT_MS} ms timeout`);
      const [post] = env.backend.posts();
      await until(() => post.clientClosedEarly, 'the backend never saw the timed-out request closed by the client');
      equal(post.slowAnswered ?? false, false, 'the slow answer was written after the timeout');
    },
  },
  { title: '500 with an HTML body', answer: 'html-500', reason: 'server', status: 500, says: [SERVER] },
  { title: '502 Bad Gateway (HTML)', answer: 'bad-gateway', form: 'password', reason: 'server', status: 502, says: [SERVER] },
  { title: 'truncated JSON {"status":"se (200, application/json)', answer: 'truncated-json', reason: 'server', status: 200, says: [SERVER] },
  { title: '200 text/html (a login page)', answer: 'login-page', form: 'password', reason: 'server', status: 200, says: [SERVER] },
  { title: 'connection dropped mid-response (socket.destroy after headers)', answer: 'drop-mid-response', form: 'password', reason: 'network', says: [NETWORK] },
  { title: 'connection dropped before any response (fresh connection)', answer: 'drop-before-response', reason: 'network', says: [NETWORK] },
  {
    title: '429 with Retry-After: 60',
    answer: 'rate-limit-60',
    reason: 'rate-limited',
    status: 429,
    says: [/Too many requests/, /\b1 minute\b/],
  },
  {
    title: '429 with Retry-After as an HTTP date ~2 minutes ahead',
    answer: 'rate-limit-date',
    form: 'password',
    reason: 'rate-limited',
    status: 429,
    says: [/Too many requests/, /\b2 minutes\b/],
  },
  {
    title: '429 with Retry-After: soon (junk)',
    answer: 'rate-limit-junk',
    reason: 'rate-limited',
    status: 429,
    says: [/Too many requests/, /a few minutes/],
    saysNot: [/\d/],
  },
  {
    title: '503 with Retry-After: 30',
    answer: 'unavailable-30',
    form: 'password',
    reason: 'server',
    status: 503,
    // A planned pause: a server error that says how long to wait.
    says: [/briefly unavailable/, /30 seconds/],
    saysNot: [/Too many requests/],
  },
  { title: '404 with an empty body → the Attention dialog (SPEC §4: not found)', answer: 'not-found-empty', dialog: true },
];

function faultCase({ title, answer, options, page: pagePath = MAIN_PAGE, form: kind = 'username', reason, status, says = [], saysNot = [], dialog, extra }) {
  const form = FORMS[kind];
  return {
    name: `fault (${kind}): ${title}`,
    allowFailedResource: true,
    async run(page) {
      await openPage(page, pageUrl(pagePath));
      env.backend.next(answer, options);
      const started = Date.now();
      const formLocator = await form.submit(page);

      if (dialog) {
        const attention = await waitForAttention(page);
        const text = await attention.innerText();
        check(text.includes(DEMO_EMAIL), `the dialog does not name the typed email: ${JSON.stringify(text)}`);
        equal(await alertText(formLocator), '', 'alert text next to the Attention dialog');
        await attention.getByRole('button', { name: 'OK' }).click();
        await expectNoDialog(page);
        equal(JSON.stringify(await eventNames(page)), '["login-help-request","login-help-not-found"]', 'events');
      } else {
        const text = await waitForAlert(formLocator, TIMEOUT_MS + 4000);
        for (const pattern of says) check(pattern.test(text), `the alert does not match ${pattern}: ${JSON.stringify(text)}`);
        for (const pattern of saysNot) check(!pattern.test(text), `the alert matches ${pattern}: ${JSON.stringify(text)}`);
        await expectNoDialog(page);
        const events = await page.evaluate(() => globalThis.__events);
        equal(JSON.stringify(events.map((event) => event.type)), '["login-help-request","login-help-error"]', 'events');
        equal(events[1].reason, reason, 'login-help-error reason');
        equal(events[1].status, status, 'login-help-error status');
        if (extra) await extra(page, started);
      }
      await form.expectKept(page);
      await expectPosts(form.path, 1);

      // The person tries again; this time the backend answers "sent".
      env.backend.next('sent');
      await submitButton(formLocator).click();
      await waitForStatus(formLocator, form.title);
      equal(await alertText(formLocator), '', 'alert text after the successful retry');
      await expectNoDialog(page);
      await form.expectKept(page);
      await expectPosts(form.path, 2);
    },
  };
}

export const cases = [
  ...FAULTS.map(faultCase),
  {
    // Not the widget: Chromium's network stack resends once when a reused keep-alive connection
    // closes without an answer. The widget itself must still not add a send of its own.
    name: 'fault (username): connection dropped before any response on a reused connection: Chromium resends once below fetch, then "could not reach"; 2 POSTs, 1 login-help-request',
    allowFailedResource: true,
    async run(page) {
      await openPage(page, pageUrl(MAIN_PAGE));
      env.backend.next('drop-before-response', { reused: true });
      env.backend.next('drop-before-response', { reused: true });
      const form = FORMS.username;
      const formLocator = await form.submit(page);
      const text = await waitForAlert(formLocator);
      check(NETWORK.test(text), `the alert does not match ${NETWORK}: ${JSON.stringify(text)}`);
      await expectNoDialog(page);
      await form.expectKept(page);
      await expectPosts(form.path, 2, 300);
      equal(env.backend.preflights().length, 1, 'preflights (the resend is below CORS)');
      equal(JSON.stringify(await eventNames(page)), '["login-help-request","login-help-error:network"]', 'events');
    },
  },
  {
    name: 'fault (password): connection refused (closed port): "could not reach"; retry once the endpoint works',
    allowFailedResource: true, // net::ERR_CONNECTION_REFUSED
    async run(page) {
      await openPage(page, pageUrl(OFFLINE_PAGE));
      const form = FORMS.password;
      const formLocator = await form.submit(page);
      const text = await waitForAlert(formLocator);
      check(NETWORK.test(text), `the alert does not match ${NETWORK}: ${JSON.stringify(text)}`);
      await expectNoDialog(page);
      await form.expectKept(page);
      equal(env.backend.requests.length, 0, 'requests reaching the (other) backend');
      equal(JSON.stringify(await eventNames(page)), '["login-help-request","login-help-error:network"]', 'events');

      // The network is back (the page points the panel at a live backend); the person retries.
      await page.locator('login-help').evaluate((element, endpoint) => {
        element.endpoint = endpoint;
      }, env.backend.apiBase);
      env.backend.next('sent');
      await submitButton(formLocator).click();
      await waitForStatus(formLocator, form.title);
      equal(await alertText(formLocator), '', 'alert text after the successful retry');
      await form.expectKept(page);
      await expectPosts(form.path, 1);
    },
  },
];
