// The public API without side effects: classes, types and events of all four elements.
// Importing this defines no tag; `login-help/define` (or the package root) does.
export * from './panel.js';
export * from './reset/index.js';
