// How the two script-tag bundles are minified (vite.config.ts, vite.reset.config.ts): Terser with
// two passes rather than Vite's default (Oxc), because it inlines a helper used once into its
// caller, so the source can stay split into small readable modules at no cost in bytes. Only
// safe rewrites; ASCII escaping comes after, in scripts/ascii-entry.js.
export const TERSER_OPTIONS = {
  ecma: 2020,
  module: true,
  compress: { passes: 2, keep_fargs: false },
  format: { comments: false },
};
