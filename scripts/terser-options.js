// How the reset page's bundle is minified (vite.reset.config.ts): Oxc, then two passes of Terser,
// which inlines a helper used once into its caller, so the source can stay split into small
// readable modules (src/reset/reset-views.ts…) at no cost in bytes. Only safe rewrites; ASCII
// escaping comes after, in scripts/ascii-entry.js. Not used for dist/login-help.js: there it
// shrinks the English-only build of scripts/feature-cost.js more than the shipped one, and the
// languages budget (`npm run size`) would then read high.
export const TERSER_OPTIONS = {
  ecma: 2020,
  module: true,
  compress: { passes: 2, keep_fargs: false },
  format: { comments: false },
};
