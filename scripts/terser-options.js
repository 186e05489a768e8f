// How the two script-tag bundles are minified (vite.config.ts, vite.reset.config.ts): Oxc (Vite's
// default, in rolldown's output), then two passes of Terser, which find what one pass of Oxc
// leaves (about 100 B gzip off each bundle). Only safe rewrites. No function inlining (`inline:
// 0`): it shrinks the English-only build of scripts/feature-cost.js more than the shipped one, and
// the languages budget of `npm run size` would then read about 200 B high. ASCII escaping comes
// after, in scripts/ascii-entry.js.
export const TERSER_OPTIONS = {
  ecma: 2020,
  module: true,
  compress: { inline: 0, passes: 2 },
  format: { comments: false },
};
