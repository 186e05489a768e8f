// Strict Content-Security-Policy pages (no nonce, no 'unsafe-inline'), with and without
// Trusted Types: the widget must load, be styled, send, open its dialog and show markup as text
// without a single `securitypolicyviolation`. A sanity page breaks the policy on purpose, to show
// that the recorder (run.js's init script) does see violations.
import { DEMO_EMAIL } from './backend-server.js';
import { SUPPORT_EMAIL, env, pageUrl } from './env.js';
import { check, equal, until } from './harness.js';
import { pageHtml } from './page-server.js';
import { recorded, submitPassword, submitUsername } from './steps.js';
import { USERNAME_SENT_TITLE, openPage, submitButton, usernameForm, waitForAttention, waitForStatus } from './ui.js';

const STRICT_PAGE = '/csp/strict.html';
const TRUSTED_TYPES_PAGE = '/csp/trusted-types.html';
const SANITY_PAGE = '/csp/sanity.html';

const strictPolicy = () =>
  `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${env.backend.origin}; base-uri 'none'; object-src 'none'`;
const trustedTypesPolicy = () => `${strictPolicy()}; require-trusted-types-for 'script'; trusted-types lit-html`;

export const pages = () => {
  const html = pageHtml({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL });
  return {
    [STRICT_PAGE]: { html, headers: { 'Content-Security-Policy': strictPolicy() } },
    [TRUSTED_TYPES_PAGE]: { html, headers: { 'Content-Security-Policy': trustedTypesPolicy() } },
    [SANITY_PAGE]: {
      html: pageHtml({
        endpoint: env.backend.apiBase,
        body: '<p style="color: red">inline style attribute</p><script>window.__pwned = "inline script ran"</script>',
      }),
      headers: { 'Content-Security-Policy': strictPolicy() },
    },
  };
};

/** Chromium's console lines for a blocked inline style / script or a TrustedHTML sink. */
const CSP_CONSOLE = [/violates the following Content Security Policy directive/, /requires 'TrustedHTML' assignment/];

/** Colours a browser gives an unstyled button. */
const DEFAULT_BUTTON_BACKGROUNDS = ['rgba(0, 0, 0, 0)', 'rgb(239, 239, 239)', 'rgb(240, 240, 240)', 'buttonface'];

function cspCase(pagePath, policy, label) {
  return {
    name: `CSP ${label}: zero violations; styled; sent; the dialog opens; markup in User Name is text`,
    expectCsp: true, // checked here, before the deliberate violation at the end
    allowConsoleErrors: CSP_CONSOLE,
    async run(page) {
      const response = await openPage(page, pageUrl(pagePath));
      equal(response.headers()['content-security-policy'], policy(), 'the page\'s Content-Security-Policy header');

      const form = usernameForm(page);
      const looks = await submitButton(form).evaluate((button) => {
        const formElement = button.closest('form');
        return { background: getComputedStyle(button).backgroundColor, display: getComputedStyle(formElement).display };
      });
      check(!DEFAULT_BUTTON_BACKGROUNDS.includes(looks.background), `the Submit button is unstyled: background-color ${looks.background}`);
      equal(looks.display, 'grid', 'display of the form');

      await submitUsername(page, DEMO_EMAIL);
      await waitForStatus(form, USERNAME_SENT_TITLE);

      const userName = '<img src=x onerror="window.__pwned=1">';
      env.backend.next('not-found');
      await submitPassword(page, userName, 'Front Desk');
      const dialog = await waitForAttention(page);
      const text = await dialog.innerText();
      check(text.includes(userName), `the dialog does not show the markup as text: ${JSON.stringify(text)}`);
      equal(await page.locator('login-help img').count(), 0, 'img elements in the panel');

      const { csp } = await recorded(page);
      check(csp.length === 0, `CSP violations: ${csp.join(' ; ')}`);
      equal(env.backend.posts().length, 2, 'POSTs that got through connect-src');

      // Then break the policy on purpose: it is in force, and the recorder sees it on this page.
      const probe = await page.evaluate(
        ({ trustedTypes }) => {
          if (!trustedTypes) {
            document.body.setAttribute('style', 'color: red');
            return 'attribute set';
          }
          try {
            document.createElement('div').innerHTML = '<b>x</b>';
            return 'innerHTML allowed';
          } catch (error) {
            return error.name;
          }
        },
        { trustedTypes: pagePath === TRUSTED_TYPES_PAGE },
      );
      const expected = pagePath === TRUSTED_TYPES_PAGE ? { probe: 'TypeError', directive: 'require-trusted-types-for' } : { probe: 'attribute set', directive: 'style-src-attr' };
      equal(probe, expected.probe, 'the deliberate violation');
      await until(async () => (await recorded(page)).csp.some((entry) => entry.startsWith(expected.directive)), `the recorder did not see the deliberate ${expected.directive} violation`);
    },
  };
}

export const cases = [
  {
    name: 'CSP sanity: a page that breaks the same policy on purpose (style= attribute, inline script) has its violations recorded',
    expectCsp: true,
    allowConsoleErrors: CSP_CONSOLE,
    async run(page) {
      await page.goto(pageUrl(SANITY_PAGE), { waitUntil: 'load' });
      const seen = await until(async () => {
        const { csp } = await recorded(page);
        const style = csp.some((entry) => entry.startsWith('style-src-attr inline'));
        const script = csp.some((entry) => entry.startsWith('script-src-elem inline'));
        return style && script && csp;
      }, 'the recorder did not see the style-src-attr and script-src-elem violations');
      check(seen.length === 2, `violations: ${seen.join(' ; ')}`);
      equal((await recorded(page)).pwned, undefined, 'window.__pwned (the inline script was blocked)');
    },
  },
  cspCase(STRICT_PAGE, strictPolicy, "default-src 'none'; script-src 'self'; style-src 'self'; connect-src backend"),
  cspCase(TRUSTED_TYPES_PAGE, trustedTypesPolicy, "as strict, plus require-trusted-types-for 'script'; trusted-types lit-html"),
];
