import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, delay } from 'msw';
import 'axe-core/axe.min.js';
import '../src/define.js';
import type { LoginHelpForm } from '../src/forms/login-help-form.js';
import { part, settled, submit, type } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

// axe with the WCAG 2.0/2.1/2.2 A+AA and best-practice tags, in every visible state, for the
// panel and for each standalone form. Counts are logged for the issue note.

interface AxeResults {
  violations: { id: string; nodes: unknown[] }[];
  passes: unknown[];
}
declare global {
  interface Window {
    axe: { run: (context: Element, options: object) => Promise<AxeResults> };
  }
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const API = 'https://api.clinic.example';
type State = 'empty' | 'errors' | 'pending' | 'dialog open' | 'success';
const STATES: State[] = ['empty', 'errors', 'pending', 'dialog open', 'success'];

async function audit(context: Element, label: string) {
  // region: the fixture is not inside a landmark, which is the host page's business, not ours.
  const results = await window.axe.run(context, { runOnly: { type: 'tag', values: TAGS }, rules: { region: { enabled: false } } });
  console.log(`axe ${label}: ${results.violations.length} violations, ${results.passes.length} rules passed`);
  expect(results.violations.map((violation) => `${violation.id} (${violation.nodes.length})`), label).to.deep.equal([]);
}

/** Puts a form into a state; for "pending" the answer is held until `release()`. */
async function enter(form: LoginHelpForm, state: State) {
  const kind = form.localName === 'login-help-username' ? 'username' : 'password';
  const url = `${API}/${kind === 'username' ? 'forgot-username' : 'password-help'}`;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  if (state === 'pending') {
    backend(url, async () => {
      await Promise.race([held, delay(3000)]);
      return HttpResponse.json({ status: 'sent' });
    });
  } else {
    backend(url, json({ status: state === 'dialog open' ? 'not_found' : 'sent' }));
  }
  if (state === 'empty') return release;
  if (state !== 'errors') {
    if (kind === 'username') type(form, 'email', 'frontdesk@happypaws.example');
    else {
      type(form, 'userName', 'happypaws');
      type(form, 'requestedBy', 'Dr. Rivera');
    }
  }
  await submit(form);
  if (state === 'pending') {
    expect(part(form, 'form').getAttribute('aria-busy')).to.equal('true');
  } else if (state !== 'errors') {
    await settled(form);
  }
  return release;
}

describe('axe: WCAG 2.2 AA + best practice in every state', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  for (const tag of ['login-help-username', 'login-help-password'] as const) {
    for (const state of STATES) {
      it(`<${tag}> ${state}`, async () => {
        const wrapper = await fixture<HTMLElement>(
          tag === 'login-help-username'
            ? html`<main><login-help-username endpoint=${API} support-email="help@clinic.example"></login-help-username></main>`
            : html`<main><login-help-password endpoint=${API} support-email="help@clinic.example"></login-help-password></main>`,
        );
        const form = wrapper.firstElementChild as LoginHelpForm;
        const release = await enter(form, state);
        await audit(wrapper, `<${tag}> ${state}`);
        release();
        await settled(form).catch(() => undefined);
      });
    }
  }

  for (const state of STATES) {
    it(`<login-help> panel, username form ${state}`, async () => {
      const wrapper = await fixture<HTMLElement>(html`<main><login-help endpoint=${API} support-email="help@clinic.example"></login-help></main>`);
      const form = wrapper.querySelector('login-help')!.shadowRoot!.querySelector('login-help-username')!;
      await form.updateComplete;
      const release = await enter(form, state);
      await audit(wrapper, `<login-help> ${state}`);
      release();
      await settled(form).catch(() => undefined);
    });
  }
});
