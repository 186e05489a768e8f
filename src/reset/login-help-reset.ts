import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LoginHelpConfigElement } from '../config-element.js';
import { formStyles } from '../forms/form-styles.js';
import { resetErrorText, resetLinkText, resetProblemText, resetRuleText, resetTexts } from '../i18n/texts.js';
import { base, tokens } from '../styles/tokens.js';
import { LoginHelpPasswordChangedEvent, LoginHelpResetErrorEvent, type ResetEventData } from './reset-events.js';
import { checkPasswords, parseCheck, parseSave, type CheckOutcome, type DeadLink, type ResetFault, type SaveOutcome } from './reset-outcome.js';
import { httpUrl, ResetRequest, type ResetPath, type ResetReply } from './reset-request.js';
import { resetStyles } from './reset-styles.js';
import { takeTokenFromUrl } from './reset-token.js';

type Field = 'password' | 'confirm';
const FIELDS: readonly Field[] = ['password', 'confirm'];
/** What takes focus after a failed check (the error summary) and after an outcome (its link, else its sentence). */
const SUMMARY = '.summary';
const OUTCOME = '[part="link"], .outcome';

/** A field's error: a client check (worded at render, in the current locale) or the backend's own text. */
type FieldError = { problem: Parameters<typeof resetProblemText>[0] } | { message: string };

/** What the element shows. */
type View =
  | { view: 'checking' }
  | { view: 'form'; userName: string; minLength: number }
  | { view: 'done' }
  | { view: 'dead'; link: DeadLink }
  /** The link could not be checked; without a reason, a listener cancelled the check. */
  | { view: 'fault'; fault?: { reason: ResetFault; status?: number; retryAfterSeconds?: number } };

// Outside the class, so the manifest analyzer does not list each dispatch as an unnamed event
// (the @fires tags below name them).
const fire = (host: HTMLElement, event: Event) => host.dispatchEvent(event);

/**
 * **Create a New Password**: the page a "Reset Your Password" email links to. On connect it checks
 * the link's token with the backend; a usable link shows the user name, New Password and Confirm
 * New Password (each with Show/Hide) and Save Password; an expired, used or unknown link says so
 * and links to `help-url` for a new one. The password and the token never go into an event, the
 * console, a URL or storage. `username-action`, `password-action` and `support-email` do not
 * apply to this element. The form, every outcome and "Checking your link…" / "Saving your new
 * password…" appear in the element's language, never in English first (a live region is
 * announced once): while that language's texts load it stays busy (`aria-busy`, its status
 * empty), for at most 3 seconds, then shows them in English.
 *
 * @tagname login-help-reset
 * @summary Create a New Password: the reset link's page.
 *
 * @fires login-help-request - Before the link check and before the reset; cancelable; `detail.headers` may be added to. `detail.form` is `"reset"`.
 * @fires login-help-password-changed - The backend saved the new password. `detail.data` is `{ userName }`.
 * @fires login-help-error - A dead link (`reason` `link-expired`, `link-used`, `link-invalid`), a refused password (`invalid`), or `rate-limited`, `server`, `network`, `timeout`, `config`.
 *
 * @slot heading - Replaces "Create a New Password".
 * @slot link-expired - Replaces "This link has expired."
 * @slot link-used - Replaces "This link was already used."
 * @slot link-invalid - Replaces "This link is not valid."
 * @slot changed - Replaces "Your password has been changed."
 *
 * @csspart panel - The element's `<section>`.
 * @csspart heading - The heading.
 * @csspart form - The `<form>`.
 * @csspart label - Each field's label.
 * @csspart input - Each input (the read-only user name too).
 * @csspart hint - The password rule under New Password.
 * @csspart toggle - Each Show/Hide button.
 * @csspart error - Each field's inline error message.
 * @csspart error-summary - The "There is a problem" summary that links to each invalid field.
 * @csspart submit - The Save Password button.
 * @csspart status - The live region for "Checking…", "Saving…" and success.
 * @csspart alert - The live region for a dead link and for failures.
 * @csspart link - "Request a new link" (to `help-url`) and "Sign in" (to `login-url`).
 * @csspart retry - The "Try again" button when the link could not be checked.
 */
export class LoginHelpReset extends LoginHelpConfigElement {
  static override styles = [tokens, base, formStyles, resetStyles];
  static override properties: PropertyDeclarations = {
    token: {},
    helpUrl: { attribute: 'help-url' },
    loginUrl: { attribute: 'login-url' },
    state: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
    saveFault: { state: true, attribute: false },
    shown: { state: true, attribute: false },
  };

  readonly #request = new ResetRequest(this);

  /**
   * The reset token. Default: read from the page address, `#token=…` first, then `?token=…`, and
   * then removed from the address bar (`history.replaceState`, the rest of the address kept).
   * Setting it checks the new link.
   */
  token?: string;

  /** The Login Help page, the target of "Request a new link" when the link cannot be used. */
  helpUrl?: string;

  /** The sign-in page, linked once the password is changed. */
  loginUrl?: string;

  private state: View = { view: 'checking' };
  private fieldErrors: Partial<Record<Field, FieldError>> = {};
  /** Why the last Save Password did not go through (the typed values stay). */
  private saveFault?: { reason: ResetFault | 'invalid'; retryAfterSeconds?: number };
  private shown: Record<Field, boolean> = { password: false, confirm: false };

  /** The token read from the page address, kept once it has left the address bar. */
  #urlToken?: string;
  #urlRead?: boolean;
  /** The last Show/Hide press, for the polite announcement. */
  #visibility = '';
  /** What takes focus after the next render (a selector): set only after the person acted. */
  #focus?: typeof SUMMARY | '#password' | typeof OUTCOME;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#urlRead && !this.token) {
      this.#urlRead = true;
      const { token, href } = takeTokenFromUrl(location.href);
      if (token !== undefined) {
        this.#urlToken = token;
        history.replaceState(history.state, '', href);
      }
    }
    // After the first render, so the live region exists before "Checking your link…" goes in; and
    // again when the element comes back after leaving mid-check (that check was abandoned).
    void this.updateComplete.then(() => {
      if (this.isConnected && this.state.view === 'checking' && !this.#request.pending) void this.#check(false);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) return;
    // A new link: check it. A new endpoint: an answer from the old one must never show.
    const token = changed.has('token');
    if (token || changed.has('endpoint')) this.#request.abort();
    if (token || (changed.has('endpoint') && this.state.view === 'checking')) void this.#check(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.#focus;
    this.#focus = undefined;
    if (focus) this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  get #token(): string | undefined {
    return this.token?.trim() || this.#urlToken;
  }

  #value(name: Field): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${name}`)?.value ?? '';
  }

  #send(path: ResetPath, body: Record<string, string>, data: ResetEventData): Promise<ResetReply | undefined> {
    return this.#request.send(path, body, data, {
      endpoint: this.endpoint,
      timeout: this.effectiveTimeout,
      credentials: this.effectiveCredentials,
      csrfToken: this.csrfToken,
      csrfHeader: this.csrfHeader || 'X-CSRF-Token',
      lang: this.i18n.requested,
      ready: () => this.i18n.needOutcomes(),
    });
  }

  #fire(data: ResetEventData, reason: LoginHelpResetErrorEvent['detail']['reason'], status?: number): void {
    fire(this, new LoginHelpResetErrorEvent({ form: 'reset', data, reason, status }));
  }

  #dead(link: DeadLink, data: ResetEventData, status?: number): void {
    this.state = { view: 'dead', link };
    this.#fire(data, `link-${link}`, status);
  }

  /** Checks the link; `byPerson` when "Try again" asked for it (focus then follows the outcome). */
  async #check(byPerson: boolean): Promise<void> {
    const token = this.#token;
    this.fieldErrors = {};
    this.saveFault = undefined;
    if (!byPerson) this.state = { view: 'checking' };
    if (!token) {
      // Shown as an answer would be, once its words are in (bounded); unless a newer check (a token
      // came, or the element was moved) took over meanwhile.
      const waiting = this.state;
      await this.i18n.needOutcomes();
      if (this.state === waiting) this.#dead('invalid', {});
      return;
    }
    const reply = await this.#send('reset-password/check', { token }, {});
    // Left the document, or a newer check or endpoint took over: nothing to show.
    if (!reply || !this.isConnected) return;
    if (reply.kind === 'cancelled') {
      this.state = { view: 'fault' };
      return;
    }
    const outcome: CheckOutcome = reply.kind === 'fault' ? reply : parseCheck(reply);
    if (outcome.kind === 'valid') {
      this.state = { view: 'form', userName: outcome.userName, minLength: outcome.minLength };
      this.shown = { password: false, confirm: false };
      if (byPerson) this.#focus = '#password';
    } else if (outcome.kind === 'dead') {
      this.#dead(outcome.link, {}, outcome.status);
      if (byPerson) this.#focus = OUTCOME;
    } else {
      this.state = { view: 'fault', fault: outcome };
      this.#fire({}, outcome.reason, outcome.status);
    }
  }

  // Event handlers are methods: Lit calls a template's listeners with the element as `this`.
  #onRetry(): void {
    if (!this.#request.pending) void this.#check(true);
  }

  #onToggle(event: Event): void {
    const field = (event.currentTarget as HTMLButtonElement).dataset.field as Field;
    const visible = !this.shown[field];
    this.shown = { ...this.shown, [field]: visible };
    this.#visibility = visible ? resetTexts().shown : resetTexts().hidden;
  }

  #onInput(event: Event): void {
    const { state } = this;
    if (state.view !== 'form') return;
    const problems = checkPasswords(this.#value('password'), this.#value('confirm'), state.minLength);
    // An error goes as soon as its field would pass; the backend's goes once that field is edited.
    const kept: Partial<Record<Field, FieldError>> = {};
    for (const field of FIELDS) {
      const error = this.fieldErrors[field];
      if (error && (problems[field] || ('message' in error && (event.target as Element).id !== field))) kept[field] = error;
    }
    if (Object.keys(kept).length < Object.keys(this.fieldErrors).length) this.fieldErrors = kept;
  }

  async #onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.view !== 'form' || this.#request.pending) return;
    const token = this.#token ?? '';
    const password = this.#value('password');
    const confirm = this.#value('confirm');
    // Hidden again before anything else, as GOV.UK's password input does on submit.
    this.shown = { password: false, confirm: false };
    this.#visibility = '';
    this.saveFault = undefined;
    const problems = checkPasswords(password, confirm, state.minLength);
    const errors: Partial<Record<Field, FieldError>> = {};
    for (const field of FIELDS) if (problems[field]) errors[field] = { problem: problems[field] };
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      this.#focus = SUMMARY;
      return;
    }
    const data = { userName: state.userName };
    const reply = await this.#send('reset-password', { token, password }, data);
    if (!reply || reply.kind === 'cancelled' || !this.isConnected) return;
    const outcome: SaveOutcome = reply.kind === 'fault' ? reply : parseSave(reply);
    if (outcome.kind === 'reset') {
      // Both passwords emptied (the user name keeps its value, the default).
      this.renderRoot.querySelector('form')?.reset();
      this.state = { view: 'done' };
      this.#focus = OUTCOME;
      fire(this, new LoginHelpPasswordChangedEvent({ form: 'reset', data }));
    } else if (outcome.kind === 'dead') {
      this.#dead(outcome.link, data, outcome.status);
      this.#focus = OUTCOME;
    } else if (outcome.kind === 'invalid') {
      if (outcome.password !== undefined) {
        this.fieldErrors = { password: { message: outcome.password } };
        this.#focus = SUMMARY;
      }
      this.saveFault = { reason: 'invalid' };
      this.#fire(data, 'invalid', outcome.status);
    } else {
      this.saveFault = outcome;
      this.#fire(data, outcome.reason, outcome.status);
    }
  }

  /** A summary link moves focus to its field without touching the page's URL. */
  #onSummaryLink(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>((event.currentTarget as HTMLAnchorElement).hash)?.focus();
  }

  #errorText(field: Field): string | undefined {
    const error = this.fieldErrors[field];
    if (!error) return undefined;
    return 'message' in error ? error.message : resetProblemText(error.problem, this.state.view === 'form' ? this.state.minLength : 0);
  }

  #renderSummary() {
    const invalid = FIELDS.filter((field) => this.fieldErrors[field]);
    if (!invalid.length) return nothing;
    return html`<div part="error-summary" class="summary" role="region" tabindex="-1" aria-labelledby="summary-title">
      <div role="alert">
        <div id="summary-title" class="summary-title" role="heading" aria-level=${Math.min(6, this.effectiveHeadingLevel + 1)}>${resetTexts().summaryTitle}</div>
        <ul>
          ${invalid.map((field) => html`<li><a href="#${field}" @click=${this.#onSummaryLink}><bdi>${this.#errorText(field)}</bdi></a></li>`)}
        </ul>
      </div>
    </div>`;
  }

  #renderPassword(field: Field, label: string, hint: unknown) {
    const texts = resetTexts();
    const error = this.#errorText(field);
    const shown = this.shown[field];
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
          @input=${this.#onInput}
        />
        <button part="toggle" class="toggle" type="button" data-field=${field} aria-controls=${field} aria-label=${toggleName} @click=${this.#onToggle}>
          ${shown ? texts.hide : texts.show}
        </button>
      </div>
    </div>`;
  }

  #renderForm(userName: string, minLength: number) {
    const texts = resetTexts();
    const pending = this.#request.pending;
    return html`<form part="form" novalidate aria-labelledby="heading" aria-busy=${pending} @submit=${this.#onSave}>
      ${this.#renderSummary()}
      <div class="field">
        <label part="label" for="userName">${texts.userName}</label>
        <input part="input" id="userName" name="userName" type="text" readonly autocomplete="username" value=${userName} />
      </div>
      ${this.#renderPassword('password', texts.newPassword, resetRuleText(minLength))}
      ${this.#renderPassword('confirm', texts.confirmPassword, '')}
      <span class="visually-hidden" aria-live="polite">${this.#visibility}</span>
      <button part="submit" type="submit" aria-disabled=${ifDefined(pending || undefined)}>${texts.save}</button>
    </form>`;
  }

  #renderStatus() {
    const { state } = this;
    // Said in the page's language only: until its words are in (or 3 s have passed), nothing, and
    // the panel is aria-busy.
    if (this.#request.pending) return this.#request.quiet ? nothing : state.view === 'form' ? resetTexts().saving : resetTexts().checking;
    return state.view === 'done' ? html`<slot name="changed">${resetTexts().changed}</slot>` : nothing;
  }

  #renderAlert() {
    const { state } = this;
    if (this.#request.pending) return nothing;
    if (state.view === 'dead') {
      const help = httpUrl(this.helpUrl)?.href;
      return html`<p class="outcome" tabindex="-1"><slot name="link-${state.link}">${resetLinkText(state.link)}</slot></p>
        <p>${help ? html`<a part="link" href=${help}>${resetTexts().newLink}</a>` : resetTexts().newLinkText}</p>`;
    }
    const fault = state.view === 'fault' ? state.fault : this.saveFault;
    if (!fault) return nothing;
    return html`<p>${resetErrorText(fault.reason, fault.retryAfterSeconds)}</p>`;
  }

  #renderAfter() {
    const { state } = this;
    if (state.view === 'done') {
      const login = httpUrl(this.loginUrl)?.href;
      return login
        ? html`<p><a part="link" href=${login}>${resetTexts().signInLink}</a></p>`
        : html`<p class="outcome" tabindex="-1">${resetTexts().signInText}</p>`;
    }
    // "Try again" stays (disabled, and focused) while the new check runs.
    if (state.view === 'fault' && state.fault?.reason !== 'config') {
      return html`<button part="retry" class="retry" type="button" aria-disabled=${ifDefined(this.#request.pending || undefined)} @click=${this.#onRetry}>
        ${resetTexts().tryAgain}
      </button>`;
    }
    return nothing;
  }

  protected override render(): TemplateResult {
    const { state } = this;
    const { current: lang, dir } = this.i18n;
    // Nothing is sent once done (a new token goes back to checking), so done is never busy.
    const done = state.view === 'done';
    return html`<section part="panel" class="reset" lang=${lang} dir=${dir} aria-labelledby="heading" aria-busy=${this.#request.quiet}>
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this.effectiveHeadingLevel}>
        <slot name="heading">${resetTexts().heading}</slot>
      </div>
      ${state.view === 'form' ? this.#renderForm(state.userName, state.minLength) : nothing}
      <p part="status" class="status ${done ? 'sent' : ''}" role="status">${this.#renderStatus()}</p>
      <div part="alert" class="alert" role="alert">${this.#renderAlert()}</div>
      ${this.#renderAfter()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-help-reset': LoginHelpReset;
  }
}
