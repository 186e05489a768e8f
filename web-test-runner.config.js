import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

import { assertChromium, chromiumLaunchOptions } from './scripts/chromium.js';
import { engineCommands } from './scripts/engines/commands.js';
import { FirefoxLauncher, assertFirefox } from './scripts/engines/firefox.js';
import { WebKitLauncher, assertWebKit } from './scripts/engines/webkit.js';

// One engine per run, named by LOGIN_HELP_ENGINE (chromium, firefox or webkit; `npm run
// test:chromium` …): each from Debian's packages (.ci/run installs them).
const ENGINE = process.env.LOGIN_HELP_ENGINE || 'chromium';

const engines = {
  chromium: () => {
    assertChromium();
    return { launcher: playwrightLauncher({ product: 'chromium', launchOptions: chromiumLaunchOptions() }), concurrency: 2 };
  },
  // One page at a time: Firefox applies the emulated media preferences browser-wide, and only the
  // tab in front has focus.
  firefox: () => {
    assertFirefox();
    return { launcher: new FirefoxLauncher(), concurrency: 1 };
  },
  // WebKitWebDriver drives one MiniBrowser window.
  webkit: () => {
    assertWebKit();
    return { launcher: new WebKitLauncher(), concurrency: 1 };
  },
};
if (!(ENGINE in engines)) throw new Error(`LOGIN_HELP_ENGINE=${ENGINE}: expected one of ${Object.keys(engines).join(', ')}`);
const { launcher, concurrency } = engines[ENGINE]();

/** msw's worker must be served at the root so its scope covers the test pages. */
function serveMswWorkerAtRoot(context, next) {
  if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
  return next();
}

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  concurrency,
  testFramework: { config: { timeout: 10000 } },
  middleware: [serveMswWorkerAtRoot],
  plugins: [esbuildPlugin({ ts: true, target: 'auto', tsconfig: './tsconfig.json' }), engineCommands()],
  browsers: [launcher],
};
