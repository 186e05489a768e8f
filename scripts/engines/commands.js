// Test commands that behave the same in the three engines (web-test-runner's own emulateMedia and
// setViewport need CDP or Playwright, and its sendKeys cannot press "Shift+Tab" through puppeteer).
// The browser side is test/helpers/engine.ts.
import { mediaPreferences } from './firefox.js';

/** Keys for puppeteer and Playwright: "Shift+Tab" as the modifier held around the key. */
async function pressWithKeyboard(keyboard, press) {
  const parts = press.split('+');
  const modifiers = parts.slice(0, -1);
  for (const key of modifiers) await keyboard.down(key);
  // Playwright's name for the space bar; puppeteer's is " ".
  await keyboard.press(parts.at(-1) === 'Space' ? ' ' : parts.at(-1));
  for (const key of modifiers.reverse()) await keyboard.up(key);
}

export function engineCommands() {
  return {
    name: 'login-help-engine-commands',
    async executeCommand({ command, payload, session }) {
      const launcher = session.browser;
      const engine = launcher.name.toLowerCase();
      switch (command) {
        case 'login-help-press': {
          if (launcher.type === 'webdriver') await launcher.sendKeys(session.id, [payload.press]);
          else await pressWithKeyboard(launcher.getPage(session.id).keyboard, payload.press);
          return true;
        }
        case 'login-help-viewport': {
          if (launcher.type === 'webdriver') return launcher.setViewport(session.id, payload);
          const page = launcher.getPage(session.id);
          if (launcher.type === 'playwright') await page.setViewportSize(payload);
          else await page.setViewport(payload);
          return payload;
        }
        case 'login-help-media': {
          // Resolves whether the engine could emulate what was asked.
          if (launcher.type === 'playwright') {
            await launcher.getPage(session.id).emulateMedia(payload);
            return true;
          }
          if (engine === 'firefox') {
            await launcher.setPreferences(mediaPreferences(payload));
            return true;
          }
          return false;
        }
        default:
          return undefined;
      }
    },
  };
}
