// New Password and Confirm New Password as <login-help-reset> draws them: label, rule, inline
// error and the Show/Hide button, wired by ids inside the element's one shadow root.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { resetTexts } from '../i18n/texts.js';
import type { Field } from './reset-state.js';

/**
 * One password field. `hint` is the rule under it (empty for none); `error` its inline message;
 * `shown` whether the password reads as text. The handlers are the element's (Lit calls them with
 * the element as `this`).
 */
export function passwordField(
  field: Field,
  label: string,
  hint: string,
  error: string | undefined,
  shown: boolean,
  onInput: (event: Event) => void,
  onToggle: (event: Event) => void,
): TemplateResult {
  const texts = resetTexts();
  const describedBy = `${hint ? `${field}-hint` : ''} ${error ? `${field}-error` : ''}`.trim();
  const toggleName = field === 'password' ? (shown ? texts.hideNew : texts.showNew) : shown ? texts.hideConfirm : texts.showConfirm;
  return html`<div class="field">
    <div class="label-row">
      <label part="label" for=${field}>${label}</label><span class="required" aria-hidden="true">*</span>
    </div>
    ${hint ? html`<p part="hint" id="${field}-hint">${hint}</p>` : nothing}
    ${error
      ? html`<p part="error" class="error" id="${field}-error"><span class="visually-hidden">${texts.errorPrefix} </span><bdi>${error}</bdi></p>`
      : nothing}
    <div class="input-row">
      <input
        part="input"
        id=${field}
        name=${field}
        type=${shown ? 'text' : 'password'}
        required
        autocomplete="new-password"
        autocapitalize="off"
        spellcheck="false"
        aria-invalid=${ifDefined(error ? 'true' : undefined)}
        aria-describedby=${describedBy || nothing}
        @input=${onInput}
      />
      <button part="toggle" class="toggle" type="button" data-field=${field} aria-controls=${field} aria-label=${toggleName} @click=${onToggle}>
        ${shown ? texts.hide : texts.show}
      </button>
    </div>
  </div>`;
}
