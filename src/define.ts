// Registers every tag, idempotently: the panel's three (define-panel.ts) and <login-help-reset>.
export { defineLoginHelp } from './define-panel.js';
export { defineLoginHelpReset } from './reset/define-reset.js';
