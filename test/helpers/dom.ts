import { waitUntil } from '@open-wc/testing';
import type { LoginHelpForm } from '../../src/forms/login-help-form.js';

/** An element inside a form's shadow root; fails loudly when it is not there. */
export function part<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>'s shadow root`);
  return found;
}

export const field = (form: LoginHelpForm, name: string) => part<HTMLInputElement>(form, `input[name="${name}"]`);
export const dialogOf = (form: LoginHelpForm) => part<HTMLDialogElement>(form, 'dialog');
export const statusOf = (form: LoginHelpForm) => part(form, '[role="status"]');
export const alertOf = (form: LoginHelpForm) => part(form, '[part="alert"][role="alert"]');
export const submitOf = (form: LoginHelpForm) => part<HTMLButtonElement>(form, 'button[type="submit"]');

/** Types like a person: sets the value and fires `input`. */
export function type(form: LoginHelpForm, name: string, value: string): void {
  const input = field(form, name);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Presses Submit. */
export async function submit(form: LoginHelpForm): Promise<void> {
  submitOf(form).click();
  await form.updateComplete;
}

/** The collapsed text of an element, as a person reads it. */
export const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the form is no longer busy and shows an outcome: a status, an alert or the dialog. */
export async function settled(form: LoginHelpForm): Promise<void> {
  const busy = () => part(form, 'form').getAttribute('aria-busy') === 'true';
  const shown = () => textOf(statusOf(form)) !== '' || textOf(alertOf(form)) !== '' || dialogOf(form).open;
  await waitUntil(() => !busy() && shown(), 'the form never showed an outcome', { timeout: 5000 });
  await form.updateComplete;
}

/** Collects the page's uncaught errors and unhandled rejections during a test. */
export function watchPageErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
