// <login-help-reset>, the page a reset email links to: its properties, lifecycle and handlers (its
// templates: reset-views.ts, reset-password-field.ts; its state: reset-state.ts; its requests: reset-request.ts).
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LoginHelpConfigElement } from '../config-element.js';
import { errorSummary } from '../forms/error-summary.js';
import { formStyles } from '../forms/form-styles.js';
import { resetRuleText, resetTexts } from '../i18n/texts.js';
import { base, tokens } from '../styles/tokens.js';
import { LoginHelpPasswordChangedEvent, LoginHelpResetErrorEvent, type ResetEventData } from './reset-events.js';
import { checkPasswords, parseCheck, parseSave, type CheckOutcome, type DeadLink, type SaveOutcome } from './reset-outcome.js';
import { passwordField } from './reset-password-field.js';
import { ResetRequest, type ResetPath, type ResetReply } from './reset-request.js';
import { clientErrors, errorsAfterInput, errorText, FIELDS, type Field, type FieldErrors, type SaveFault, type View } from './reset-state.js';
import { resetStyles } from './reset-styles.js';
import { takeTokenFromUrl } from './reset-token.js';
import { afterView, alertView, formView, statusView } from './reset-views.js';

/** What takes focus after a failed check (the error summary) and after an outcome (its link, else its sentence). */
const SUMMARY = '.summary';
const OUTCOME = '[part="link"], .outcome';

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
  private fieldErrors: FieldErrors = {};
  /** Why the last Save Password did not go through (the typed values stay). */
  private saveFault?: SaveFault;
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
    const { endpoint, csrfToken, i18n } = this;
    const wire = { endpoint, csrfToken, csrfHeader: this.csrfHeader || 'X-CSRF-Token', timeout: this.effectiveTimeout, credentials: this.effectiveCredentials };
    return this.#request.send(path, body, data, { ...wire, lang: i18n.requested, ready: () => i18n.needOutcomes() });
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
    this.fieldErrors = errorsAfterInput(this.fieldErrors, problems, (event.target as Element).id);
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
    const errors = clientErrors(checkPasswords(password, confirm, state.minLength));
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

  #errorText(field: Field): string | undefined {
    return errorText(this.fieldErrors[field], this.state.view === 'form' ? this.state.minLength : 0);
  }

  #renderForm(userName: string, minLength: number) {
    const texts = resetTexts();
    const invalid = FIELDS.filter((field) => this.fieldErrors[field]).map((field) => [field, this.#errorText(field)] as const);
    const password = (field: Field, label: string, hint: string) =>
      passwordField(field, label, hint, this.#errorText(field), this.shown[field], this.#onInput, this.#onToggle);
    return formView(
      userName,
      this.#request.pending,
      this.#visibility,
      errorSummary(texts.summaryTitle, this.effectiveHeadingLevel, invalid),
      password('password', texts.newPassword, resetRuleText(minLength)),
      password('confirm', texts.confirmPassword, ''),
      this.#onSave,
    );
  }

  protected override render(): TemplateResult {
    const { state } = this;
    const { pending } = this.#request;
    const { current: lang, dir } = this.i18n;
    // Nothing is sent once done (a new token goes back to checking), so done is never busy.
    const done = state.view === 'done';
    return html`<section part="panel" class="reset" lang=${lang} dir=${dir} aria-labelledby="heading" aria-busy=${this.#request.quiet}>
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this.effectiveHeadingLevel}>
        <slot name="heading">${resetTexts().heading}</slot>
      </div>
      ${state.view === 'form' ? this.#renderForm(state.userName, state.minLength) : nothing}
      <p part="status" class="status ${done ? 'sent' : ''}" role="status">${statusView(state, pending, this.#request.quiet)}</p>
      <div part="alert" class="alert" role="alert">${pending ? nothing : alertView(state, this.saveFault, this.helpUrl)}</div>
      ${afterView(state, pending, this.loginUrl, this.#onRetry)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-help-reset': LoginHelpReset;
  }
}
