import { defineConfig, type Plugin } from 'vite';
import { asciiEntryPlugin } from './scripts/ascii-entry.js';
import { minifyLitTemplatesPlugin } from './scripts/minify-lit-templates.js';
import { localeChunksPlugin, localeEntries } from './scripts/locale-chunks.js';
import { BUILD_TARGET } from './scripts/browser-support.js';
import { TERSER_OPTIONS } from './scripts/terser-options.js';

/** `npm start` opens on the demo: the project root has no page of its own. */
const demoAtRoot: Plugin = {
  name: 'login-help-demo-at-root',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      if (request.url === '/' || request.url === '/index.html') {
        response.statusCode = 302;
        response.setHeader('Location', '/demo/');
        response.end();
        return;
      }
      next();
    });
  },
};

export default defineConfig({
  plugins: [demoAtRoot, minifyLitTemplatesPlugin(), localeChunksPlugin(), asciiEntryPlugin()],
  server: { port: 5173 },
  resolve: {
    // The bundle's own msg() needs none of @lit/localize's runtime, and nothing to install in it
    // (src/i18n/lit-localize-lite.ts).
    alias: [{ find: /^(@lit\/localize|\.\/install-msg\.js)$/, replacement: '/src/i18n/lit-localize-lite.ts' }],
  },
  build: {
    // The script-tag bundle: one self-contained ES module, Lit included, production Lit only.
    lib: {
      // The bundle, plus two self-contained modules per locale in dist/locales/ (the page's texts,
      // and the "email us" texts) that the bundle imports on demand (src/i18n/localization.ts).
      entry: { 'login-help': 'src/login-help-bundle.ts', ...localeEntries() },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    outDir: 'dist',
    emptyOutDir: true,
    // public/ holds msw's worker for the demo and tests; it must not ship.
    copyPublicDir: false,
    // The oldest browsers of the README's "Browser support" table (scripts/browser-support.js).
    target: BUILD_TARGET,
    sourcemap: false,
    // Oxc (rolldown's output.minify below), then Terser (scripts/terser-options.js).
    minify: 'terser',
    terserOptions: TERSER_OPTIONS,
    rolldownOptions: {
      // UTF-8 for the locale chunks; asciiEntryPlugin keeps login-help.js itself ASCII.
      output: { charset: 'utf8', minify: true, comments: false },
    },
  },
});
