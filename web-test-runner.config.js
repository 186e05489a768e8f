import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

import { assertChromium, chromiumLaunchOptions } from './scripts/chromium.js';

// Debian's Chromium (CI installs it); CHROME_PATH points elsewhere on a laptop.
assertChromium();

/**
 * The locale modules are imported at run time by a computed URL (`./locales/es.js`), which the
 * esbuild plugin cannot rewrite the way it rewrites static imports: serve the .ts source.
 */
function serveLocaleSources(context, next) {
  const match = /^(\/src\/i18n\/locales\/[\w-]+)\.js(\?.*)?$/.exec(context.url);
  if (match && !existsSync(`.${match[1]}.js`) && existsSync(`.${match[1]}.ts`)) context.url = `${match[1]}.ts${match[2] ?? ''}`;
  return next();
}

/** msw's worker must be served at the root so its scope covers the test pages. */
function serveMswWorkerAtRoot(context, next) {
  if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
  return next();
}

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  middleware: [serveMswWorkerAtRoot, serveLocaleSources],
  plugins: [esbuildPlugin({ ts: true, target: 'auto', tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions(),
    }),
  ],
};
