// The package root: SPEC §2 says importing it defines the tags (all four here).
export * from './index.js';
export { defineLoginHelp, defineLoginHelpReset } from './define.js';
