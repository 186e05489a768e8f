import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

import { assertChromium, chromiumLaunchOptions } from './scripts/chromium.js';

// Debian's Chromium (CI installs it); CHROME_PATH points elsewhere on a laptop.
assertChromium();

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
  middleware: [serveMswWorkerAtRoot],
  plugins: [esbuildPlugin({ ts: true, target: 'auto', tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions(),
    }),
  ],
};
