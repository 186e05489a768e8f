// Where the first render's time goes: `node scripts/bench/profile.js` (after `npm run build`).
// Loads the bench's bundle page (scripts/bench/pages.js) N times in a fresh browser context each,
// with the same poller as `npm run bench` (a) and a Chromium trace, and prints the median time of
// each phase on the renderer's main thread between navigation start and "Clinic Email takes
// focus". Prints figures; never fails on a timing.
//
// First the load as consecutive windows (navigation → HTML parsed → the bundle's task: compile and
// top level, Lit's first render, DOMContentLoaded with its forced style and layout → focusable),
// then the main thread's self time by kind of work: an event's duration minus its children's,
// credited to the innermost event of a known kind (so the layout the poller forces counts as
// layout). Each cell is wall | CPU: CPU is the renderer main thread's own time (trace `tdur`),
// which a busy machine does not inflate; wall also holds the time spent waiting for a core.
//
// Environment: CHROME_PATH, PROFILE_LOADS (default 15), PROFILE_BUNDLE (default dist/login-help.js;
// or `before=/tmp/old.js,after=dist/login-help.js` to compare builds, their loads interleaved),
// PROFILE_FLOOR=1 (adds a 1 KB element without Lit that renders the same markup: the floor).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.js';
import { interactivePoller } from './interactive-poller.js';
import { baselinePage, bundlePage } from './pages.js';
import { startBenchServer } from './server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOADS = Number(process.env.PROFILE_LOADS) || 15;
const VIEWPORT = { width: 1280, height: 800 };

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
  'blink',
  'blink.resource',
];

/** Trace event name → kind of work. Unlisted events count as their nearest listed ancestor's. */
const KINDS = [
  ['HTML parse', (name) => name === 'ParseHTML'],
  ['script: compile', (name) => /^v8\.(compile|compileModule|parseOnBackground)$/.test(name)],
  ['script: run (JS, DOM calls)', (name) => /^(v8\.evaluateModule|v8\.callFunction|v8\.callAsConstructor|v8\.newInstance|RunMicrotasks|FunctionCall|EvaluateScript)$/.test(name)],
  ['style (recalc, sheet parse)', (name) => /^(UpdateLayoutTree|Document::updateStyle|Document::recalcStyle|Blink\.ParseStyleSheet\.UpdateTime|CSSParserImpl::parseStyleSheet)$/.test(name)],
  ['layout', (name) => name === 'Layout' || name === 'LocalFrameView::performLayout'],
  ['paint, commit', (name) => /^(Paint|PrePaint|Layerize|Commit|LocalFrameView::RunPaintLifecyclePhase)$/.test(name)],
  ['GC', (name) => /GC|garbage/i.test(name)],
];
const kindOf = (name) => KINDS.find(([, test]) => test(name))?.[0];
const OTHER = 'other (navigation, loader, DOMContentLoaded, …)';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Breaks one trace down. Returns [label, wall ms, main-thread CPU ms] rows: the timeline from
 * navigation start to the interactive mark in consecutive windows, then the main thread's self
 * time by kind of work over the whole load. CPU time is what the renderer's main thread really
 * ran: on a busy machine, wall time also holds the time it waited for a core.
 */
function analyse(events, pageName) {
  const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes(pageName));
  if (!nav) throw new Error('no navigationStart in the trace');
  const { pid, tid } = nav;
  const mark = events.find((e) => e.name === 'lh-interactive' && e.pid === pid);
  if (!mark) throw new Error('no lh-interactive mark in the trace');
  const start = nav.ts;
  const end = mark.ts;
  const main = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= start && e.ts < end && e.tts !== undefined)
    .map((e) => ({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0), tts: e.tts, tend: e.tts + (e.tdur ?? 0) }))
    .sort((a, b) => a.ts - b.ts || b.end - a.end);
  const ms = (us) => us / 1000;
  // CPU time the main thread spent in [from, to): the top-level events inside it.
  const cpuBetween = (from, to) => {
    let sum = 0;
    let until = -Infinity;
    for (const e of main) {
      if (e.ts >= until && e.ts >= from && e.end <= to) {
        sum += e.tend - e.tts;
        until = e.end;
      }
    }
    return ms(sum);
  };
  const dom = events.find((e) => e.name === 'domInteractive' && e.pid === pid && e.ts >= start);
  const rows = [];
  const windows = [['navigation → HTML parsed (domInteractive)', start, dom?.ts ?? start]];
  const send = events.find((e) => e.name === 'ResourceSendRequest' && String(e.args?.data?.url ?? '').endsWith('/login-help.js'));
  const task = main.find((e) => e.name === 'HTMLDocumentParser::NotifyScriptLoaded' || e.name === 'HTMLParserScriptRunner ExecuteScript');
  if (send && task) {
    const id = send.args.data.requestId;
    const finish = events.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === id);
    const evaluate = main.find((e) => e.name === 'v8.evaluateModule');
    const microtasks = main.find((e) => e.name === 'RunMicrotasks' && e.ts >= (evaluate?.end ?? task.ts) && e.end <= task.end);
    rows.push(['(bundle requested at)', ms(send.ts - start), NaN]);
    if (finish) rows.push(['(bundle received at)', ms(finish.ts - start), NaN]);
    windows.push(['HTML parsed → bundle task starts (fetch, first frame)', dom?.ts ?? start, task.ts]);
    if (evaluate) windows.push(['bundle: compile, top level, define, upgrade', task.ts, evaluate.end]);
    if (microtasks) windows.push(['bundle: Lit first render (microtasks)', evaluate?.end ?? task.ts, microtasks.end]);
    windows.push(['DOMContentLoaded, forced style + layout', microtasks?.end ?? evaluate?.end ?? task.ts, task.end]);
    windows.push(['→ Clinic Email focusable (frame, poller)', task.end, end]);
  } else {
    windows.push(['HTML parsed → Clinic Email focusable', dom?.ts ?? start, end]);
  }
  for (const [label, from, to] of windows) rows.push([label, ms(to - from), cpuBetween(from, to)]);
  rows.push(['TOTAL: navigation → Clinic Email focusable', ms(end - start), cpuBetween(start, end)]);

  // Self time by kind, innermost known kind wins (the layout the poller forces counts as layout).
  const totals = new Map(KINDS.map(([kind]) => [kind, [0, 0]]));
  totals.set(OTHER, [0, 0]);
  const stack = [];
  const credit = (node, untilWall, untilCpu) => {
    const slot = totals.get(node.kind ?? OTHER);
    slot[0] += Math.max(0, untilWall - node.cursor);
    slot[1] += Math.max(0, untilCpu - node.tcursor);
    node.cursor = untilWall;
    node.tcursor = untilCpu;
  };
  const pop = () => {
    const done = stack.pop();
    credit(done, done.end, done.tend);
    if (stack.length) {
      stack.at(-1).cursor = done.end;
      stack.at(-1).tcursor = done.tend;
    }
  };
  for (const event of main) {
    while (stack.length && stack.at(-1).end <= event.ts) pop();
    if (stack.length) credit(stack.at(-1), event.ts, event.tts);
    stack.push({ ...event, cursor: event.ts, tcursor: event.tts, kind: kindOf(event.name) ?? stack.at(-1)?.kind });
  }
  while (stack.length) pop();
  for (const [kind, [wall, cpu]] of totals) rows.push([`  main thread: ${kind}`, ms(wall), ms(cpu)]);
  return rows;
}

async function traceOnce(browser, url, pageName) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(interactivePoller);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof globalThis.__interactiveAt === 'number', null, { timeout: 15_000 });
    const buffer = await browser.stopTracing();
    const { traceEvents } = JSON.parse(buffer.toString('utf8'));
    return analyse(traceEvents, pageName);
  } finally {
    await context.close();
  }
}

/**
 * The floor for any script-tag element on this page: a 1 KB module, no Lit, that defines
 * <login-help> as a shadow root holding the plain page's own markup (innerHTML once).
 */
function writeFloorBundle() {
  const markup = baselinePage().match(/<section>.*<\/section>/)[0];
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'login-help-floor-')), 'login-help.js');
  writeFileSync(
    file,
    `customElements.define('login-help', class extends HTMLElement { connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(markup)}; } });\n`,
  );
  return file;
}

/** `PROFILE_BUNDLE`: `path` or `name=path,name=path` (compared side by side, loads interleaved). */
function variants() {
  const spec = process.env.PROFILE_BUNDLE || 'dist/login-help.js';
  const list = spec.split(',').map((item, index, all) => {
    const [name, file] = item.includes('=') ? item.split('=') : [all.length > 1 ? `#${index + 1}` : 'bundle', item];
    return { name, file: path.resolve(ROOT, file) };
  });
  if (process.env.PROFILE_FLOOR) list.push({ name: 'vanilla 1 KB', file: writeFloorBundle() });
  return list;
}

async function main() {
  const list = variants();
  const pages = { '/bundle.html': bundlePage(), '/baseline.html': baselinePage() };
  // One server per bundle, each serving it at the bench's own /dist/login-help.js.
  for (const variant of list) variant.server = await startBenchServer({ distFile: variant.file, pages, lateMs: 0, slowMs: 0 });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    console.log(`profile: ${LOADS} traced loads of each page, interleaved (one warm-up each); medians in ms (wall | main-thread CPU)`);
    for (const variant of list) console.log(`  ${variant.name}: ${path.relative(ROOT, variant.file)}`);
    const plain = { name: 'plain HTML', runs: [] };
    const load = (variant, page) => traceOnce(browser, list[0].server.url(page), page).then((rows) => rows);
    for (const variant of list) {
      variant.runs = [];
      await traceOnce(browser, variant.server.url('/bundle.html'), '/bundle.html');
    }
    await load(plain, '/baseline.html');
    for (let i = 0; i < LOADS; i += 1) {
      for (const variant of list) variant.runs.push(await traceOnce(browser, variant.server.url('/bundle.html'), '/bundle.html'));
      plain.runs.push(await load(plain, '/baseline.html'));
    }
    const columns = [...list, plain];
    const labels = [];
    for (const column of columns) {
      for (const rows of column.runs) for (const [label] of rows) if (!labels.includes(label)) labels.push(label);
    }
    const cell = (column, label, index) => {
      const values = column.runs.map((rows) => rows.find(([name]) => name === label)?.[index]).filter((value) => value !== undefined);
      const value = values.length && column.runs.every((rows) => rows.some(([name]) => name === label)) ? median(values) : NaN;
      return Number.isNaN(value) ? '' : value.toFixed(1);
    };
    const width = 58;
    console.log(`  ${''.padEnd(width)}${columns.map((column) => column.name.padStart(16)).join('')}`);
    for (const label of labels) {
      const cells = columns.map((column) => {
        const wall = cell(column, label, 1);
        const cpu = cell(column, label, 2);
        return (wall === '' && cpu === '' ? '—' : cpu === '' ? wall : `${wall} | ${cpu}`).padStart(16);
      });
      console.log(`  ${label.padEnd(width)}${cells.join('')}`);
    }
    const total = 'TOTAL: navigation → Clinic Email focusable';
    const totalOf = (column, index) => median(column.runs.map((rows) => rows.find(([name]) => name === total)[index]));
    for (const variant of list) {
      console.log(
        `  ${variant.name}: ratio to plain HTML (traced, so slower than npm run bench): wall ${(totalOf(variant, 1) / totalOf(plain, 1)).toFixed(2)}x, main-thread CPU ${(totalOf(variant, 2) / totalOf(plain, 2)).toFixed(2)}x`,
      );
    }
  } finally {
    await browser.close();
    for (const variant of list) await variant.server.close();
  }
}

main().catch((error) => {
  console.error(`profile failed: ${error.message}`);
  process.exitCode = 1;
});
