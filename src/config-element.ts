// The base of every login-help element: the attributes SPEC §3 and §8 give all of them (endpoint,
// timeout, CSRF, theme…), read once here so the panel, its forms and the reset page agree. The
// panel's and its forms' own (the form actions, support-email, idempotent) are in
// ./panel-config-element.ts, so the reset page's bundle carries none of them.
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { inLocale } from './i18n/active-locale.js';
import { LocaleController } from './i18n/locale-controller.js';

const CREDENTIALS: readonly RequestCredentials[] = ['omit', 'same-origin', 'include'];

/** Default `timeout` in milliseconds. */
export const DEFAULT_TIMEOUT = 15000;

/**
 * The configuration every login-help element accepts (SPEC §3, §8). `<login-help>` forwards
 * these to its two forms; each form reads them at submit time, so a change takes effect on the
 * next submit. The theme tokens below inherit, so setting them on `<login-help>` styles both forms.
 *
 * @cssprop --login-help-color-text - Text colour.
 * @cssprop --login-help-color-background - Background of inputs and the dialog (and of the element with a forced `theme`).
 * @cssprop --login-help-color-border - Input, dialog and section border colour.
 * @cssprop --login-help-color-accent - Submit button and link colour.
 * @cssprop --login-help-color-accent-text - Text on the Submit button.
 * @cssprop --login-help-color-error - Error text, error summary and invalid field border.
 * @cssprop --login-help-color-success - Success message colour.
 * @cssprop --login-help-color-focus - Focus outline colour.
 * @cssprop --login-help-radius - Corner radius of inputs, buttons, the summary and the dialog.
 * @cssprop --login-help-space - Base spacing between fields and sections.
 * @cssprop --login-help-dialog-backdrop - Backdrop behind the Attention dialog.
 */
export class LoginHelpConfigElement extends LitElement {
  // Declared here rather than with decorators: the same thing, without shipping the decorator code.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    timeout: { type: Number },
    credentials: {},
    csrfToken: { attribute: 'csrf-token' },
    csrfHeader: { attribute: 'csrf-header' },
    theme: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /**
   * Base URL of the backend. Requests go to `{endpoint}/forgot-username` and
   * `{endpoint}/password-help`. A relative URL resolves against the page.
   */
  endpoint?: string;

  /** Milliseconds before a request is given up (default 15000). */
  timeout = DEFAULT_TIMEOUT;

  /** The fetch credentials mode: `omit`, `same-origin` (default) or `include`. */
  credentials: RequestCredentials = 'same-origin';

  /** CSRF token sent as a request header; defaults to `<meta name="csrf-token">`'s content. */
  csrfToken?: string;

  /** Name of the CSRF request header (default `X-CSRF-Token`). */
  csrfHeader = 'X-CSRF-Token';

  /**
   * Colour scheme: `light`, `dark`, or `auto` (follow the person's preference); each paints its
   * own padded background. Without it, the widget follows the page's CSS `color-scheme` and
   * leaves the background to the page.
   */
  theme?: 'light' | 'dark' | 'auto';

  /** Outline level of this element's top heading (default 2); inner headings follow it. */
  headingLevel = 2;

  /** The element's language: resolved, loaded and followed (src/i18n/locale-controller.ts). */
  protected readonly i18n = new LocaleController(this);

  /** Updates in the element's own locale: every msg() that render() makes reads it. */
  protected override update(changed: PropertyValues): void {
    inLocale(this.i18n.current, () => super.update(changed));
  }

  /** `timeout` as a usable number: a missing, negative or non-numeric value means the default. */
  protected get effectiveTimeout(): number {
    const value = Number(this.timeout);
    // setTimeout fires at once past 2^31 - 1 ms (about 24.8 days): clamp rather than time out early.
    return Number.isFinite(value) && value > 0 ? Math.min(value, 2 ** 31 - 1) : DEFAULT_TIMEOUT;
  }

  /** `credentials` as a fetch mode; anything else means `same-origin`. */
  protected get effectiveCredentials(): RequestCredentials {
    return CREDENTIALS.includes(this.credentials) ? this.credentials : 'same-origin';
  }

  /** `heading-level` clamped to 1–6 (ARIA levels beyond 6 are not announced reliably). */
  protected get effectiveHeadingLevel(): number {
    const value = Math.trunc(Number(this.headingLevel));
    return Number.isFinite(value) ? Math.min(6, Math.max(1, value)) : 2;
  }
}
