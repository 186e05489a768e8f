// The base of the panel's two forms, <login-help-username> and <login-help-password>: fields,
// client checks, the request, its outcome and the Attention dialog, shared so each form only names its own.
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LoginHelpPanelConfigElement } from '../panel-config-element.js';
import { attentionDialogTemplate, dialogStyles, emailUsTemplate } from '../dialog/attention-dialog.js';
import { errorText, formTexts, problemText, supportMailFooter } from '../i18n/texts.js';
import { buildMailto } from '../mailto.js';
import type { FormKind, Outcome, RequestData } from '../request/outcome.js';
import { RequestController } from '../request/request-controller.js';
import { base, tokens } from '../styles/tokens.js';
import { plainSupportAddress } from '../support-email.js';
import type { FieldProblem } from '../validation.js';
import { errorSummary } from './error-summary.js';
import { formStyles } from './form-styles.js';

/** The fields of both forms; each name is also the request body's key. */
export type FieldName = 'email' | 'userName' | 'requestedBy';

/**
 * How one input is rendered and checked. No field is spell-checked: an address, a user name or a
 * person's name only collects red underlines.
 */
export interface FieldSpec {
  name: FieldName;
  label: () => string;
  /** Also the input's `inputmode` (the same two words). */
  type: 'email' | 'text';
  autocomplete: 'email' | 'username' | 'name';
  check: (trimmed: string) => FieldProblem | undefined;
}

type Values = Partial<Record<FieldName, string>>;

/** A field's error: a client check's problem (worded at render, in the current locale) or the backend's own text. */
type FieldError = { problem: FieldProblem } | { message: string };

/**
 * What the two forms share: fields with inline errors, client checks, the request, the
 * outcome messages and the Attention dialog. A subclass names its fields and its texts.
 *
 * @slot heading - Replaces the form's heading text.
 * @slot not-found - Replaces the Attention sentence (the typed value and the "email us" link go with it): for wording a CMS editor wants, such as a phone number.
 *
 * @csspart form - The `<form>`.
 * @csspart heading - The form's heading.
 * @csspart label - Each field's label.
 * @csspart input - Each text input.
 * @csspart error - Each field's inline error message.
 * @csspart error-summary - The "There is a problem" summary that links to each invalid field.
 * @csspart submit - The Submit button.
 * @csspart status - The live region for "sending" and success messages.
 * @csspart alert - The live region for failure messages.
 * @csspart dialog - The Attention `<dialog>`.
 * @csspart dialog-title - The dialog's "Attention" title.
 * @csspart dialog-message - The dialog's sentence.
 * @csspart email-us - The "email us" mailto link.
 * @csspart ok - The dialog's OK button.
 */
export abstract class LoginHelpForm extends LoginHelpPanelConfigElement {
  static override styles = [tokens, base, formStyles, dialogStyles];
  // Internal state (attribute: false keeps the manifest from listing it as attributes).
  static override properties: PropertyDeclarations = {
    fieldErrors: { state: true, attribute: false },
    otherErrors: { state: true, attribute: false },
    result: { state: true, attribute: false },
  };

  protected abstract readonly form: FormKind;
  protected abstract readonly fields: readonly FieldSpec[];
  protected abstract heading(): string;
  protected abstract requestData(values: Values): RequestData;
  protected abstract successText(values: Values, accepted: boolean): string;
  protected abstract notFoundMessage(values: Values, emailUs: TemplateResult | string): TemplateResult;
  protected abstract supportMail(values: Values): { subject: string; body: string };

  readonly #request = new RequestController(this);

  /** Messages shown at each field (client checks, or the backend's `invalid` answer). */
  private fieldErrors: Partial<Record<FieldName, FieldError>> = {};
  /** Backend messages for fields this form does not have; shown in the alert. */
  private otherErrors: string[] = [];
  /** The outcome of the last request and the values it was made with. */
  private result?: { outcome: Outcome; values: Values };

  /** Set when new field errors are shown: the error summary takes focus after the render. */
  #focusSummary = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // An answer from the old target must never show up after the page pointed the form elsewhere.
    if (changed.has('endpoint') || changed.has('usernameAction') || changed.has('passwordAction')) this.#request.abort();
    if (this.#focusSummary) {
      this.#focusSummary = false;
      this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
    }
  }

  #readValues(): Values {
    const values: Values = {};
    for (const { name } of this.fields) values[name] = (this.renderRoot.querySelector<HTMLInputElement>(`#${name}`)?.value ?? '').trim();
    return values;
  }

  #showFieldErrors(errors: Partial<Record<FieldName, FieldError>>): void {
    this.fieldErrors = errors;
    this.#focusSummary = Object.keys(errors).length > 0;
  }

  // Event handlers are methods: Lit calls a template's listeners with the element as `this`.
  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#request.pending) return;
    const values = this.#readValues();
    const errors: Partial<Record<FieldName, FieldError>> = {};
    for (const { name, check } of this.fields) {
      const problem = check(values[name] ?? '');
      if (problem) errors[name] = { problem };
    }
    this.otherErrors = [];
    this.result = undefined;
    this.#showFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    // Fetch the outcome texts of the person's language while the request is on its way.
    this.i18n.needOutcomes();

    const outcome = await this.#request.submit({
      form: this.form,
      data: this.requestData(values),
      endpoint: this.endpoint,
      action: this.form === 'username' ? this.usernameAction : this.passwordAction,
      timeout: this.effectiveTimeout,
      credentials: this.effectiveCredentials,
      csrfToken: this.csrfToken,
      csrfHeader: this.csrfHeader || 'X-CSRF-Token',
      idempotent: this.idempotent,
      // A shipped locale, never the page's raw tag, so the header stays CORS-safelisted.
      lang: this.i18n.requested,
      // A screen reader announces an outcome once, as it appears: wait (at most a few seconds)
      // for its texts in the person's language, so it does not appear in English first.
      show: async (outcome) => {
        await this.i18n.needOutcomes();
        if (!this.isConnected) return;
        this.result = { outcome, values };
        if (outcome.kind === 'error' && outcome.reason === 'invalid') this.#showServerFieldErrors(outcome.fieldErrors ?? {});
      },
    });
    if (outcome?.kind === 'not-found') await this.#openDialog();
  }

  #showServerFieldErrors(messages: Record<string, string>): void {
    const mine: Partial<Record<FieldName, FieldError>> = {};
    const other: string[] = [];
    for (const [key, message] of Object.entries(messages)) {
      const field = this.fields.find(({ name }) => name === key);
      if (field) mine[field.name] = { message };
      else other.push(message);
    }
    this.otherErrors = other;
    this.#showFieldErrors(mine);
  }

  async #openDialog(): Promise<void> {
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!this.isConnected || !dialog || dialog.open) return;
    dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('[part="ok"]')?.focus();
  }

  /** OK or Escape: focus goes back to the form, whatever the browser would pick. */
  #onDialogClose(): void {
    if (this.isConnected) this.renderRoot.querySelector<HTMLElement>('[part=submit]')?.focus();
  }

  #onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const field = this.fields.find(({ name }) => name === input.name);
    if (!field || !this.fieldErrors[field.name]) return;
    // Clear a field's error as soon as its value would pass; a new error waits for submit.
    if (!field.check(input.value.trim())) {
      const { [field.name]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  #supportHref(values: Values): string | undefined {
    const outcome = this.result?.outcome;
    const address = outcome?.supportEmail ?? plainSupportAddress(this.supportEmail?.trim());
    if (!address) return undefined;
    const { subject, body } = this.supportMail(values);
    const reference = this.#request.lastReference;
    const footer = reference ? `\n\n${supportMailFooter(reference.reference, reference.time, this.i18n.tag)}` : '';
    return buildMailto(address, subject, body + footer);
  }

  /** A field's error message in the current locale, or `undefined`. */
  #errorText(name: FieldName): string | undefined {
    const error = this.fieldErrors[name];
    if (!error) return undefined;
    return 'problem' in error ? problemText(name, error.problem) : error.message;
  }

  #renderField(field: FieldSpec) {
    const error = this.#errorText(field.name);
    const errorId = `${field.name}-error`;
    return html`<div class="field">
      <div class="label-row">
        <label part="label" for=${field.name}>${field.label()}</label><span class="required" aria-hidden="true">*</span>
      </div>
      ${error
        ? html`<p part="error" class="error" id=${errorId}>
            <span class="visually-hidden">${formTexts().errorPrefix} </span>${error}
          </p>`
        : nothing}
      <input
        part="input"
        id=${field.name}
        name=${field.name}
        type=${field.type}
        required
        autocomplete=${field.autocomplete}
        inputmode=${field.type}
        autocapitalize="off"
        spellcheck="false"
        aria-invalid=${ifDefined(error ? 'true' : undefined)}
        aria-describedby=${error ? errorId : nothing}
        @input=${this.#onInput}
      />
    </div>`;
  }

  #renderStatus() {
    if (this.#request.pending) return formTexts().sending;
    const result = this.result;
    return result?.outcome.kind === 'sent' ? this.successText(result.values, result.outcome.accepted) : nothing;
  }

  #renderAlert() {
    const outcome = this.result?.outcome;
    if (this.#request.pending || outcome?.kind !== 'error') return nothing;
    return html`${errorText(outcome.reason, outcome.retryAfterSeconds)}${this.otherErrors.length
      ? html`<ul>
          ${this.otherErrors.map((message) => html`<li>${message}</li>`)}
        </ul>`
      : nothing}`;
  }

  #renderDialog() {
    const result = this.result;
    const content =
      result?.outcome.kind === 'not-found'
        ? { message: this.notFoundMessage(result.values, emailUsTemplate(this.#supportHref(result.values))) }
        : undefined;
    return attentionDialogTemplate(content, this.i18n, this.#onDialogClose);
  }

  protected override render() {
    const pending = this.#request.pending;
    const sent = this.result?.outcome.kind === 'sent' && !pending;
    const { current: lang, dir } = this.i18n;
    const invalid = this.fields.filter(({ name }) => this.fieldErrors[name]).map(({ name }) => [name, this.#errorText(name)] as const);
    return html`<form part="form" lang=${lang} dir=${dir} novalidate aria-labelledby="heading" aria-busy=${pending} @submit=${this.#onSubmit}>
        <div part="heading" class="heading" id="heading" role="heading" aria-level=${this.effectiveHeadingLevel}>
          <slot name="heading">${this.heading()}</slot>
        </div>
        ${errorSummary(formTexts().summaryTitle, this.effectiveHeadingLevel, invalid)} ${this.fields.map((field) => this.#renderField(field))}
        <button part="submit" type="submit" aria-disabled=${pending}>${formTexts().submit}</button>
        <p part="status" class="status ${sent ? 'sent' : ''}" role="status">${this.#renderStatus()}</p>
        <div part="alert" class="alert" role="alert">${this.#renderAlert()}</div>
      </form>
      ${this.#renderDialog()}`;
  }
}
