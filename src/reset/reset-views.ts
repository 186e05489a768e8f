// What <login-help-reset> shows: its form, the status line, the alert and what comes after an
// outcome. Templates only; the element decides when each is drawn.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { resetErrorText, resetLinkText, resetTexts } from '../i18n/texts.js';
import { httpUrl } from '../request/request-core.js';
import type { SaveFault, View } from './reset-state.js';

/**
 * The form: the error summary, the read-only user name, the two password fields, the polite
 * "shown"/"hidden" note of the last Show/Hide press, and Save Password (not disabled while
 * `pending`, so it keeps focus: aria-disabled).
 */
export function formView(
  userName: string,
  pending: boolean,
  visibility: string,
  summary: unknown,
  password: TemplateResult,
  confirm: TemplateResult,
  onSave: (event: SubmitEvent) => void,
) {
  const texts = resetTexts();
  return html`<form part="form" novalidate aria-labelledby="heading" aria-busy=${pending} @submit=${onSave}>
    ${summary}
    <div class="field">
      <label part="label" for="userName">${texts.userName}</label>
      <input part="input" id="userName" name="userName" type="text" readonly autocomplete="username" value=${userName} />
    </div>
    ${password} ${confirm}
    <span class="visually-hidden" aria-live="polite">${visibility}</span>
    <button part="submit" type="submit" aria-disabled=${ifDefined(pending || undefined)}>${texts.save}</button>
  </form>`;
}

/**
 * The polite status: "Checking your link…" / "Saving your new password…" while a request is
 * pending, said in the page's language only (nothing while `quiet`: its words are not in yet),
 * then "Your password has been changed." once done.
 */
export function statusView(state: View, pending: boolean, quiet: boolean) {
  if (pending) return quiet ? nothing : state.view === 'form' ? resetTexts().saving : resetTexts().checking;
  return state.view === 'done' ? html`<slot name="changed">${resetTexts().changed}</slot>` : nothing;
}

/** The alert: why the link cannot be used (and where to get a new one), or why a request failed. */
export function alertView(state: View, saveFault: SaveFault | undefined, helpUrl: string | undefined) {
  if (state.view === 'dead') {
    const help = httpUrl(helpUrl)?.href;
    return html`<p class="outcome" tabindex="-1"><slot name="link-${state.link}">${resetLinkText(state.link)}</slot></p>
      <p>${help ? html`<a part="link" href=${help}>${resetTexts().newLink}</a>` : resetTexts().newLinkText}</p>`;
  }
  const fault = state.view === 'fault' ? state.fault : saveFault;
  return fault ? html`<p>${resetErrorText(fault.reason, fault.retryAfterSeconds)}</p>` : nothing;
}

/**
 * After the alert: "Sign in" once done, or "Try again" when the link could not be checked (it
 * stays, disabled and focused, while the new check runs).
 */
export function afterView(state: View, pending: boolean, loginUrl: string | undefined, onRetry: () => void) {
  if (state.view === 'done') {
    const login = httpUrl(loginUrl)?.href;
    return login
      ? html`<p><a part="link" href=${login}>${resetTexts().signInLink}</a></p>`
      : html`<p class="outcome" tabindex="-1">${resetTexts().signInText}</p>`;
  }
  if (state.view === 'fault' && state.fault?.reason !== 'config') {
    return html`<button part="retry" class="retry" type="button" aria-disabled=${ifDefined(pending || undefined)} @click=${onRetry}>
      ${resetTexts().tryAgain}
    </button>`;
  }
  return nothing;
}
