// Proves the React 19 recipe (demo/react/LoginHelpPanel.jsx) works:
//   1. react-dom/server renders <login-help> with its attributes (and no event props);
//   2. in Chromium, React renders the panel from the script-tag bundle dist/login-help.js, and the
//      listeners the component registers (React 19's `onlogin-help-sent` prop and a ref +
//      useEffect listener for `login-help-not-found`) fire and update React state.
// Run after `npm run build`:  node demo/react/react-recipe.test.js
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, chromiumLaunchOptions } from '../../scripts/chromium.js';
import { check, fail, finish, test } from '../../test/package/check.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DIST_FILE = path.join(ROOT, 'dist', 'login-help.js');
const DEMO_EMAIL = 'frontdesk@happypaws.example';
const OTHER_EMAIL = 'nobody@clinic.example';

const cleanups = [];
const watchdog = setTimeout(() => {
  console.log('not ok - watchdog: the run took longer than 120 s');
  console.log('0 passed, 1 failed');
  process.exit(1);
}, 120_000);
watchdog.unref();

const esbuildOptions = { bundle: true, jsx: 'automatic', format: 'esm', logLevel: 'error', absWorkingDir: ROOT };

/** Compiles the recipe for Node (React stays external) and imports it. */
async function importRecipeInNode() {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, 'login-help-react-'));
  const outfile = path.join(dir, 'LoginHelpPanel.mjs');
  try {
    await build({ ...esbuildOptions, entryPoints: [path.join(HERE, 'LoginHelpPanel.jsx')], platform: 'node', packages: 'external', outfile });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The browser page's script: React, react-dom and the recipe in one production ES module. */
async function bundleApp() {
  const result = await build({
    ...esbuildOptions,
    entryPoints: [path.join(HERE, 'main.jsx')],
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    outfile: 'app.js',
  });
  return result.outputFiles[0].contents;
}

const PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React recipe</title>' +
  '<script type="module" src="/dist/login-help.js"></script><script type="module" src="/app.js"></script>' +
  '</head><body><div id="root"></div></body></html>';

/** 127.0.0.1 server: the page, the two scripts, and a mock backend for forgot-username. */
async function startServer(app) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'GET' && pathname === '/') return send(200, 'text/html; charset=utf-8', PAGE);
    if (req.method === 'GET' && pathname === '/app.js') return send(200, 'text/javascript; charset=utf-8', app);
    if (req.method === 'GET' && pathname === '/dist/login-help.js') return send(200, 'text/javascript; charset=utf-8', readFileSync(DIST_FILE));
    if (req.method === 'POST' && pathname === '/api/forgot-username') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        let data = {};
        try {
          data = JSON.parse(body);
        } catch {
          // an unreadable body is answered as not found below
        }
        requests.push(data);
        if (data.email === DEMO_EMAIL) send(200, 'application/json', '{"status":"sent"}');
        else send(404, 'application/json', '{"status":"not_found"}');
      });
      return undefined;
    }
    if (pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    return send(404, 'text/plain', 'not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function reactLog(page) {
  return page.locator('#react-log li').allTextContents();
}

async function waitForLog(page, entry) {
  try {
    await page.locator('#react-log li', { hasText: entry }).waitFor({ timeout: 5000 });
  } catch {
    throw new Error(`React state never showed "${entry}"; log: ${JSON.stringify(await reactLog(page))}`);
  }
}

async function main() {
  // 1. Server-side rendering.
  const { LoginHelpPanel } = await importRecipeInNode();
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');

  await test('renderToString emits <login-help> with endpoint and support-email, and no event props', () => {
    const html = renderToString(createElement(LoginHelpPanel, { endpoint: '/api', supportEmail: 'support@clinic.example', onSent: () => {}, onNotFound: () => {} }));
    check(/^<login-help\b/.test(html) && html.endsWith('</login-help>'), `unexpected markup: ${html}`);
    check(html.includes('endpoint="/api"'), `no endpoint attribute: ${html}`);
    check(html.includes('support-email="support@clinic.example"'), `no support-email attribute: ${html}`);
    check(!/\bon/i.test(html.replace(/^<login-help/, '')), `an event prop leaked into the markup: ${html}`);
  });

  await test('renderToString leaves out support-email when none is given', () => {
    const html = renderToString(createElement(LoginHelpPanel, { endpoint: 'https://portal.example/api' }));
    check(html.includes('endpoint="https://portal.example/api"') && !html.includes('support-email'), html);
  });

  // 2. The browser.
  if (!existsSync(DIST_FILE)) {
    fail('browser checks', 'no dist/login-help.js: run "npm run build" first');
    return;
  }
  if (!existsSync(CHROMIUM)) {
    fail('browser checks', `no Chromium at ${CHROMIUM}: "apt-get install -y chromium" or set CHROME_PATH`);
    return;
  }
  const server = await startServer(await bundleApp());
  cleanups.push(() => server.close());
  const browser = await chromium.launch(chromiumLaunchOptions());
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // The not-found answer is a 404 by design; Chromium logs it as a failed resource.
    if (message.type() === 'error' && !message.location().url.includes('/api/')) pageErrors.push(message.text());
  });
  const usernameForm = page.getByRole('form', { name: 'Forgot User Name?', exact: true });
  const email = usernameForm.getByLabel('Clinic Email');
  const submit = usernameForm.getByRole('button', { name: 'Submit' });

  await test('React renders the panel: heading, both forms, the Clinic Email field', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('login-help') !== undefined, null, { timeout: 5000 });
    await usernameForm.waitFor({ state: 'visible', timeout: 5000 });
    await page.getByRole('form', { name: 'Password Help?', exact: true }).waitFor({ state: 'visible', timeout: 5000 });
    await page.getByRole('heading', { name: 'Login Help', exact: true }).waitFor({ state: 'visible', timeout: 5000 });
    check(await email.isVisible(), 'no visible Clinic Email field');
  });

  await test('the attributes React set reach the element', async () => {
    const seen = await page.evaluate(() => {
      const element = document.querySelector('#root > login-help');
      // React 19 sets a prop as a property when the element has one (it is defined by then), as
      // an attribute otherwise: both end up in the same property.
      return { endpoint: element?.endpoint, supportEmail: element?.supportEmail, count: document.querySelectorAll('login-help').length };
    });
    check(seen.count === 1, `${seen.count} <login-help> elements`);
    check(seen.endpoint === '/api', `endpoint property ${seen.endpoint}`);
    check(seen.supportEmail === 'support@clinic.example', `supportEmail property ${seen.supportEmail}`);
  });

  await test('a sent answer fires login-help-sent into React (the onlogin-help-sent prop)', async () => {
    await email.fill(DEMO_EMAIL);
    await submit.click();
    await waitForLog(page, `sent:username:${DEMO_EMAIL}`);
    check(server.requests.some((data) => data.email === DEMO_EMAIL), `the backend got ${JSON.stringify(server.requests)}`);
  });

  await test('a not-found answer fires login-help-not-found into React (the ref + useEffect listener)', async () => {
    await email.fill(OTHER_EMAIL);
    await submit.click();
    await waitForLog(page, `not-found:username:${OTHER_EMAIL}`);
    const dialog = page.getByRole('alertdialog', { name: 'Attention' });
    await dialog.waitFor({ state: 'visible', timeout: 5000 });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 5000 });
  });

  await test('each event reached React exactly once, and the page logged no errors', async () => {
    const log = await reactLog(page);
    check(JSON.stringify(log) === JSON.stringify([`sent:username:${DEMO_EMAIL}`, `not-found:username:${OTHER_EMAIL}`]), `log: ${JSON.stringify(log)}`);
    check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  });
}

try {
  await main();
} catch (error) {
  fail('the React recipe test ran to the end', error);
} finally {
  for (const close of cleanups.reverse()) await Promise.resolve().then(close).catch(() => {});
  finish();
}
