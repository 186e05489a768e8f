// The events <login-help-reset> fires, typed; they share the panel's names where they mean the
// same thing and never carry the password or the token.
import type { DeadLink, ResetFault } from './reset-outcome.js';

const init = { bubbles: true, composed: true } as const;

/**
 * What a `<login-help-reset>` event says about the request. Never the password, never the token:
 * the user name once the link has been checked, else nothing.
 */
export interface ResetEventData {
  userName?: string;
}

/** Detail shared by every `<login-help-reset>` event. */
export interface LoginHelpResetEventDetail {
  /** Always `"reset"`. */
  form: 'reset';
  /** `{}` for the link check; `{ userName }` for the new password. Never the password or the token. */
  data: ResetEventData;
}

export interface LoginHelpResetRequestDetail extends LoginHelpResetEventDetail {
  /** Headers that will be sent; a listener may add to them (a cross-origin backend must allow each in CORS). */
  headers: Headers;
}

/** Why a reset did not go through: a dead link, the backend refusing the password, or a fault. */
export type ResetErrorReason = `link-${DeadLink}` | 'invalid' | ResetFault;

export interface LoginHelpResetErrorDetail extends LoginHelpResetEventDetail {
  /** `link-expired`, `link-used`, `link-invalid`, `invalid`, `rate-limited`, `server`, `network`, `timeout` or `config`. */
  reason: ResetErrorReason;
  /** The HTTP status, when there was an answer. */
  status?: number;
}

/** `login-help-request` from `<login-help-reset>`: before the check and before the reset; cancelable. */
export class LoginHelpResetRequestEvent extends CustomEvent<LoginHelpResetRequestDetail> {
  static readonly eventName = 'login-help-request';
  constructor(detail: LoginHelpResetRequestDetail) {
    super(LoginHelpResetRequestEvent.eventName, { ...init, cancelable: true, detail });
  }
}

/** `login-help-error` from `<login-help-reset>`: a dead link (`link-*`), a refused password or a fault. */
export class LoginHelpResetErrorEvent extends CustomEvent<LoginHelpResetErrorDetail> {
  static readonly eventName = 'login-help-error';
  constructor(detail: LoginHelpResetErrorDetail) {
    super(LoginHelpResetErrorEvent.eventName, { ...init, detail });
  }
}

/** Fired when the backend said the new password is saved. */
export class LoginHelpPasswordChangedEvent extends CustomEvent<LoginHelpResetEventDetail> {
  static readonly eventName = 'login-help-password-changed';
  constructor(detail: LoginHelpResetEventDetail) {
    super(LoginHelpPasswordChangedEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-help-password-changed': LoginHelpPasswordChangedEvent;
  }
}
