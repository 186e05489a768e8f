// The oldest browsers the bundles support, and the feature that sets each floor: one list that
// the builds take their syntax target from (vite.config.ts, vite.reset.config.ts,
// vite.snippet.config.ts) and that scripts/check-browser-support.js holds the README's
// "Browser support" table to.

/** Each engine's floor: the newest of the features in `FEATURES` it needs. */
export const FLOORS = [
  // Static blocks need 94; the build's compatibility data keeps ES2022 private members as written
  // only from 98 (below it they are rewritten into WeakMaps: 440 B more, past the size budget).
  { browser: 'Chrome, Edge', target: ['chrome98', 'edge98'], version: '98', setBy: 'ES2022 private class members and static blocks, as the build emits them' },
  { browser: 'Firefox', target: ['firefox101'], version: '101', setBy: 'adoptedStyleSheets (under the reset page\'s strict CSP)' },
  { browser: 'Safari (macOS, iOS, iPadOS)', target: ['safari16.4', 'ios16.4'], version: '16.4', setBy: 'ES2022 class static blocks, adoptedStyleSheets' },
];

/** The syntax target of every bundle: what esbuild/oxc may emit for the floors above. */
export const BUILD_TARGET = FLOORS.flatMap(({ target }) => target);
