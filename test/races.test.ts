import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpResponse, delay } from 'msw';
import '../src/define.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import type { LoginHelp } from '../src/login-help.js';
import { alertOf, dialogOf, field, settled, statusOf, submit, textOf, type, watchPageErrors } from './helpers/dom.js';
import { backend, startWorker, worker } from './helpers/msw.js';

const slowNotFound = async () => {
  await delay(300);
  return HttpResponse.json({ status: 'not_found' });
};

describe('races', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('drops the answer of a request whose endpoint changed while it was in flight', async () => {
    backend('https://old.example/forgot-username', slowNotFound);
    const fresh = backend('https://new.example/forgot-username');
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint="https://old.example"></login-help-username>`);
    const outcomes: string[] = [];
    for (const name of ['login-help-sent', 'login-help-not-found', 'login-help-error'] as const) el.addEventListener(name, () => outcomes.push(name));
    type(el, 'email', 'a@b.example');
    await submit(el);
    el.endpoint = 'https://new.example';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dialogOf(el).open, 'no stale Attention dialog').to.be.false;
    expect(outcomes).to.deep.equal([]);
    expect(textOf(statusOf(el)) + textOf(alertOf(el))).to.equal('');
    expect(field(el, 'email').value).to.equal('a@b.example');
    await submit(el);
    await settled(el);
    expect(fresh).to.have.length(1);
    expect(outcomes).to.deep.equal(['login-help-sent']);
  });

  it('switching show while a request is in flight shows no stale outcome and throws nothing', async () => {
    backend('https://api.example/forgot-username', slowNotFound);
    const page = watchPageErrors();
    const panel = await fixture<LoginHelp>(html`<login-help endpoint="https://api.example"></login-help>`);
    const form = panel.shadowRoot!.querySelector('login-help-username')!;
    await form.updateComplete;
    type(form, 'email', 'a@b.example');
    await submit(form);
    panel.show = 'password';
    await panel.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 500));
    panel.show = 'both';
    await panel.updateComplete;
    const again = panel.shadowRoot!.querySelector('login-help-username')!;
    await again.updateComplete;
    page.stop();
    expect(page.errors).to.deep.equal([]);
    expect(dialogOf(again).open).to.be.false;
    expect(textOf(statusOf(again)) + textOf(alertOf(again))).to.equal('');
  });

  it('keeps two widgets on one page apart', async () => {
    backend('https://api.example/forgot-username', slowNotFound);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <login-help-username endpoint="https://api.example"></login-help-username>
      <login-help-username endpoint="https://api.example"></login-help-username>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('login-help-username')];
    await Promise.all([first.updateComplete, second.updateComplete]);
    type(first, 'email', 'a@b.example');
    await submit(first);
    await settled(first);
    await waitUntil(() => dialogOf(first).open);
    expect(dialogOf(second).open).to.be.false;
    expect(second.shadowRoot!.querySelector('form')!.getAttribute('aria-busy')).to.equal('false');
    expect(textOf(statusOf(second)) + textOf(alertOf(second))).to.equal('');
    expect(field(second, 'email').value).to.equal('');
  });
});
