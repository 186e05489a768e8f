// Benchmarks: `npm run bench` (after `npm run build`). Prints figures; never fails on a timing.
// It exits non-zero only when a measurement could not be made (no Chromium, no bundle, the form
// never appeared, a cycle did not get its request in flight, …).
//
// (a) navigation → form interactive: the script-tag bundle vs a plain HTML form (median of N loads)
// (b) 1,000 create / attach / submit-in-flight / remove cycles: JS heap and DOM nodes after forced GC
// (c) layout shift when the bundle arrives ~1 s late, without and with a :not(:defined) reservation
//
// Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_LOADS (default 25),
// BENCH_CYCLES (default 1000).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, chromiumLaunchOptions } from '../chromium.js';
import { interactivePoller } from './interactive-poller.js';
import { baselinePage, bundlePage, cyclePage, latePage, reservationCss } from './pages.js';
import { startBenchServer } from './server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST_FILE = path.join(ROOT, 'dist', 'login-help.js');
const LOADS = Number(process.env.BENCH_LOADS) || 25;
const CYCLES = Number(process.env.BENCH_CYCLES) || 1000;
const LATE_MS = 1000;
const SLOW_MS = 30_000;
const DESKTOP = { width: 1280, height: 800 };
const NARROW = { width: 390, height: 844 };
const EMAIL = 'frontdesk@happypaws.example';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

async function timeToInteractive(browser, url) {
  const context = await browser.newContext({ viewport: DESKTOP });
  try {
    const page = await context.newPage();
    await page.addInitScript(interactivePoller);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof globalThis.__interactiveAt === 'number', null, { timeout: 15_000 });
    return await page.evaluate(() => globalThis.__interactiveAt);
  } finally {
    await context.close();
  }
}

async function benchInteractive(browser, server) {
  console.log(`\n(a) navigation → Clinic Email focusable, ${LOADS} loads each (fresh browser context per load, alternating)`);
  await timeToInteractive(browser, server.url('/bundle.html')); // warm-up: Chromium's own caches
  await timeToInteractive(browser, server.url('/baseline.html'));
  const bundle = [];
  const baseline = [];
  for (let i = 0; i < LOADS; i += 1) {
    bundle.push(await timeToInteractive(browser, server.url('/bundle.html')));
    baseline.push(await timeToInteractive(browser, server.url('/baseline.html')));
  }
  const row = (name, values) =>
    `  ${name.padEnd(34)} median ${ms(median(values)).padStart(9)}   p90 ${ms(percentile(values, 90)).padStart(9)}   min ${ms(Math.min(...values)).padStart(9)}`;
  console.log(row('<login-help> (dist/login-help.js)', bundle));
  console.log(row('plain HTML form (baseline)', baseline));
  console.log(`  ratio of medians: ${(median(bundle) / median(baseline)).toFixed(2)}x (+${ms(median(bundle) - median(baseline))})`);
  return { bundle: median(bundle), baseline: median(baseline) };
}

/**
 * Runs `count` cycles in the page; returns how many had their request in flight at removal: the
 * form was busy and the backend had received the request (and holds it for SLOW_MS).
 */
async function runCycles(page, count) {
  return page.evaluate(
    async ({ count, email }) => {
      const host = document.getElementById('host');
      const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));
      let inFlight = 0;
      let seen = (await (await fetch('/bench/stats', { cache: 'no-store' })).json()).apiRequests;
      for (let i = 0; i < count; i += 1) {
        const panel = document.createElement('login-help');
        panel.setAttribute('endpoint', '/api');
        panel.setAttribute('support-email', 'support@clinic.example');
        host.append(panel);
        await panel.updateComplete;
        const username = panel.shadowRoot.querySelector('login-help-username');
        await username.updateComplete;
        const input = username.shadowRoot.querySelector('input[type=email]');
        const form = input.form;
        input.value = email;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        form.requestSubmit();
        // Busy (SPEC §4: aria-busy on the form or its submit control) = the request is in flight.
        let busy = false;
        for (let tries = 0; tries < 50 && !busy; tries += 1) {
          await username.updateComplete;
          busy = username.shadowRoot.querySelector('[aria-busy="true"]') !== null;
          if (!busy) await nextFrame();
        }
        // …and has reached the backend, which holds it unanswered.
        let arrived = false;
        for (let tries = 0; tries < 200 && busy && !arrived; tries += 1) {
          const stats = await (await fetch('/bench/stats', { cache: 'no-store' })).json();
          arrived = stats.apiRequests > seen;
          if (arrived) seen = stats.apiRequests;
          else await nextFrame();
        }
        if (busy && arrived) inFlight += 1;
        panel.remove();
      }
      return inFlight;
    },
    { count, email: EMAIL },
  );
}

async function measureMemory(page, cdp) {
  // Each fetch adds a resource timing entry (up to the buffer's 250): page state that is not the
  // widget's, so it is emptied before each measurement.
  await page.evaluate(() => performance.clearResourceTimings());
  // Several passes: aborted fetches and their promises are freed over more than one collection.
  for (let i = 0; i < 4; i += 1) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
}

async function benchCycles(browser, server) {
  console.log(`\n(b) ${CYCLES} cycles: create <login-help endpoint>, attach, fill email, requestSubmit, wait until the backend holds the request, remove`);
  const context = await browser.newContext({ viewport: DESKTOP });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(server.url('/cycles.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('login-help') !== undefined);
    const cold = await measureMemory(page, cdp);
    // Warm-up: first-use allocations (styles, templates, compiled code) are not a leak.
    const warmInFlight = await runCycles(page, 20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await measureMemory(page, cdp);
    const started = Date.now();
    const inFlight = await runCycles(page, CYCLES);
    const elapsed = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await measureMemory(page, cdp);

    const heapTolerance = Math.max(512 * 1024, before.heap * 0.05);
    const nodeTolerance = 50;
    const heapOk = after.heap - before.heap <= heapTolerance;
    const nodesOk = after.nodes - before.nodes <= nodeTolerance;
    console.log(`  cycles with the request in flight at removal: ${inFlight}/${CYCLES} (warm-up ${warmInFlight}/20); ${CYCLES} cycles took ${elapsed} ms`);
    console.log(`  server: ${server.stats.apiRequests} requests reached it, ${server.stats.apiAbortedByClient} closed by the browser before the answer, ${server.stats.apiAnswered} answered`);
    console.log(`  JS heap used (forced GC): page loaded ${mb(cold.heap)}, before ${mb(before.heap)}, after ${mb(after.heap)}  (${after.heap - before.heap >= 0 ? '+' : ''}${((after.heap - before.heap) / 1024).toFixed(1)} KiB, ${((after.heap - before.heap) / CYCLES).toFixed(1)} B/cycle)`);
    console.log(`  DOM nodes: page loaded ${cold.nodes}, before ${before.nodes}, after ${after.nodes}; JS event listeners: before ${before.listeners}, after ${after.listeners}; documents: before ${before.documents}, after ${after.documents}`);
    console.log(`  back to baseline? heap ${heapOk ? 'yes' : 'NO'} (tolerance +${(heapTolerance / 1024).toFixed(0)} KiB = max(512 KiB, 5 %)), DOM nodes ${nodesOk ? 'yes' : 'NO'} (tolerance +${nodeTolerance})`);
    if (inFlight < CYCLES) throw new Error(`only ${inFlight} of ${CYCLES} cycles had a request in flight at removal`);
    return { before, after, heapOk, nodesOk, inFlight, elapsed };
  } finally {
    await context.close();
  }
}

async function panelHeight(browser, server, viewport) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.goto(server.url('/bundle.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('login-help') !== undefined);
    return await page.evaluate(async () => {
      const panel = document.querySelector('login-help');
      await panel.updateComplete;
      for (const inner of panel.shadowRoot.querySelectorAll('login-help-username, login-help-password')) await inner.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return panel.getBoundingClientRect().height;
    });
  } finally {
    await context.close();
  }
}

async function cls(browser, url, viewport) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => customElements.get('login-help') !== undefined, null, { timeout: 10_000 });
    const definedAfter = Date.now() - started;
    await page.waitForTimeout(700); // the render and any shift it causes are reported by then
    const { value, shifts } = await page.evaluate(() => ({ value: globalThis.__cls, shifts: globalThis.__shifts }));
    return { value, shifts, definedAfter };
  } finally {
    await context.close();
  }
}

async function benchLayoutShift(browser, server) {
  console.log(`\n(c) layout shift when dist/login-help.js arrives ${LATE_MS} ms late`);
  const desktop = await panelHeight(browser, server, DESKTOP);
  const narrow = await panelHeight(browser, server, NARROW);
  console.log(`  rendered panel height: ${desktop.toFixed(1)} px at ${DESKTOP.width} px wide, ${narrow.toFixed(1)} px at ${NARROW.width} px wide`);
  const css = reservationCss(Math.round(desktop), Math.round(narrow), 600);
  server.setPage('/late-reserved.html', latePage(css));
  console.log(`  reservation used:\n    ${css.split('\n').join('\n    ')}`);
  const results = {};
  for (const [name, viewport] of [['desktop', DESKTOP], ['narrow', NARROW]]) {
    const none = await cls(browser, server.url('/late.html'), viewport);
    const reserved = await cls(browser, server.url('/late-reserved.html'), viewport);
    console.log(`  ${name} ${viewport.width}x${viewport.height}: CLS without reservation ${none.value.toFixed(4)} (${none.shifts} shifts), with :not(:defined) reservation ${reserved.value.toFixed(4)} (${reserved.shifts} shifts); defined after ~${none.definedAfter} ms`);
    results[name] = { none: none.value, reserved: reserved.value };
  }
  return { desktop, narrow, results };
}

function machine(browserVersion) {
  let chromiumVersion = browserVersion;
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // the version playwright reported is enough
  }
  return `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ${chromiumVersion}, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function main() {
  if (!existsSync(DIST_FILE)) throw new Error('No dist/login-help.js: run "npm run build" first.');
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: "apt-get install -y chromium" or set CHROME_PATH.`);
  const pages = {
    '/bundle.html': bundlePage(),
    '/baseline.html': baselinePage(),
    '/cycles.html': cyclePage(),
    '/late.html': latePage(),
  };
  const server = await startBenchServer({ distFile: DIST_FILE, pages, lateMs: LATE_MS, slowMs: SLOW_MS });
  server.setPage = (pathname, html) => {
    pages[pathname] = html;
  };
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    console.log(`login-help benchmarks — ${machine(browser.version())}`);
    await benchInteractive(browser, server);
    await benchCycles(browser, server);
    await benchLayoutShift(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

const watchdog = setTimeout(() => {
  console.error('bench: gave up after 10 minutes');
  process.exit(1);
}, 600_000);
watchdog.unref();

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exitCode = 1;
});
