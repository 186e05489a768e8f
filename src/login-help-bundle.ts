// The script-tag bundle dist/login-help.js: SPEC §2 says loading it defines the panel's tags.
// <login-help-reset> has a bundle of its own (dist/login-help-reset.js), so neither page
// downloads the other's element.
export * from './panel.js';
export { defineLoginHelp } from './define-panel.js';
