import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import '../src/reset/define-reset.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import type { LoginHelpReset } from '../src/reset/login-help-reset.js';
import { part, submit } from './helpers/dom.js';
import { startWorker, worker } from './helpers/msw.js';
import { API, resetBackend, save, settledReset, TOKEN } from './helpers/reset.js';

// The error summary's bullet sits on the first line of a wrapped item (it sat on the last one
// while the links were baseline-aligned inline blocks). A bullet cannot be measured, so a
// zero-width text put first in the item stands in for it: both sit on the item's first line box.

/** Top of the item's first line box (where its marker sits) and of the link's first line of text. */
function lineTops(item: HTMLLIElement): { marker: number; text: number; lines: number } {
  const link = item.querySelector('a')!;
  const probe = document.createElement('span');
  probe.textContent = '\u200b';
  item.prepend(probe);
  const range = document.createRange();
  range.selectNodeContents(link);
  const lines = [...range.getClientRects()].filter((rect) => rect.width > 0);
  const text = lines[0].top;
  const textHeight = lines[0].height;
  const marker = probe.getBoundingClientRect();
  probe.remove();
  // Compare centres: the probe's box and the text's box differ in height by at most the font's.
  return { marker: marker.top + marker.height / 2, text: text + textHeight / 2, lines: new Set(lines.map((rect) => Math.round(rect.top))).size };
}

function expectBulletOnFirstLine(item: HTMLLIElement) {
  const { marker, text, lines } = lineTops(item);
  expect(lines, 'the item wraps').to.be.at.least(2);
  expect(Math.abs(marker - text), `bullet ${marker}px, first line ${text}px`).to.be.below(6);
}

describe('error summary: a wrapped item keeps its bullet on its first line', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('in <login-help-reset>', async () => {
    resetBackend();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 12rem"><login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset></div>`);
    const reset = wrapper.querySelector<LoginHelpReset>('login-help-reset')!;
    await settledReset(reset);
    await save(reset, 'short', 'other');
    expectBulletOnFirstLine(part<HTMLLIElement>(reset, '[part="error-summary"] li'));
  });

  it('in the panel forms', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 10rem"><login-help-username endpoint=${API}></login-help-username></div>`);
    const form = wrapper.querySelector<LoginHelpUsername>('login-help-username')!;
    await submit(form);
    expectBulletOnFirstLine(part<HTMLLIElement>(form, '[part="error-summary"] li'));
  });
});
