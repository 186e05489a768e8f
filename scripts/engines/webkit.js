// WebKitGTK (Safari's engine) from Debian's webkit2gtk-driver: WebKitWebDriver drives its
// MiniBrowser, which needs a display: an Xvfb of our own unless DISPLAY is set. Driven by
// selenium-webdriver. WEBKIT_MINIBROWSER points elsewhere.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { Builder, Capabilities, Key } from 'selenium-webdriver';

export const WEBKIT_DRIVER = process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Throws a message that says what to do when the engine is not installed. */
export function assertWebKit() {
  for (const file of [WEBKIT_DRIVER, MINIBROWSER]) {
    if (!existsSync(file)) throw new Error(`No ${file}: run "apt-get install -y webkit2gtk-driver xvfb" or set WEBKIT_WEBDRIVER / WEBKIT_MINIBROWSER.`);
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts Xvfb on a free display number (it writes the number to fd 3); resolves { display, stop }. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', (error) => reject(new Error(`Xvfb did not start (${error.message}): run "apt-get install -y xvfb"`)));
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
    child.stdio[3].once('data', (chunk) => resolve({ display: `:${String(chunk).trim()}`, stop: () => child.kill() }));
  });
}

async function waitForDriver(url, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url}`);
}

/**
 * Starts WebKitWebDriver (and Xvfb when there is no display) and opens one MiniBrowser session.
 * Resolves { driver, stop }.
 */
export async function startWebKit() {
  assertWebKit();
  const stops = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await Promise.resolve(fn()).catch(() => {});
  };
  try {
    const env = { ...process.env };
    if (!env.DISPLAY) {
      const xvfb = await startXvfb();
      stops.push(xvfb.stop);
      env.DISPLAY = xvfb.display;
    }
    const port = await freePort();
    const child = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' });
    stops.push(() => child.kill());
    const url = `http://127.0.0.1:${port}`;
    await waitForDriver(url, child);
    const capabilities = new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    });
    const driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
    stops.push(() => driver.quit());
    return { driver, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A WebDriver key name ("Tab", "Shift+Tab", "Enter", "Escape", "a") as selenium's keys. */
function keysOf(press) {
  return press.split('+').map((name) => {
    const upper = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
    if (name.length === 1) return name;
    if (!(upper in Key)) throw new Error(`Unknown key: ${JSON.stringify(name)}`);
    return Key[upper];
  });
}

/**
 * A web-test-runner BrowserLauncher: one MiniBrowser window, one test file at a time
 * (concurrency 1), as @web/test-runner-webdriver's SessionManager does.
 */
export class WebKitLauncher {
  name = 'WebKit';
  type = 'webdriver';
  #started;
  #urls = new Map();

  async initialize(config) {
    if (config.concurrency !== 1) throw new Error('The WebKit launcher runs one test file at a time: set concurrency: 1');
  }

  #session() {
    this.#started ??= startWebKit();
    return this.#started;
  }

  async stop() {
    if (this.#started) await (await this.#started).stop();
    this.#started = undefined;
  }

  async startSession(id, url) {
    const { driver } = await this.#session();
    this.#urls.set(id, url);
    await driver.get(url);
  }

  isActive(id) {
    return this.#urls.has(id);
  }

  getBrowserUrl(id) {
    return this.#urls.get(id);
  }

  async startDebugSession() {
    throw new Error('No debug session for WebKit: run MiniBrowser by hand');
  }

  async stopSession(id) {
    const { driver } = await this.#session();
    // An empty page stops whatever the test page still runs.
    await driver.get('about:blank');
    this.#urls.delete(id);
    return {};
  }

  /** For @web/test-runner-commands' sendKeys: each entry is a character or a key name, "Shift+Tab" included. */
  async sendKeys(_id, keys) {
    const { driver } = await this.#session();
    let actions = driver.actions();
    for (const entry of keys) {
      const parts = entry.length === 1 ? [entry] : keysOf(entry);
      const modifiers = parts.slice(0, -1);
      for (const key of modifiers) actions = actions.keyDown(key);
      actions = actions.keyDown(parts.at(-1)).keyUp(parts.at(-1));
      for (const key of modifiers.reverse()) actions = actions.keyUp(key);
    }
    await actions.perform();
  }

  /**
   * Resizes the window so the page's viewport is `width`×`height` where the window allows it
   * (MiniBrowser's toolbar keeps the window at least ≈ 450 px wide). Resolves the viewport's size.
   */
  async setViewport(_id, { width, height }) {
    const { driver } = await this.#session();
    const window = driver.manage().window();
    const [inner, outer] = await Promise.all([driver.executeScript('return [innerWidth, innerHeight]'), window.getRect()]);
    await window.setRect({ width: width + outer.width - inner[0], height: height + outer.height - inner[1] });
    const [w, h] = await driver.executeScript('return [innerWidth, innerHeight]');
    return { width: w, height: h };
  }
}
