// The `npm start` demo page loads without a failed request: every response it asks for, in English
// and in a language of its own (`?lang=ur`, one more module), is under 400. Chromium only, through
// playwright-core, on the stack `npm start` runs (scripts/demo-stack.js) with free ports and a
// temporary data folder. Part of `npm run test:seed`; run after `npm run build`:
//   node test/seed/demo-page.js
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { assertChromium, chromiumLaunchOptions } from '../../scripts/chromium.js';
import { startDemoStack } from '../../scripts/demo-stack.js';

assertChromium();
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'login-help-demo-page-'));
const stack = await startDemoStack({ env: {}, serverPort: 0, pagePort: 0, dataDir });
const browser = await chromium.launch(chromiumLaunchOptions());
const failures = [];
let loaded = 0;
try {
  for (const url of [stack.pageUrl, `${stack.pageUrl}?lang=ur`]) {
    const page = await browser.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()} (on ${url})`);
    });
    page.on('requestfailed', (request) => failures.push(`failed ${request.url()}: ${request.failure()?.errorText} (on ${url})`));
    await page.goto(url, { waitUntil: 'networkidle' });
    // The panel is drawn, so every request its first render makes has been made.
    await page.locator('login-help').getByRole('heading', { name: /.+/ }).first().waitFor();
    await page.waitForLoadState('networkidle');
    loaded++;
    await page.close();
  }
} finally {
  await browser.close();
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`not ok - the demo page asked for something that failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`ok - the demo page (${loaded} loads) had no response at or above 400`);
