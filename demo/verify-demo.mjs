// How the demo was checked: drives Chromium through every SPEC §7 value on both demo pages and
// prints one line per value with the outcome seen. Run from the project root:
//
//   node demo/verify-demo.mjs                  builds dist/, starts Vite on :5173, stops it after
//   DEMO_URL=http://localhost:5173 node demo/verify-demo.mjs   against a server already running
//
// Env: CHROME_PATH (default /usr/bin/chromium); SCREENSHOTS=dir also saves demo.png (full page),
// demo-dialog.png (Attention open), demo-narrow.png (phone width) and cms-snippet.png there.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SLOW_MS = 3000;
const screenshots = process.env.SCREENSHOTS;

/** One row per SPEC §7 value and form; `fields` are typed by label, in order. */
const CASES = [
  { form: 'Forgot User Name?', fields: { 'Clinic Email': 'frontdesk@happypaws.example' }, expect: 'sent', title: 'Forgot User Name Request' },
  { form: 'Forgot User Name?', fields: { 'Clinic Email': 'vet@otherclinic.example' }, expect: 'not-found' },
  { form: 'Forgot User Name?', fields: { 'Clinic Email': 'slow@happypaws.example' }, expect: 'slow', title: 'Forgot User Name Request' },
  { form: 'Forgot User Name?', fields: { 'Clinic Email': 'error@happypaws.example' }, expect: 'server' },
  { form: 'Forgot User Name?', fields: { 'Clinic Email': 'busy@happypaws.example' }, expect: 'rate-limited' },
  { form: 'Password Help?', fields: { 'User Name': 'happypaws', 'Requested By': 'Dr. Rivera' }, expect: 'sent', title: 'Reset Your Password' },
  { form: 'Password Help?', fields: { 'User Name': 'rover', 'Requested By': 'Dr. Rivera' }, expect: 'not-found' },
  { form: 'Password Help?', fields: { 'User Name': 'slowpaws', 'Requested By': 'Dr. Rivera' }, expect: 'slow', title: 'Reset Your Password' },
  { form: 'Password Help?', fields: { 'User Name': 'error', 'Requested By': 'Dr. Rivera' }, expect: 'server' },
  { form: 'Password Help?', fields: { 'User Name': 'happypaws', 'Requested By': 'busy front desk' }, expect: 'rate-limited' },
];

/** The last event line the demo page's log shows for each outcome. */
const LOGGED = {
  sent: /^login-help-sent \{ "form": "\w+", "accepted": false \}$/,
  slow: /^login-help-sent \{ "form": "\w+", "accepted": false \}$/,
  'not-found': /^login-help-not-found \{ "form": "\w+" \}$/,
  server: /^login-help-error \{ "form": "\w+", "reason": "server", "status": 500 \}$/,
  'rate-limited': /^login-help-error \{ "form": "\w+", "reason": "rate-limited", "status": 429 \}$/,
};

const collapse = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
const fail = (message) => {
  throw new Error(message);
};

async function textOf(locator) {
  const texts = await Promise.all((await locator.all()).map((one) => one.innerText().catch(() => '')));
  return collapse(texts.join(' '));
}

async function until(predicate, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > end) fail(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Loads a page with its mock ready. The demo page defines the tags only once msw is up; the CMS
 * page's bundle may define them first, so there we wait for msw's own "Mocking enabled" line. */
async function open(page, url, { waitForMock }) {
  const mockReady = waitForMock
    ? page.waitForEvent('console', { predicate: (message) => message.text().includes('Mocking enabled'), timeout: 10000 })
    : null;
  await page.goto(url, { waitUntil: 'load' });
  await mockReady;
  await page.getByRole('form', { name: 'Forgot User Name?', exact: true }).waitFor({ state: 'visible' });
}

/** Types one case's values, submits, and returns what a person saw. */
async function runCase(page, testCase, { hasLog }) {
  const form = page.getByRole('form', { name: testCase.form, exact: true });
  for (const [label, value] of Object.entries(testCase.fields)) await form.getByLabel(label).fill(value);
  const status = form.getByRole('status');
  const alert = form.getByRole('alert');
  const started = Date.now();
  await form.getByRole('button', { name: 'Submit' }).click();
  let seen;

  if (testCase.expect === 'sent' || testCase.expect === 'slow') {
    if (testCase.expect === 'slow') {
      const busy = await form.getAttribute('aria-busy');
      if (busy !== 'true') fail(`aria-busy is ${busy} right after submitting a slow value`);
    }
    await until(async () => (await textOf(status)).includes(testCase.title), `status "${testCase.title}"`, SLOW_MS + 5000);
    const elapsed = Date.now() - started;
    if (testCase.expect === 'slow' && elapsed < SLOW_MS - 100) fail(`slow answer came after only ${elapsed} ms`);
    if (testCase.expect === 'sent' && elapsed > SLOW_MS - 500) fail(`plain answer took ${elapsed} ms`);
    seen = `sent after ${(elapsed / 1000).toFixed(1)} s: "${await textOf(status)}"`;
  } else if (testCase.expect === 'not-found') {
    const dialog = page.getByRole('alertdialog', { name: 'Attention' });
    await dialog.waitFor({ state: 'visible' });
    const message = collapse(await dialog.innerText());
    const typed = Object.values(testCase.fields)[0];
    if (!message.includes(typed)) fail(`the Attention message does not name "${typed}": ${message}`);
    const href = await dialog.getByRole('link', { name: 'email us' }).getAttribute('href');
    if (!href?.startsWith('mailto:support@happypaws.example?subject=')) fail(`"email us" links to ${href}`);
    if (await dialog.evaluate((element) => !element.matches(':modal'))) fail('the Attention dialog is not modal');
    if (screenshots && testCase.form === 'Forgot User Name?' && hasLog) {
      await page.screenshot({ path: path.join(screenshots, 'demo-dialog.png') });
    }
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    seen = `Attention dialog: "${message}" → OK closed it`;
  } else {
    const wanted = testCase.expect === 'server' ? ['Something went wrong'] : ['Too many requests', '1 minute'];
    await until(async () => {
      const text = await textOf(alert);
      return wanted.every((part) => text.includes(part));
    }, `alert with ${wanted.join(' … ')}`);
    if ((await page.locator('dialog[open]').count()) > 0) fail('a dialog opened for an error outcome');
    const kept = await form.getByLabel(Object.keys(testCase.fields)[0]).inputValue();
    if (kept !== Object.values(testCase.fields)[0]) fail(`the field was changed to "${kept}"`);
    seen = `inline alert: "${await textOf(alert)}"`;
  }

  if (hasLog) {
    const line = collapse(await page.locator('#event-log li:last-child').textContent()).replace(/^\S+ /, '');
    if (!LOGGED[testCase.expect].test(line)) fail(`the Events log ends with "${line}"`);
    seen += ` | logged: ${line}`;
  }
  return seen;
}

async function startServer() {
  // What `npm start` does: build dist/login-help.js (the CMS page loads it), then serve.
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('vite build failed');
  // Vite itself, not `npx vite`, in its own process group so that stopping it stops everything.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', '5173', '--strictPort'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`vite exited with ${code}`)));
    server.stdout.on('data', (chunk) => {
      if (String(chunk).includes('localhost:5173')) resolve();
    });
  });
  console.log(`# vite dev server started, pid ${server.pid}`);
  return { origin: 'http://localhost:5173', stop: () => process.kill(-server.pid, 'SIGTERM') };
}

const server = process.env.DEMO_URL ? { origin: process.env.DEMO_URL.replace(/\/+$/, ''), stop() {} } : await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());

let failed = 0;
try {
  const pages = [
    { name: 'demo', url: `${server.origin}/demo/`, hasLog: true, waitForMock: false },
    { name: 'cms-snippet', url: `${server.origin}/demo/cms-snippet.html`, hasLog: false, waitForMock: true },
  ];
  for (const target of pages) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Lit's dev-mode note is expected: Vite serves src/ unminified; the bundle is production Lit.
      if (message.text().includes('Lit is in dev mode')) return;
      // Chromium logs every 4xx/5xx answer; the mock's 404/429/500 from /api/ are the point.
      if (message.text().startsWith('Failed to load resource') && new URL(message.location().url).pathname.startsWith('/api/')) return;
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await open(page, target.url, target);
    console.log(`# ${target.url}`);
    for (const testCase of CASES) {
      const value = Object.values(testCase.fields).join(' / ');
      try {
        // A fresh page per value: each outcome is seen on its own, not left over from the last one.
        await open(page, target.url, target);
        console.log(`ok - ${target.name} · ${testCase.form} ${value} → ${await runCase(page, testCase, target)}`);
      } catch (error) {
        failed += 1;
        console.log(`not ok - ${target.name} · ${testCase.form} ${value}: ${error.message.split('\n')[0]}`);
      }
    }
    if (screenshots && target.hasLog) {
      await page.screenshot({ path: path.join(screenshots, 'demo.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(screenshots, 'demo-narrow.png'), fullPage: true });
    }
    if (screenshots && !target.hasLog) await page.screenshot({ path: path.join(screenshots, 'cms-snippet.png'), fullPage: true });
    if (problems.length) {
      failed += 1;
      console.log(`not ok - ${target.name}: no console errors or warnings\n${problems.map((line) => `#   ${line}`).join('\n')}`);
    } else console.log(`ok - ${target.name}: no console errors or warnings`);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(failed ? `# ${failed} failed` : '# all passed');
process.exitCode = failed ? 1 : 0;
