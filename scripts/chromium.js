// One place for how every tool here starts Chromium: Debian's /usr/bin/chromium by default
// (CHROME_PATH or CHROMIUM_PATH points elsewhere), with the flags this sandboxed, offline
// machine needs (root needs --no-sandbox; the networking flags stop calls to hosts that are refused).
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Options for playwright-core's `chromium.launch()`. */
export const chromiumLaunchOptions = () => ({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

/** Throws a message that says what to do when the browser is not installed. */
export function assertChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run "apt-get install -y chromium" or set CHROME_PATH.`);
  }
}
