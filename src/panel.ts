// The panel's public API without side effects: <login-help>, <login-help-username> and
// <login-help-password>, their events and types. src/index.ts adds <login-help-reset>.
export { LoginHelp, type LoginHelpShow } from './login-help.js';
export { LoginHelpUsername } from './forms/login-help-username.js';
export { LoginHelpPassword } from './forms/login-help-password.js';
export { LoginHelpForm } from './forms/login-help-form.js';
export { LoginHelpConfigElement } from './config-element.js';
export { LoginHelpPanelConfigElement } from './panel-config-element.js';
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
