// <login-help-reset>'s public API without side effects: the class, its events and types.
export { LoginHelpReset } from './login-help-reset.js';
export {
  LoginHelpPasswordChangedEvent,
  LoginHelpResetErrorEvent,
  LoginHelpResetRequestEvent,
  type LoginHelpResetErrorDetail,
  type LoginHelpResetEventDetail,
  type LoginHelpResetRequestDetail,
  type ResetErrorReason,
  type ResetEventData,
} from './reset-events.js';
