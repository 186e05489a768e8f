import { defineConfig } from 'vite';
import { asciiEntryPlugin } from './scripts/ascii-entry.js';
import { localeChunksPlugin, localeEntries } from './scripts/locale-chunks.js';
import { minifyLitTemplatesPlugin } from './scripts/minify-lit-templates.js';
import { BUILD_TARGET } from './scripts/browser-support.js';
import { TERSER_OPTIONS } from './scripts/terser-options.js';

// The reset page's script-tag bundle, dist/login-help-reset.js: <login-help-reset> alone, Lit
// included, ASCII only, with one module of texts per locale (dist/locales/<locale>-reset.js)
// fetched when a page needs it. A second build after vite.config.ts's, into the same dist/
// (which it leaves as it is), so dist/login-help.js does not change by a byte.
export default defineConfig({
  plugins: [minifyLitTemplatesPlugin(), localeChunksPlugin({ bundle: 'reset' }), asciiEntryPlugin()],
  resolve: {
    alias: [{ find: /^(@lit\/localize|\.\/install-msg\.js)$/, replacement: '/src/i18n/lit-localize-lite.ts' }],
  },
  build: {
    lib: {
      entry: { 'login-help-reset': 'src/reset/login-help-reset-bundle.ts', ...localeEntries('reset') },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    // The oldest browsers of the README's "Browser support" table (scripts/browser-support.js).
    target: BUILD_TARGET,
    sourcemap: false,
    // Oxc (rolldown's output.minify below), then Terser (scripts/terser-options.js).
    minify: 'terser',
    terserOptions: TERSER_OPTIONS,
    rolldownOptions: {
      output: { charset: 'utf8', minify: true, comments: false },
    },
  },
});
