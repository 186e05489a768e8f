// The test commands of scripts/engines/commands.js: the same in Chromium, Firefox and WebKit.
import { executeServerCommand } from '@web/test-runner-commands';

/** Which engine runs this page. */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrom(e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/** Presses one key or a combination such as "Shift+Tab" as a person would. */
export const press = (keys: string) => executeServerCommand('login-help-press', { press: keys });

/**
 * Resizes the viewport; resolves the size the engine gave (WebKit's MiniBrowser window cannot be
 * narrower than its toolbar, about 450 px).
 */
export const setViewport = (size: { width: number; height: number }) =>
  executeServerCommand<{ width: number; height: number }, { width: number; height: number }>('login-help-viewport', size);

/**
 * The 320 CSS px viewport of WCAG 1.4.10 (reflow). WebKit's MiniBrowser window stops at its
 * toolbar's width (about 450 px, with no WebDriver way to zoom): there the test measures at the
 * narrowest viewport the engine gives, and Chromium and Firefox hold the 320 px line.
 */
export async function narrowViewport() {
  const size = await setViewport({ width: 320, height: 640 });
  if (engine !== 'webkit' && size.width !== 320) throw new Error(`the viewport is ${size.width} px wide, not 320`);
  return size;
}

export interface MediaFeatures {
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * Emulates media features; resolves false where the engine cannot (WebKitWebDriver has no media
 * emulation: MiniBrowser follows the desktop settings it was started with).
 */
export async function emulateMedia(features: MediaFeatures): Promise<boolean> {
  if (!(await executeServerCommand<boolean, MediaFeatures>('login-help-media', features))) return false;
  // Firefox applies preferences to its content process a moment later: wait until the page sees them.
  const names = { colorScheme: 'prefers-color-scheme', forcedColors: 'forced-colors', reducedMotion: 'prefers-reduced-motion' };
  const queries = Object.entries(features).map(([name, value]) => `(${names[name as keyof MediaFeatures]}: ${String(value)})`);
  for (let frame = 0; frame < 120 && !queries.every((query) => matchMedia(query).matches); frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const unmatched = queries.filter((query) => !matchMedia(query).matches);
  if (unmatched.length) throw new Error(`the page does not match ${unmatched.join(', ')} after emulating it`);
  return true;
}
