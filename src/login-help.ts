// <login-help>, the panel a portal puts on its page: the heading, the two options and their
// forms, with the page's configuration and slotted wording passed down to them.
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FORWARDED_CONFIG, LoginHelpPanelConfigElement } from './panel-config-element.js';
// The forms render inside this panel; define.ts registers all three tags (no side effects here).
import { LoginHelpPassword } from './forms/login-help-password.js';
import { LoginHelpUsername } from './forms/login-help-username.js';
import { panelTexts } from './i18n/texts.js';
import { base, tokens } from './styles/tokens.js';

/** Which forms `<login-help>` shows. */
export type LoginHelpShow = 'both' | 'username' | 'password';

/**
 * The whole **Login Help** panel: a heading, two sentences of introduction, then
 * "Option 1) User name help" with `<login-help-username>` and "Option 2) Password help" with
 * `<login-help-password>`. Its configuration attributes are forwarded to both forms, and their
 * events bubble out of it.
 *
 * @tagname login-help
 * @summary The Login Help panel with both forms.
 *
 * @fires login-help-request - From either form, before its request; cancelable.
 * @fires login-help-sent - From either form: the backend said sent or accepted.
 * @fires login-help-not-found - From either form: not on file.
 * @fires login-help-error - From either form: any other outcome.
 *
 * @slot heading - Replaces the "Login Help" heading text.
 * @slot intro - Replaces the two introductory sentences.
 * @slot username-option - Replaces "Option 1) User name help".
 * @slot password-option - Replaces "Option 2) Password help".
 * @slot username-heading - Replaces "Forgot User Name?".
 * @slot password-heading - Replaces "Password Help?".
 * @slot username-not-found - Replaces the user-name Attention sentence (the typed value and the "email us" link go with it).
 * @slot password-not-found - Replaces the password Attention sentence (likewise).
 *
 * @csspart panel - The panel's `<section>`.
 * @csspart heading - The "Login Help" heading.
 * @csspart intro - Each introductory sentence.
 * @csspart option - Each option's `<section>`.
 * @csspart option-heading - Each option's heading.
 * @csspart username - The `<login-help-username>` form element.
 * @csspart password - The `<login-help-password>` form element.
 * @csspart form-heading - Each form's heading (the forms' `heading` part).
 * @csspart form - Each form's `<form>`; likewise `label`, `input`, `error`, `submit`, `status`,
 *   `alert`, `dialog`, `dialog-title`, `dialog-message`, `email-us` and `ok` from both forms.
 */
export class LoginHelp extends LoginHelpPanelConfigElement {
  static override properties: PropertyDeclarations = { show: { reflect: true } };

  static override styles = [
    tokens,
    base,
    css`
      section.panel {
        display: grid;
        gap: var(--_space);
      }
      .heading {
        margin: 0;
        font-size: 1.5em;
        font-weight: 700;
      }
      .intro {
        margin: 0;
      }
      .option {
        display: grid;
        gap: calc(var(--_space) / 2);
        padding-block-start: var(--_space);
        border-block-start: 1px solid var(--_color-border);
      }
      .option-heading {
        margin: 0;
        font-size: 1.25em;
        font-weight: 700;
      }
    `,
  ];

  // A forwarded slot counts as content even when empty, which would hide the form's own
  // (localized) default: forward only what the page provides, and re-render when that changes.
  readonly #lightDom = new MutationObserver(() => this.requestUpdate());

  /** Which forms to show: `both` (default), `username` or `password`. */
  show: LoginHelpShow = 'both';

  #renderOption(kind: 'username' | 'password', heading: string) {
    const level = this.effectiveHeadingLevel;
    const forwarded = html`${this.#forward(`${kind}-heading`, 'heading')}${this.#forward(`${kind}-not-found`, 'not-found')}`;
    // The forms' parts are re-exported, so `login-help::part(input)` styles both forms from the
    // page. Written into the markup, not bound: a constant costs the first render nothing.
    const form =
      kind === 'username'
        ? html`<login-help-username part="username" exportparts="form, heading: form-heading, label, input, error, error-summary, submit, status, alert, dialog, dialog-title, dialog-message, email-us, ok" .headingLevel=${Math.min(6, level + 2)}>${forwarded}</login-help-username>`
        : html`<login-help-password part="password" exportparts="form, heading: form-heading, label, input, error, error-summary, submit, status, alert, dialog, dialog-title, dialog-message, email-us, ok" .headingLevel=${Math.min(6, level + 2)}>${forwarded}</login-help-password>`;
    return html`<section part="option" class="option" aria-labelledby="${kind}-option">
      <div part="option-heading" class="option-heading" id="${kind}-option" role="heading" aria-level=${Math.min(6, level + 1)}>
        <slot name="${kind}-option">${heading}</slot>
      </div>
      ${form}
    </section>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#lightDom.observe(this, { childList: true, subtree: true, attributes: true, attributeFilter: ['slot'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#lightDom.disconnect();
  }

  /** `<slot name=… slot=…>` passing the page's content on to a form, when the page gave some. */
  #forward(name: string, into: string) {
    return this.querySelector(`:scope > [slot="${name}"]`) ? html`<slot name=${name} slot=${into}></slot>` : nothing;
  }

  /** Forwards the configuration on every update, so a form that `show` just added gets it too. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const forms = this.renderRoot.querySelectorAll<LoginHelpUsername | LoginHelpPassword>('login-help-username, login-help-password');
    for (const form of forms) {
      for (const key of FORWARDED_CONFIG) (form as unknown as Record<string, unknown>)[key] = this[key];
      // The panel's resolved language, not only its own attribute: a form looking up the tree
      // would meet the panel's inner lang="en" while the locale is still loading.
      form.lang = this.i18n.tag;
    }
  }

  protected override render(): TemplateResult {
    const texts = panelTexts();
    const { current: lang, dir } = this.i18n;
    const show = this.show === 'username' || this.show === 'password' ? this.show : 'both';
    return html`<section part="panel" class="panel" lang=${lang} dir=${dir} aria-labelledby="panel-heading">
      <div part="heading" class="heading" id="panel-heading" role="heading" aria-level=${this.effectiveHeadingLevel}>
        <slot name="heading">${texts.heading}</slot>
      </div>
      <slot name="intro">
        <p part="intro" class="intro">${texts.intro}</p>
        <p part="intro" class="intro">${texts.options}</p>
      </slot>
      ${show !== 'password' ? this.#renderOption('username', texts.usernameOption) : nothing}
      ${show !== 'username' ? this.#renderOption('password', texts.passwordOption) : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-help': LoginHelp;
  }
}
