// How a person (and an accessibility tree) finds the widget's parts: roles and accessible names
// only, never internal ids or classes. Playwright's role/label/CSS locators pierce open shadow roots.
import { check, until } from './harness.js';

export const USERNAME_FORM = 'Forgot User Name?';
export const PASSWORD_FORM = 'Password Help?';
export const USERNAME_SENT_TITLE = 'Forgot User Name Request';
export const PASSWORD_SENT_TITLE = 'Reset Your Password';

/**
 * Loads a host page and waits until `<login-help>` is defined and its forms are on screen.
 * Returns the page's response.
 */
export async function openPage(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.customElements.get('login-help') !== undefined, null, { timeout: 5000 });
  // `first()`: a page may hold more than one panel.
  await usernameForm(page).first().waitFor({ state: 'visible' });
  await passwordForm(page).first().waitFor({ state: 'visible' });
  return response;
}

export const usernameForm = (page) => page.getByRole('form', { name: USERNAME_FORM, exact: true });
export const passwordForm = (page) => page.getByRole('form', { name: PASSWORD_FORM, exact: true });

export const emailField = (page) => usernameForm(page).getByLabel('Clinic Email');
export const userNameField = (page) => passwordForm(page).getByLabel('User Name');
export const requestedByField = (page) => passwordForm(page).getByLabel('Requested By');
export const submitButton = (form) => form.getByRole('button', { name: 'Submit' });

/** The open Attention dialog (closed dialogs are not in the accessibility tree). */
export const attentionDialog = (page) => page.getByRole('alertdialog', { name: 'Attention' });

const collapse = (text) => (text || '').replace(/\s+/g, ' ').trim();

/** The joined visible text of every region with `role` inside `scope`. */
export async function regionText(scope, role) {
  const regions = await scope.getByRole(role).all();
  const texts = await Promise.all(regions.map((region) => region.innerText().catch(() => '')));
  return collapse(texts.join(' '));
}

export const alertText = (scope) => regionText(scope, 'alert');
export const statusText = (scope) => regionText(scope, 'status');

/** Waits for a status region in `form` whose text includes `title`; returns that text. */
export async function waitForStatus(form, title, timeout = 5000) {
  let seen = '';
  await until(
    async () => {
      seen = await regionText(form, 'status');
      return seen.includes(title);
    },
    `no role="status" text with "${title}" in the form`,
    { timeout },
  ).catch(async (error) => {
    const alert = await regionText(form, 'alert').catch(() => '?');
    throw new Error(`${error.message}; status text: ${JSON.stringify(seen)}; alert text: ${JSON.stringify(alert)}`);
  });
  return seen;
}

/** Waits for non-empty text in a role="alert" region inside `form`; returns it. */
export async function waitForAlert(form, timeout = 5000) {
  let seen = '';
  await until(
    async () => {
      seen = await regionText(form, 'alert');
      return seen !== '';
    },
    'no role="alert" message appeared in the form',
    { timeout },
  );
  return seen;
}

/** Waits for the Attention dialog; checks it is a modal (native, open) `<dialog>`. */
export async function waitForAttention(page) {
  const dialog = attentionDialog(page);
  await dialog.waitFor({ state: 'visible' });
  const facts = await dialog.evaluate((element) => ({
    tag: element.localName,
    open: element.open === true,
    modal: element.matches(':modal'),
  }));
  check(facts.tag === 'dialog', `the Attention dialog is a <${facts.tag}>, not a <dialog>`);
  check(facts.open && facts.modal, 'the Attention dialog is not open as a modal (showModal)');
  return dialog;
}

/** No open `<dialog>` anywhere (CSS locators pierce shadow roots), and no Attention dialog. */
export async function expectNoDialog(page) {
  const open = await page.locator('dialog[open]').count();
  check(open === 0, `${open} <dialog> open, expected none`);
  const attention = await attentionDialog(page).count();
  check(attention === 0, 'the Attention dialog is shown, expected none');
}

/** Whether the deepest focused element (through shadow roots) lies inside `form`. */
export function focusIsInside(form) {
  return form.evaluate((formElement) => {
    let active = globalThis.document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    for (let node = active; node; ) {
      if (formElement === node || formElement.contains(node)) return true;
      const root = node.getRootNode();
      node = root instanceof globalThis.ShadowRoot ? root.host : null;
    }
    return false;
  });
}

/** `aria-busy="true"` on the form or its submit control. */
export async function isBusy(form) {
  const onForm = await form.getAttribute('aria-busy');
  const onButton = await submitButton(form).getAttribute('aria-busy');
  return onForm === 'true' || onButton === 'true';
}
