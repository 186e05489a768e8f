// Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver, no download).
// FIREFOX_PATH points elsewhere on a laptop.
import { existsSync } from 'node:fs';
import { ChromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Options for puppeteer-core's `launch()`. */
export const firefoxLaunchOptions = () => ({
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  // Lets the launcher set preferences while it runs (FirefoxLauncher.setPreferences): WebDriver
  // BiDi has no colour-scheme or forced-colours emulation that Firefox ESR implements.
  args: ['-remote-allow-system-access'],
  // Offline machine: no update checks, telemetry or captive-portal probes to refused hosts.
  extraPrefsFirefox: {
    'app.update.enabled': false,
    'network.captive-portal-service.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
  },
});

/** Throws a message that says what to do when the browser is not installed. */
export function assertFirefox() {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: run "apt-get install -y firefox-esr" or set FIREFOX_PATH.`);
  }
}

/**
 * Preferences that stand for the media features a test emulates (Chromium emulates them per
 * page; Firefox reads them browser-wide, so the Firefox run uses one page at a time).
 */
export function mediaPreferences({ colorScheme, forcedColors, reducedMotion }) {
  const prefs = {};
  if (colorScheme) prefs['layout.css.prefers-color-scheme.content-override'] = { dark: 0, light: 1 }[colorScheme] ?? 2;
  if (forcedColors) prefs['browser.display.document_color_use'] = forcedColors === 'active' ? 2 : 0;
  if (reducedMotion) prefs['ui.prefersReducedMotion'] = reducedMotion === 'reduce' ? 1 : 0;
  return prefs;
}

/** web-test-runner's puppeteer launcher, with Firefox's preferences reachable from a test command. */
export class FirefoxLauncher extends ChromeLauncher {
  constructor() {
    super(firefoxLaunchOptions(), ({ browser }) => browser.defaultBrowserContext(), ({ context }) => context.newPage(), puppeteer);
  }

  /** Sets integer preferences from the browser's own (chrome) context, over WebDriver BiDi. */
  async setPreferences(prefs) {
    const connection = this.browser.connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const lines = Object.entries(prefs).map(([name, value]) => `Services.prefs.setIntPref(${JSON.stringify(name)}, ${Number(value)});`);
    const { result } = await connection.send('script.evaluate', {
      expression: `${lines.join('\n')} true`,
      target: { context: tree.result.contexts[0].context },
      awaitPromise: false,
    });
    if (result.type !== 'success') throw new Error(`Firefox refused the preferences ${JSON.stringify(prefs)}: ${JSON.stringify(result)}`);
  }
}
