// The public API without side effects: classes, types and events. Importing this defines no tag;
// `login-help/define` (or the package root) does.
export { LoginHelp, type LoginHelpShow } from './login-help.js';
export { LoginHelpUsername } from './forms/login-help-username.js';
export { LoginHelpPassword } from './forms/login-help-password.js';
export { LoginHelpForm } from './forms/login-help-form.js';
export { LoginHelpConfigElement } from './config-element.js';
export {
  LoginHelpErrorEvent,
  LoginHelpNotFoundEvent,
  LoginHelpRequestEvent,
  LoginHelpSentEvent,
  type LoginHelpErrorDetail,
  type LoginHelpEventDetail,
  type LoginHelpRequestDetail,
  type LoginHelpSentDetail,
} from './events.js';
export type { ErrorReason, FormKind, PasswordRequestData, RequestData, UsernameRequestData } from './request/outcome.js';
