import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { importLocalePart } from '../../src/i18n/locale-loader.js';
import type { Locale } from '../../src/i18n/localization.js';
import type { LoginHelpReset } from '../../src/reset/login-help-reset.js';
import { part, textOf } from './dom.js';
import { backend, json } from './msw.js';

export { holdLocale } from './msw.js';

export const API = 'https://api.clinic.example';
/** Markers no code path of ours makes up: finding one in an output means it leaked. */
export const TOKEN = 'tokZq5c1e0f9a7b3d2Qz';
export const PASSWORD = 'Pw Zq9d8e7f6a5b4c3Qz 🐾';
export const USER_NAME = 'happypaws';
export const MIN_LENGTH = 15;

export const validLink = json({ status: 'valid', userName: USER_NAME, minLength: MIN_LENGTH });

/** The two endpoints; each records what reached it. */
export function resetBackend(check: () => Response | Promise<Response> = validLink, save: () => Response | Promise<Response> = json({ status: 'reset' })) {
  return { check: backend(`${API}/reset-password/check`, check), save: backend(`${API}/reset-password`, save) };
}

const query = <T extends Element>(el: LoginHelpReset, selector: string) => el.shadowRoot?.querySelector<T>(selector) ?? null;
export const statusOf = (el: LoginHelpReset) => part(el, '[part="status"]');
export const alertOf = (el: LoginHelpReset) => part(el, '[part="alert"]');
export const input = (el: LoginHelpReset, id: 'userName' | 'password' | 'confirm') => part<HTMLInputElement>(el, `#${id}`);
export const toggleOf = (el: LoginHelpReset, id: 'password' | 'confirm') => part<HTMLButtonElement>(el, `[part="toggle"][aria-controls="${id}"]`);
export const saveOf = (el: LoginHelpReset) => part<HTMLButtonElement>(el, 'button[type="submit"]');
export const hasForm = (el: LoginHelpReset) => query(el, 'form') !== null;

/** No request in flight, and something to show: the form, a message, "Try again" or success. */
export async function settledReset(el: LoginHelpReset): Promise<void> {
  const shown = () =>
    !query(el, 'form[aria-busy="true"]') &&
    !query(el, '[part="retry"][aria-disabled]') &&
    (hasForm(el) || textOf(alertOf(el)) !== '' || query(el, '[part="retry"]') !== null || query(el, '.status.sent') !== null);
  await waitUntil(shown, `<login-help-reset> never settled (status "${textOf(statusOf(el))}", alert "${textOf(alertOf(el))}")`, { timeout: 5000 });
  await el.updateComplete;
}

/** Mounts the element and waits for the link check's outcome. */
export async function mountReset(template: TemplateResult): Promise<LoginHelpReset> {
  const el = await fixture<LoginHelpReset>(template);
  await settledReset(el);
  return el;
}

/** Types like a person: sets the value and fires `input`. */
export function typeIn(el: LoginHelpReset, id: 'password' | 'confirm', value: string): void {
  const field = input(el, id);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Fills both fields and presses Save Password; waits for the outcome. */
export async function save(el: LoginHelpReset, password = PASSWORD, confirm = password): Promise<void> {
  typeIn(el, 'password', password);
  typeIn(el, 'confirm', confirm);
  saveOf(el).click();
  await el.updateComplete;
  await settledReset(el);
}

/** Every login-help-* event that reaches the document, in order. */
export function recordEvents(): { events: Event[]; stop: () => void } {
  const events: Event[] = [];
  const names = ['login-help-request', 'login-help-sent', 'login-help-not-found', 'login-help-error', 'login-help-password-changed'];
  const listener = (event: Event) => events.push(event);
  for (const name of names) document.addEventListener(name, listener);
  return { events, stop: () => names.forEach((name) => document.removeEventListener(name, listener)) };
}

/** The locale's generated texts, once the widget has loaded them (through the same loader). */
export const textsOf = async (locale: Exclude<Locale, 'en'>): Promise<Record<string, string>> =>
  (await importLocalePart(locale, 'page')).templates as Record<string, string>;

/** An answer held until `release()`, for a request that must stay in flight while a test looks. */
export function heldAnswer(answer: () => Response | Promise<Response>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { answer: async () => (await released, answer()), release };
}

/**
 * Every text the status region (`role="status"`) says, in order, from now on: what it holds at
 * each change, and what a changed or removed text held before, so a text replaced within the same
 * task counts too. A live region announces each of them.
 */
export function recordStatus(el: LoginHelpReset) {
  const said: string[] = [];
  const note = (text: string | null) => {
    const collapsed = (text ?? '').replace(/\s+/g, ' ').trim();
    if (collapsed && said.at(-1) !== collapsed) said.push(collapsed);
  };
  const observer = new MutationObserver((records) => {
    const status = statusOf(el);
    for (const { type, target, oldValue, removedNodes } of records) {
      if (!status.contains(target)) continue;
      if (type === 'characterData') note(oldValue);
      removedNodes.forEach((node) => note(node.textContent));
    }
    note(status.textContent);
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  return { said, stop: () => observer.disconnect() };
}
