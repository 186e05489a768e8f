// The configuration only `<login-help>` and its two forms take (SPEC §3): the per-form action
// URLs, support-email and idempotent, and the list of what the panel forwards to its forms. Kept
// apart from ./config-element.ts so the reset page's bundle, which has none of them, is smaller.
import type { PropertyDeclarations } from 'lit';
import { LoginHelpConfigElement } from './config-element.js';

/** The properties `<login-help>` passes on to its forms. */
export const FORWARDED_CONFIG = [
  'endpoint',
  'usernameAction',
  'passwordAction',
  'supportEmail',
  'timeout',
  'credentials',
  'csrfToken',
  'csrfHeader',
  'idempotent',
] as const;

/** The configuration of `<login-help>` and its forms: every element's, plus the forms' own. */
export class LoginHelpPanelConfigElement extends LoginHelpConfigElement {
  static override properties: PropertyDeclarations = {
    usernameAction: { attribute: 'username-action' },
    passwordAction: { attribute: 'password-action' },
    supportEmail: { attribute: 'support-email' },
    idempotent: { type: Boolean },
  };

  /** Full URL for the Forgot User Name? form, overriding `endpoint` for it. */
  usernameAction?: string;

  /** Full URL for the Password Help? form, overriding `endpoint` for it. */
  passwordAction?: string;

  /**
   * The address behind "email us" in the Attention dialog. Only a plain `name@domain` address
   * is used; anything else (a `?`, `&`, `:`, space or line break in it) means no link.
   * A `supportEmail` in the backend's answer takes precedence.
   */
  supportEmail?: string;

  /**
   * Send an `Idempotency-Key` header (a random UUID per submission, the same one when the person
   * retries the same values after a network failure or timeout). Off by default: a cross-origin
   * backend must allow the header in its CORS policy first.
   */
  idempotent = false;
}
