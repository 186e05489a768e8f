import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import {
  LoginHelpErrorEvent,
  LoginHelpNotFoundEvent,
  LoginHelpRequestEvent,
  LoginHelpSentEvent,
} from '../src/events.js';
import type { LoginHelp } from '../src/login-help.js';
import type { LoginHelpPassword } from '../src/forms/login-help-password.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { settled, submit, textOf, statusOf, type } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

const API = 'https://api.clinic.example';

describe('events', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('fires login-help-request (cancelable, composed) then login-help-sent with form and data', async () => {
    backend(`${API}/forgot-username`, json({ status: 'sent' }));
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${API}></login-help-username>`);
    type(el, 'email', ' frontdesk@happypaws.example ');
    const request = oneEvent(el, 'login-help-request');
    await submit(el);
    const requestEvent = await request;
    expect(requestEvent).to.be.instanceOf(LoginHelpRequestEvent);
    expect(requestEvent.bubbles && requestEvent.composed && requestEvent.cancelable).to.be.true;
    expect(requestEvent.detail.form).to.equal('username');
    expect(requestEvent.detail.data).to.deep.equal({ email: 'frontdesk@happypaws.example' });
    expect(requestEvent.detail.headers.get('content-type')).to.equal('application/json');
    const sent = await oneEvent(el, 'login-help-sent');
    expect(sent).to.be.instanceOf(LoginHelpSentEvent);
    expect(sent.bubbles && sent.composed).to.be.true;
    expect(sent.detail).to.deep.equal({ form: 'username', data: { email: 'frontdesk@happypaws.example' }, accepted: false });
  });

  it('marks the neutral answer with accepted: true', async () => {
    backend(`${API}/password-help`, json({ status: 'accepted' }));
    const el = await fixture<LoginHelpPassword>(html`<login-help-password endpoint=${API}></login-help-password>`);
    type(el, 'userName', 'happypaws');
    type(el, 'requestedBy', 'Pat');
    const sent = oneEvent(el, 'login-help-sent');
    await submit(el);
    expect((await sent).detail).to.deep.equal({ form: 'password', data: { userName: 'happypaws', requestedBy: 'Pat' }, accepted: true });
  });

  it('fires login-help-not-found', async () => {
    backend(`${API}/password-help`, json({ status: 'not_found' }));
    const el = await fixture<LoginHelpPassword>(html`<login-help-password endpoint=${API}></login-help-password>`);
    type(el, 'userName', 'ghost');
    type(el, 'requestedBy', 'Pat');
    const notFound = oneEvent(el, 'login-help-not-found');
    await submit(el);
    const event = await notFound;
    expect(event).to.be.instanceOf(LoginHelpNotFoundEvent);
    expect(event.detail).to.deep.equal({ form: 'password', data: { userName: 'ghost', requestedBy: 'Pat' } });
  });

  it('fires login-help-error with reason and status', async () => {
    backend(`${API}/forgot-username`, json({}, 503));
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${API}></login-help-username>`);
    type(el, 'email', 'a@b.example');
    const error = oneEvent(el, 'login-help-error');
    await submit(el);
    const event = await error;
    expect(event).to.be.instanceOf(LoginHelpErrorEvent);
    expect(event.detail).to.deep.equal({ form: 'username', data: { email: 'a@b.example' }, reason: 'server', status: 503 });
  });

  it('sends nothing when a listener cancels login-help-request', async () => {
    const seen = backend(`${API}/forgot-username`);
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${API}></login-help-username>`);
    el.addEventListener('login-help-request', (event) => event.preventDefault());
    type(el, 'email', 'a@b.example');
    await submit(el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).to.have.length(0);
    expect(el.shadowRoot!.querySelector('form')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('sends the headers a listener adds', async () => {
    const seen = backend(`${API}/forgot-username`);
    const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${API}></login-help-username>`);
    el.addEventListener('login-help-request', (event) => event.detail.headers.set('X-Portal', 'north'));
    type(el, 'email', 'a@b.example');
    await submit(el);
    await settled(el);
    expect(seen[0].headers.get('x-portal')).to.equal('north');
  });

  it('lets events from the panel’s forms bubble out of <login-help> to the document', async () => {
    backend(`${API}/forgot-username`, json({ status: 'sent' }));
    const panel = await fixture<LoginHelp>(html`<login-help endpoint=${API}></login-help>`);
    const form = panel.shadowRoot!.querySelector('login-help-username')!;
    await form.updateComplete;
    type(form, 'email', 'frontdesk@happypaws.example');
    // Read target and path during dispatch: the DOM clears them afterwards for shadow-tree targets.
    const seen = new Promise<[EventTarget | null, EventTarget]>((resolve) =>
      document.addEventListener('login-help-sent', (event) => resolve([event.target, event.composedPath()[0]]), { once: true }),
    );
    await submit(form);
    const [target, origin] = await seen;
    expect(target === panel, 'retargeted to <login-help>').to.be.true;
    expect(origin === form, 'comes from the form element').to.be.true;
    await settled(form);
    expect(textOf(statusOf(form))).to.contain('Forgot User Name Request');
  });
});
