// The events the panel's forms fire (SPEC §5), typed, so a page can listen with the right detail
// and GlobalEventHandlersEventMap knows them.
import type { LoginHelpResetErrorEvent, LoginHelpResetRequestEvent } from './reset/reset-events.js';
import type { ErrorReason, FormKind, RequestData } from './request/outcome.js';

const init = { bubbles: true, composed: true } as const;

/** Detail shared by every login-help event. */
export interface LoginHelpEventDetail {
  /** Which form: `"username"` or `"password"`. */
  form: FormKind;
  /** The request body (trimmed values). */
  data: RequestData;
}

export interface LoginHelpRequestDetail extends LoginHelpEventDetail {
  /** Headers that will be sent; a listener may add to them (a cross-origin backend must allow each in CORS). */
  headers: Headers;
}

export interface LoginHelpSentDetail extends LoginHelpEventDetail {
  /** `true` when the backend gave the neutral `accepted` answer. */
  accepted: boolean;
}

export interface LoginHelpErrorDetail extends LoginHelpEventDetail {
  /** What went wrong. */
  reason: ErrorReason;
  /** The HTTP status, when there was an answer. */
  status?: number;
}

/** Fired before a request; cancel it (`preventDefault()`) and nothing is sent. */
export class LoginHelpRequestEvent extends CustomEvent<LoginHelpRequestDetail> {
  static readonly eventName = 'login-help-request';
  constructor(detail: LoginHelpRequestDetail) {
    super(LoginHelpRequestEvent.eventName, { ...init, cancelable: true, detail });
  }
}

/** Fired when the backend said `sent` or `accepted`. */
export class LoginHelpSentEvent extends CustomEvent<LoginHelpSentDetail> {
  static readonly eventName = 'login-help-sent';
  constructor(detail: LoginHelpSentDetail) {
    super(LoginHelpSentEvent.eventName, { ...init, detail });
  }
}

/** Fired when the backend said the email address or user name is not on file. */
export class LoginHelpNotFoundEvent extends CustomEvent<LoginHelpEventDetail> {
  static readonly eventName = 'login-help-not-found';
  constructor(detail: LoginHelpEventDetail) {
    super(LoginHelpNotFoundEvent.eventName, { ...init, detail });
  }
}

/** Fired for every other outcome: invalid input, rate limit, server, network, timeout or config. */
export class LoginHelpErrorEvent extends CustomEvent<LoginHelpErrorDetail> {
  static readonly eventName = 'login-help-error';
  constructor(detail: LoginHelpErrorDetail) {
    super(LoginHelpErrorEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    // <login-help-reset> fires these two as well, with `detail.form` "reset".
    'login-help-request': LoginHelpRequestEvent | LoginHelpResetRequestEvent;
    'login-help-sent': LoginHelpSentEvent;
    'login-help-not-found': LoginHelpNotFoundEvent;
    'login-help-error': LoginHelpErrorEvent | LoginHelpResetErrorEvent;
  }
}
