import { expect, html } from '@open-wc/testing';
import { delay, HttpResponse } from 'msw';
import '../src/define.js';
import { textOf } from './helpers/dom.js';
import { json, startWorker, worker } from './helpers/msw.js';
import { alertOf, API, hasForm, mountReset, PASSWORD, recordEvents, resetBackend, save, TOKEN, USER_NAME } from './helpers/reset.js';

// Where the reset token comes from (the page address), where it goes (the address bar loses it),
// and where neither it nor the password may ever go: events, the console, the address, storage.

const page = location.href;
const at = (suffix: string) => `${location.origin}${location.pathname}${location.search}${suffix}`;

describe('<login-help-reset>: the token in the address, and secrets kept', () => {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    history.replaceState(history.state, '', page);
  });

  it('reads #token=… and takes it out of the address bar, keeping the rest of the address', async () => {
    const { check } = resetBackend();
    const before = history.length;
    history.replaceState({ kept: 1 }, '', at(`#token=${TOKEN}&step=2`));
    const el = await mountReset(html`<login-help-reset endpoint=${API}></login-help-reset>`);
    expect(check[0]!.body).to.deep.equal({ token: TOKEN });
    expect(location.href).to.equal(at('#step=2'));
    expect(history.length, 'replaced, not pushed: Back does not bring the token back').to.equal(before);
    expect(history.state).to.deep.equal({ kept: 1 });
    expect(hasForm(el)).to.be.true;
  });

  it('else reads ?token=… and takes it out of the query, keeping the other parameters and the fragment', async () => {
    const { check } = resetBackend();
    const query = location.search ? `${location.search}&` : '?';
    history.replaceState(null, '', `${location.origin}${location.pathname}${query}token=${TOKEN}&utm_source=email#top`);
    await mountReset(html`<login-help-reset endpoint=${API}></login-help-reset>`);
    expect(check[0]!.body).to.deep.equal({ token: TOKEN });
    expect(location.href).to.equal(`${location.origin}${location.pathname}${query}utm_source=email#top`);
    expect(location.href).to.not.contain(TOKEN);
  });

  it('prefers the fragment to the query, and clears both', async () => {
    const { check } = resetBackend();
    const query = location.search ? `${location.search}&` : '?';
    history.replaceState(null, '', `${location.origin}${location.pathname}${query}token=fromQuery#token=${TOKEN}`);
    await mountReset(html`<login-help-reset endpoint=${API}></login-help-reset>`);
    expect(check[0]!.body).to.deep.equal({ token: TOKEN });
    expect(location.href).to.equal(page.replace(/#.*$/, ''));
  });

  it('leaves the address alone when the token attribute is given', async () => {
    const { check } = resetBackend();
    history.replaceState(null, '', at('#token=fromTheAddress'));
    await mountReset(html`<login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset>`);
    expect(check[0]!.body).to.deep.equal({ token: TOKEN });
    expect(location.hash).to.equal('#token=fromTheAddress');
  });

  it('never puts the password or the token in an event detail, the console, the address or storage', async () => {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((method) => console[method]);
    methods.forEach((method) => {
      console[method] = (...args: unknown[]) => {
        logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
      };
    });
    const { events, stop } = recordEvents();
    try {
      history.replaceState(null, '', at(`#token=${TOKEN}`));
      // Every outcome in turn: refused, rate limited, network drop, timeout, success; then a dead link.
      const answers = [
        json({ status: 'invalid', errors: { password: 'Too common.' } }, 422),
        json({}, 429, { 'Retry-After': '30' }),
        () => HttpResponse.error(),
        async () => {
          await delay(1000);
          return HttpResponse.json({ status: 'reset' });
        },
        json({ status: 'reset' }),
      ];
      let n = 0;
      resetBackend(undefined, () => answers[n++]!());
      const el = await mountReset(html`<login-help-reset endpoint=${API} timeout="300"></login-help-reset>`);
      for (let i = 0; i < answers.length; i++) await save(el);
      expect(textOf(el.shadowRoot!.querySelector('[part="status"]')!)).to.equal('Your password has been changed.');
      resetBackend(json({ status: 'used' }, 410));
      await mountReset(html`<login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset>`);
      await mountReset(html`<login-help-reset endpoint="" token=${TOKEN}></login-help-reset>`);
    } finally {
      stop();
      methods.forEach((method, index) => (console[method] = originals[index]!));
    }
    const types = events.map(({ type }) => type);
    expect(types).to.include.members(['login-help-request', 'login-help-error', 'login-help-password-changed']);
    for (const event of events) {
      const detail = JSON.stringify((event as CustomEvent).detail);
      expect(detail, event.type).to.not.contain(PASSWORD);
      expect(detail, event.type).to.not.contain(TOKEN);
      const { data } = (event as CustomEvent<{ data: object }>).detail;
      expect([{}, { userName: USER_NAME }], event.type).to.deep.include(data);
    }
    for (const line of logged) {
      expect(line).to.not.contain(PASSWORD);
      expect(line).to.not.contain(TOKEN);
    }
    expect(location.href).to.not.contain(TOKEN);
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
    expect(stored).to.not.contain(TOKEN);
    expect(stored).to.not.contain(PASSWORD);
  });

  it('faults keep what was typed and never show success (timeout, 5xx, 429 with Retry-After, network drop)', async () => {
    const faults: [string, () => Response | Promise<Response>, string][] = [
      ['timeout', async () => (await delay(1000), HttpResponse.json({ status: 'reset' })), 'took too long'],
      ['503', json({ status: 'unavailable' }, 503), 'Something went wrong on our side'],
      ['429', json({}, 429, { 'Retry-After': '120' }), 'Please wait 2 minutes, then try again.'],
      ['network', () => HttpResponse.error(), 'could not reach the server'],
    ];
    for (const [name, answer, text] of faults) {
      resetBackend(undefined, answer);
      const changed: Event[] = [];
      const onChanged = (event: Event) => changed.push(event);
      document.addEventListener('login-help-password-changed', onChanged);
      try {
        const el = await mountReset(html`<login-help-reset endpoint=${API} token=${TOKEN} timeout="300"></login-help-reset>`);
        await save(el);
        expect(textOf(alertOf(el)), name).to.contain(text);
        expect(textOf(el.shadowRoot!.querySelector('[part="status"]')!), name).to.equal('');
        expect(el.shadowRoot!.querySelector<HTMLInputElement>('#password')!.value, name).to.equal(PASSWORD);
        expect(el.shadowRoot!.querySelector<HTMLInputElement>('#confirm')!.value, name).to.equal(PASSWORD);
        expect(changed, name).to.have.length(0);
      } finally {
        document.removeEventListener('login-help-password-changed', onChanged);
        worker.resetHandlers();
      }
    }
  });
});
