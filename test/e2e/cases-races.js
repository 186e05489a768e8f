// Races and page shapes: one request in flight per form, an element removed mid-request (the
// request is aborted), two panels on one page (no shared state), and the bundle loaded twice
// as two module instances.
import { DEMO_EMAIL } from './backend-server.js';
import { MAIN_PAGE, PASSWORD_PATH, SUPPORT_EMAIL, USERNAME_PATH, env, pageUrl } from './env.js';
import { check, equal, sleep, until } from './harness.js';
import { BUNDLE, loginHelpTag, pageHtml } from './page-server.js';
import { eventNames, expectPosts, submitPassword, submitUsername } from './steps.js';
import {
  PASSWORD_SENT_TITLE,
  USERNAME_SENT_TITLE,
  alertText,
  emailField,
  expectNoDialog,
  isBusy,
  openPage,
  requestedByField,
  statusText,
  submitButton,
  userNameField,
  waitForAttention,
  waitForStatus,
} from './ui.js';

const TWO_PANELS_PAGE = '/races/two-panels.html';
const TWICE_PAGE = '/races/bundle-twice.html';

export const pages = () => ({
  [TWO_PANELS_PAGE]: pageHtml({
    body: ['first', 'second'].map((id) => loginHelpTag({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL, attributes: { id } })).join(''),
  }),
  [TWICE_PAGE]: pageHtml({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL, scripts: [BUNDLE, `${BUNDLE}?v=2`] }),
});

/** A panel shows nothing: empty fields, no status, no alert. */
async function expectUntouched(panel, what) {
  equal(await emailField(panel).inputValue(), '', `${what}: Clinic Email`);
  equal(await userNameField(panel).inputValue(), '', `${what}: User Name`);
  equal(await requestedByField(panel).inputValue(), '', `${what}: Requested By`);
  equal(await statusText(panel), '', `${what}: status text`);
  equal(await alertText(panel), '', `${what}: alert text`);
  equal(await panel.locator('dialog[open]').count(), 0, `${what}: open dialogs`);
}

export const cases = [
  {
    name: 'busy while in flight: aria-busy set, a second submit sends nothing, then sent (1.5 s backend)',
    async run(page) {
      await openPage(page, pageUrl(MAIN_PAGE));
      env.backend.next('slow', { ms: 1500 });
      const form = await submitUsername(page, DEMO_EMAIL);
      await until(() => isBusy(form), 'aria-busy="true" not set on the form or its Submit button', { timeout: 1000 });
      await submitButton(form).click({ force: true, timeout: 1000 }).catch(() => {});
      await emailField(page).press('Enter');
      await until(() => env.backend.posts(USERNAME_PATH).length >= 1, 'the first request never arrived');
      await waitForStatus(form, USERNAME_SENT_TITLE, 4000);
      await until(async () => !(await isBusy(form)), 'still aria-busy after the answer');
      await expectPosts(USERNAME_PATH, 1);
    },
  },
  {
    name: 'removing <login-help> while its request is in flight: the client closes the connection; no error, no dialog, no event',
    async run(page) {
      await openPage(page, pageUrl(MAIN_PAGE));
      env.backend.next('hang');
      await submitPassword(page, 'sunnyvet42', 'Front Desk');
      await until(() => env.backend.posts(PASSWORD_PATH).length === 1, 'the request never reached the backend');
      const [post] = env.backend.posts(PASSWORD_PATH);
      equal(post.clientClosedEarly, false, 'connection closed before the element was removed');
      await page.locator('login-help').evaluate((element) => element.remove());
      await until(() => post.clientClosedEarly, 'the backend never saw the client close the request');
      equal(post.answered, null, 'status written before the client closed');
      await sleep(300);
      equal(await page.locator('login-help').count(), 0, '<login-help> elements left');
      await expectNoDialog(page);
      equal(JSON.stringify(await eventNames(page)), '["login-help-request"]', 'events');
      await expectPosts(PASSWORD_PATH, 1, 0);
    },
  },
  {
    name: 'two <login-help> on one page share no state: a submit in one shows nothing in the other',
    allowFailedResource: true, // the second panel's not found is a 404
    async run(page) {
      await openPage(page, pageUrl(TWO_PANELS_PAGE));
      const first = page.locator('login-help#first');
      const second = page.locator('login-help#second');

      const form = await submitUsername(first, DEMO_EMAIL);
      await waitForStatus(form, USERNAME_SENT_TITLE);
      await sleep(100);
      await expectUntouched(second, 'the second panel');

      await submitPassword(second, 'sunnyvet42', 'Front Desk');
      const dialog = await waitForAttention(page);
      equal(await second.locator('dialog[open]').count(), 1, 'open dialogs in the second panel');
      equal(await first.locator('dialog[open]').count(), 0, 'open dialogs in the first panel');
      equal(await userNameField(first).inputValue(), '', 'the first panel: User Name');
      check((await statusText(first)).includes(USERNAME_SENT_TITLE), 'the first panel lost its sent message');
      equal(await statusText(second), '', 'the second panel: status text');
      await dialog.getByRole('button', { name: 'OK' }).click();
      equal(env.backend.posts(USERNAME_PATH).length, 1, `POSTs to ${USERNAME_PATH}`);
      equal(env.backend.posts(PASSWORD_PATH).length, 1, `POSTs to ${PASSWORD_PATH}`);
    },
  },
  {
    name: 'the bundle loaded twice (second copy via ?v=2, a second module instance): nothing throws, the panel works',
    async run(page, log) {
      await openPage(page, pageUrl(TWICE_PAGE));
      const loads = env.pages.requests.filter((request) => request.path === BUNDLE).map((request) => request.search);
      equal(JSON.stringify(loads.sort()), '["","?v=2"]', 'bundle requests');
      await until(() => log.console.some((message) => message.text.includes('already defined')), 'the second copy said nothing about the tags being defined');

      await waitForStatus(await submitUsername(page, DEMO_EMAIL), USERNAME_SENT_TITLE);
      await waitForStatus(await submitPassword(page, 'happypaws', 'Front Desk'), PASSWORD_SENT_TITLE);
      env.backend.next('not-found');
      await submitPassword(page, 'sunnyvet42', 'Front Desk');
      await waitForAttention(page);
      equal(env.backend.posts().length, 3, 'POSTs in all');
    },
  },
];
