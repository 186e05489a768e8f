// Languages from the script-tag bundle: a right-to-left page (Arabic) fetches exactly its own
// locale module and shows the panel, the forms and the Attention dialog in it; an English page
// fetches no locale module at all; two panels in two languages on one page; <html lang> changed
// at run time. Expected texts are the <target>s of xliff/<locale>.xlf (the translations' source).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAIN_PAGE, PASSWORD_PATH, SUPPORT_EMAIL, env, pageUrl } from './env.js';
import { check, equal, sleep, until } from './harness.js';
import { BUNDLE, LOCALES, loginHelpTag, pageHtml } from './page-server.js';
import { expectPosts, submitPassword } from './steps.js';
import { openPage as openEnglishPage, passwordForm, waitForAttention } from './ui.js';

const XLIFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'xliff');

const ARABIC_PAGE = '/locales/ar.html';
const TWO_LANGUAGES_PAGE = '/locales/es-and-ja.html';

export const pages = () => ({
  [ARABIC_PAGE]: pageHtml({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL, lang: 'ar' }),
  [TWO_LANGUAGES_PAGE]: pageHtml({
    body: ['es', 'ja'].map((lang) => loginHelpTag({ endpoint: env.backend.apiBase, supportEmail: SUPPORT_EMAIL, attributes: { id: `panel-${lang}`, lang } })).join(''),
  }),
});

const xliffCache = new Map();

/** The `<target>` of trans-unit `id` in xliff/<locale>.xlf, as plain text (no placeholders). */
function target(locale, id) {
  if (!xliffCache.has(locale)) xliffCache.set(locale, readFileSync(path.join(XLIFF_DIR, `${locale}.xlf`), 'utf8'));
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const unit = new RegExp(`<trans-unit id="${escaped}">([\\s\\S]*?)</trans-unit>`).exec(xliffCache.get(locale));
  check(unit, `no trans-unit "${id}" in xliff/${locale}.xlf`);
  const found = /<target>([\s\S]*?)<\/target>/.exec(unit[1]);
  check(found && found[1].trim() !== '', `trans-unit "${id}" in xliff/${locale}.xlf has no target`);
  check(!found[1].includes('<x '), `trans-unit "${id}" in xliff/${locale}.xlf has placeholders`);
  return found[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The texts a case looks for, in `locale`. */
const texts = (locale) => ({
  heading: target(locale, 'panel.heading'),
  passwordHeading: target(locale, 'password.heading'),
  usernameHeading: target(locale, 'username.heading'),
  userName: target(locale, 'field.user-name'),
  requestedBy: target(locale, 'field.requested-by'),
  submit: target(locale, 'form.submit'),
  dialogTitle: target(locale, 'dialog.title'),
  emailUs: target(locale, 'dialog.email-us'),
});

/** The panel's own heading (level 2 by default) named `name`, inside `scope`. */
const panelHeading = (scope, name) => scope.getByRole('heading', { name, exact: true, level: 2 });

/** Loads a host page and waits until `<login-help>` is defined. */
async function openPage(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.customElements.get('login-help') !== undefined, null, { timeout: 5000 });
  return response;
}

/** Every request under /dist/ but the bundle itself, as paths. */
const distExtras = () =>
  env.pages.requests.filter((request) => request.path.startsWith('/dist/') && request.path !== BUNDLE).map((request) => request.path);

export const cases = [
  {
    name: 'locales: <html lang="ar"> fetches ar.js, then ar-outcome.js at the first submit, each once; Arabic, right to left; the Attention dialog too',
    async run(page) {
      const ar = texts('ar');
      check(ar.heading !== 'Login Help', 'xliff/ar.xlf: panel.heading is not translated');
      await openPage(page, pageUrl(ARABIC_PAGE));
      await panelHeading(page, ar.heading).waitFor({ state: 'visible' });

      const form = page.getByRole('form', { name: ar.passwordHeading, exact: true });
      await form.waitFor({ state: 'visible' });
      equal(await form.getAttribute('dir'), 'rtl', 'dir of the password form\'s <form>');
      equal(await page.locator('login-help-password form[part="form"]').getAttribute('dir'), 'rtl', 'dir of <login-help-password>\'s <form>');

      equal(JSON.stringify(env.pages.localeRequests()), JSON.stringify([`${LOCALES}ar.js`]), 'locale modules requested before any submit');

      const userName = 'jdoe.latin42';
      env.backend.next('not-found');
      await form.getByLabel(ar.userName, { exact: true }).fill(userName);
      await form.getByLabel(ar.requestedBy, { exact: true }).fill('Dr. Jane Doe');
      await form.getByRole('button', { name: ar.submit, exact: true }).click();
      await expectPosts(PASSWORD_PATH, 1);

      const dialog = page.getByRole('alertdialog', { name: ar.dialogTitle, exact: true });
      await dialog.waitFor({ state: 'visible' });
      const facts = await dialog.evaluate((element) => ({
        tag: element.localName,
        open: element.open === true,
        modal: element.matches(':modal'),
        dir: element.getAttribute('dir'),
      }));
      equal(facts.tag, 'dialog', 'the Attention dialog element');
      check(facts.open && facts.modal, 'the Attention dialog is not open as a modal (showModal)');
      equal(facts.dir, 'rtl', 'dir of the Attention <dialog>');
      const text = await dialog.innerText();
      check(text.includes(userName), `the dialog does not show the typed user name: ${JSON.stringify(text)}`);
      await dialog.getByRole('link', { name: ar.emailUs, exact: true }).waitFor({ state: 'visible' });

      const both = JSON.stringify([`${LOCALES}ar.js`, `${LOCALES}ar-outcome.js`]);
      equal(JSON.stringify(env.pages.localeRequests()), both, 'locale modules requested');
      equal(JSON.stringify(distExtras()), both, 'requests under /dist/ besides the bundle');
    },
  },
  {
    name: 'locales: an English page requests no locale module, even with the Attention dialog open',
    async run(page) {
      await openEnglishPage(page, pageUrl(MAIN_PAGE));
      await panelHeading(page, 'Login Help').waitFor({ state: 'visible' });
      env.backend.next('not-found');
      await submitPassword(page, 'nobody-here', 'Front Desk');
      await waitForAttention(page);
      check((await passwordForm(page).getAttribute('dir')) !== 'rtl', 'the English form is right to left');
      await sleep(300);
      equal(JSON.stringify(distExtras()), '[]', 'requests under /dist/ besides the bundle');
    },
  },
  {
    name: 'locales: two panels, lang="es" and lang="ja", each in its own language',
    async run(page) {
      await openPage(page, pageUrl(TWO_LANGUAGES_PAGE));
      for (const [lang, other] of [['es', 'ja'], ['ja', 'es']]) {
        const own = texts(lang);
        const panel = page.locator(`#panel-${lang}`);
        await panelHeading(panel, own.heading).waitFor({ state: 'visible' });
        await panel.getByRole('form', { name: own.usernameHeading, exact: true }).waitFor({ state: 'visible' });
        await panel.getByRole('form', { name: own.passwordHeading, exact: true }).waitFor({ state: 'visible' });
        equal(await panelHeading(panel, texts(other).heading).count(), 0, `the ${lang} panel's ${other} heading`);
        equal(await panel.locator('form[dir="rtl"]').count(), 0, `right-to-left forms in the ${lang} panel`);
      }
      equal(JSON.stringify(env.pages.localeRequests().sort()), JSON.stringify([`${LOCALES}es.js`, `${LOCALES}ja.js`]), 'locale modules requested');
    },
  },
  {
    name: 'locales: <html lang> changed from en to fr at run time: French without a reload',
    async run(page) {
      const fr = texts('fr');
      check(fr.heading !== 'Login Help', 'xliff/fr.xlf: panel.heading is not translated');
      await openEnglishPage(page, pageUrl(MAIN_PAGE));
      await panelHeading(page, 'Login Help').waitFor({ state: 'visible' });
      equal(JSON.stringify(env.pages.localeRequests()), '[]', 'locale modules requested while English');
      await page.evaluate(() => {
        globalThis.__sameDocument = true;
        globalThis.document.documentElement.lang = 'fr';
      });
      await panelHeading(page, fr.heading).waitFor({ state: 'visible' });
      await page.getByRole('form', { name: fr.passwordHeading, exact: true }).waitFor({ state: 'visible' });
      equal(await panelHeading(page, 'Login Help').count(), 0, 'English headings left');
      equal(await page.evaluate(() => globalThis.__sameDocument), true, 'the page was not reloaded');
      await until(() => env.pages.localeRequests().length > 0, 'fr.js was never requested');
      equal(JSON.stringify(env.pages.localeRequests()), JSON.stringify([`${LOCALES}fr.js`]), 'locale modules requested');
      const documentRequests = env.pages.requests.filter((request) => request.path === MAIN_PAGE).length;
      equal(documentRequests, 1, 'requests for the page itself');
    },
  },
];
