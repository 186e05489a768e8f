// The package root and the script-tag bundle: SPEC §2 says importing either defines the tags.
export * from './index.js';
export { defineLoginHelp } from './define.js';
