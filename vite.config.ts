import { defineConfig, type Plugin } from 'vite';
import { minifyLitTemplatesPlugin } from './scripts/minify-lit-templates.js';

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
  plugins: [demoAtRoot, minifyLitTemplatesPlugin()],
  server: { port: 5173 },
  build: {
    // The script-tag bundle: one self-contained ES module, Lit included, production Lit only.
    lib: {
      entry: 'src/login-help-package.ts',
      formats: ['es'],
      fileName: () => 'login-help.js',
    },
    outDir: 'dist',
    emptyOutDir: true,
    // public/ holds msw's worker for the demo and tests; it must not ship.
    copyPublicDir: false,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    rolldownOptions: {
      // A CMS page may lack <meta charset="utf-8">: keep the bundle ASCII so no text turns to mojibake.
      output: { charset: 'ascii', minify: true },
    },
  },
});
