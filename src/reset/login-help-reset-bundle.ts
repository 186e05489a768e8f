// The reset page's script-tag bundle, dist/login-help-reset.js (vite.reset.config.ts): defines
// <login-help-reset> and exports its API. The panel's three elements are not in it, and it is
// not in theirs (dist/login-help.js).
export * from './index.js';
export { defineLoginHelpReset } from './define-reset.js';
