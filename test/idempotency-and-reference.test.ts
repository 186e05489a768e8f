import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import '../src/define.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { field, part, settled, submit, type } from './helpers/dom.js';
import { backend, startWorker, worker } from './helpers/msw.js';

const API = 'https://api.clinic.example';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function form(idempotent = true) {
  return fixture<LoginHelpUsername>(
    html`<div lang="en-CA"><login-help-username endpoint=${API} support-email="help@clinic.example" ?idempotent=${idempotent}></login-help-username></div>`,
  ).then((wrapper) => wrapper.querySelector('login-help-username')!);
}

async function send(el: LoginHelpUsername, email: string) {
  type(el, 'email', email);
  await submit(el);
  await settled(el);
}

const mailBody = (el: LoginHelpUsername) => new URL(part<HTMLAnchorElement>(el, '#dialog-message a').href).searchParams.get('body') ?? '';

describe('Idempotency-Key (opt-in) and the support reference', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('sends no Idempotency-Key by default', async () => {
    const seen = backend(`${API}/forgot-username`);
    await send(await form(false), 'a@b.example');
    expect(seen[0].headers.has('idempotency-key')).to.be.false;
  });

  it('sends a fresh UUID per submission, and the same one when the person retries after a network failure', async () => {
    const answers = [() => HttpResponse.error(), () => HttpResponse.json({ status: 'sent' }), () => HttpResponse.json({ status: 'sent' })];
    const seen = backend(`${API}/forgot-username`, () => answers.shift()!());
    const el = await form();
    await send(el, 'a@b.example');
    await send(el, 'a@b.example');
    await send(el, 'a@b.example');
    const keys = seen.map((request) => request.headers.get('idempotency-key') ?? '');
    expect(keys.every((key) => UUID.test(key)), keys.join()).to.be.true;
    expect(keys[1], 'retry after a network failure keeps the key').to.equal(keys[0]);
    expect(keys[2], 'a new submission after an answer gets a new key').to.not.equal(keys[1]);
  });

  it('uses a new key when the retried values differ', async () => {
    const answers = [() => HttpResponse.error(), () => HttpResponse.json({ status: 'sent' })];
    const seen = backend(`${API}/forgot-username`, () => answers.shift()!());
    const el = await form();
    await send(el, 'a@b.example');
    await send(el, 'c@d.example');
    expect(seen[0].headers.get('idempotency-key')).to.not.equal(seen[1].headers.get('idempotency-key'));
  });

  it('puts the backend’s X-Request-Id, the time and the language in the "email us" body', async () => {
    backend(`${API}/forgot-username`, () => HttpResponse.json({ status: 'not_found' }, { headers: { 'X-Request-Id': 'req-42.abc' } }));
    const el = await form();
    const before = Date.now();
    await send(el, 'ghost@clinic.example');
    const body = mailBody(el);
    expect(body).to.contain('Reference: req-42.abc');
    const time = /Time: (\S+)/.exec(body)?.[1] ?? '';
    expect(Date.parse(time)).to.be.within(before - 1000, Date.now() + 1000);
    expect(body).to.contain('Language: en-CA');
    expect(body.split('\r\n')).to.include('Reference: req-42.abc');
  });

  it('falls back to the id the widget made (the Idempotency-Key when sent) when X-Request-Id is missing or unusable', async () => {
    const seen = backend(`${API}/forgot-username`, () =>
      HttpResponse.json({ status: 'not_found' }, { headers: { 'X-Request-Id': 'bad id\u00e9 <script>' } }),
    );
    const el = await form();
    await send(el, 'ghost@clinic.example');
    const reference = /Reference: (\S+)/.exec(mailBody(el))?.[1];
    expect(reference).to.match(UUID);
    expect(reference).to.equal(seen[0].headers.get('idempotency-key'));
    expect(field(el, 'email').value).to.equal('ghost@clinic.example');
  });
});
