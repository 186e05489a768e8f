// The README's screenshots: the <login-help> panel in English, Spanish and Arabic, and the themes
// page, captured with Chromium (playwright-core, scripts/chromium.js) into docs/screenshots/.
// Run from the project root, with the demo served by Vite:
//
//   npx vite build                                        dist/ (the CMS page needs it; harmless here)
//   node_modules/.bin/vite --port 5174 --strictPort &     the demo, in the background
//   node demo/screenshots.mjs                             writes the PNGs, one line each
//   kill <vite's pid>
//
// Env: DEMO_URL (default http://localhost:5174), OUT (default docs/screenshots), CHROME_PATH.
// Each shot waits until the heading is in the asked language and the fonts are loaded. Glyphs a
// machine has no font for (Thai, Devanagari, CJK on a bare Debian) show as boxes: install
// fonts-noto-core / fonts-noto-cjk before capturing those locales.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assertChromium, chromiumLaunchOptions } from '../scripts/chromium.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const origin = (process.env.DEMO_URL ?? 'http://localhost:5174').replace(/\/+$/, '');
const out = path.resolve(root, process.env.OUT ?? 'docs/screenshots');

/** One PNG each: `selector` is what is captured, `lang` what its heading must be in. */
const SHOTS = [
  { file: 'panel-en.png', url: '/demo/', lang: 'en', selector: 'login-help', viewport: { width: 900, height: 1100 } },
  { file: 'panel-es.png', url: '/demo/?lang=es', lang: 'es', selector: 'login-help', viewport: { width: 900, height: 1100 } },
  { file: 'panel-ar.png', url: '/demo/?lang=ar', lang: 'ar', selector: 'login-help', viewport: { width: 900, height: 1100 } },
  // Wide enough for the three panels side by side (they stack below 64rem).
  { file: 'themes.png', url: '/demo/themes.html', lang: 'en', selector: 'main.themes', viewport: { width: 1320, height: 1100 } },
];

/** Waits until every panel's first heading is localized (English shows until a locale loads). */
async function untilLocalized(page, lang) {
  await page.locator('login-help').first().getByRole('heading').first().waitFor({ state: 'visible' });
  await page.waitForFunction(
    (wanted) => {
      const panels = [...document.querySelectorAll('login-help')];
      return panels.every((panel) => {
        const heading = panel.shadowRoot?.querySelector('[part~="heading"]');
        const text = heading?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        const dir = panel.shadowRoot?.querySelector('[dir]')?.getAttribute('dir');
        const rtl = ['ar', 'he', 'fa'].includes(wanted);
        return text !== '' && (wanted === 'en') === (text === 'Login Help') && dir === (rtl ? 'rtl' : 'ltr');
      });
    },
    lang,
    { timeout: 30000 }, // a cold Vite compiles the locale module first
  );
  await page.evaluate(() => document.fonts.ready);
}

assertChromium();
mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
let failed = 0;
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(`${origin}${shot.url}`, { waitUntil: 'load' });
      await untilLocalized(page, shot.lang);
      const file = path.join(out, shot.file);
      await page.locator(shot.selector).first().screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
      console.log(`ok - ${path.relative(root, file)} (${shot.url}, ${Math.round(statSync(file).size / 1024)} KB)`);
    } catch (error) {
      failed += 1;
      console.log(`not ok - ${shot.file}: ${error.message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}
process.exitCode = failed ? 1 : 0;
