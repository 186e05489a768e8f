import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { BUILD_TARGET } from './scripts/browser-support.js';

// The snippet builder for CMS editors, built into dist/ next to the script-tag bundle:
// dist/snippet-builder.html, dist/snippet-builder/*.js|css. Run after vite.config.ts's build (it
// reads dist/login-help.js); it leaves the rest of dist/ as it is. No inline script or style, ASCII
// only, so a portal can host it under `script-src 'self'; style-src 'self'`.
const ROOT = path.dirname(fileURLToPath(import.meta.url));
const BUNDLE = path.join(ROOT, 'dist', 'login-help.js');
// The page's own tag for the preview, as demo/snippet-builder.html has it for the dev server.
const PREVIEW_TAG = '<script type="module" src="../dist/login-help.js" data-login-help-preview vite-ignore></script>';

/**
 * Points the preview at the login-help.js beside the built page, with the sha384 of that file
 * (computed now) on the tag and in <meta name="login-help-integrity"> for the snippet: the
 * preview runs only when the file next to the page is the one the snippet names.
 */
function bundleIntegrityPlugin(): Plugin {
  return {
    name: 'login-help-snippet-builder-integrity',
    apply: 'build',
    // Its own folder only: the hashed files of an earlier build would pile up otherwise.
    buildStart() {
      rmSync(path.join(ROOT, 'dist', 'snippet-builder'), { recursive: true, force: true });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!existsSync(BUNDLE)) throw new Error('dist/login-help.js is missing: run "vite build" (npm run build) first.');
        if (!html.includes(PREVIEW_TAG)) throw new Error(`demo/snippet-builder.html lost its preview tag: ${PREVIEW_TAG}`);
        const integrity = `sha384-${createHash('sha384').update(readFileSync(BUNDLE)).digest('base64')}`;
        return html.replace(
          PREVIEW_TAG,
          `<meta name="login-help-integrity" content="${integrity}" />\n    ` +
            `<script type="module" src="./login-help.js" integrity="${integrity}" crossorigin="anonymous" data-login-help-preview vite-ignore></script>`,
        );
      },
    },
  };
}

/** Fails the build when an emitted file is not plain ASCII (a CMS may serve it without a charset). */
function asciiOnlyPlugin(): Plugin {
  return {
    name: 'login-help-snippet-builder-ascii',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        const text = output.type === 'chunk' ? output.code : typeof output.source === 'string' ? output.source : Buffer.from(output.source).toString('latin1');
        const index = text.search(/[^\t\n\r\x20-\x7e]/);
        if (index >= 0) this.error(`${fileName} is not ASCII at offset ${index}: ${JSON.stringify(text.slice(index, index + 20))}`);
      }
    },
  };
}

export default defineConfig({
  root: path.join(ROOT, 'demo'),
  base: './',
  publicDir: false,
  plugins: [bundleIntegrityPlugin(), asciiOnlyPlugin()],
  build: {
    outDir: path.join(ROOT, 'dist'),
    // dist/ already holds login-help.js and its locales: add to it, change nothing.
    emptyOutDir: false,
    copyPublicDir: false,
    assetsDir: 'snippet-builder',
    // The oldest browsers of the README's "Browser support" table (scripts/browser-support.js).
    target: BUILD_TARGET,
    sourcemap: false,
    minify: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { 'snippet-builder': path.join(ROOT, 'demo', 'snippet-builder.html') },
      output: { charset: 'ascii', comments: false },
    },
  },
});
