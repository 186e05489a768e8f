import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { delay, HttpResponse } from 'msw';
import '../src/define.js';
import { LoginHelpPasswordChangedEvent, LoginHelpResetErrorEvent, LoginHelpResetRequestEvent } from '../src/index.js';
import type { LoginHelpReset } from '../src/reset/login-help-reset.js';
import { part, textOf } from './helpers/dom.js';
import { json, startWorker, worker } from './helpers/msw.js';
import {
  alertOf,
  API,
  hasForm,
  input,
  MIN_LENGTH,
  mountReset,
  PASSWORD,
  recordEvents,
  resetBackend,
  save,
  saveOf,
  settledReset,
  statusOf,
  toggleOf,
  TOKEN,
  typeIn,
  USER_NAME,
} from './helpers/reset.js';

// <login-help-reset> (SPEC §8): the link check, every state it renders, the client checks, the
// reset and its answers, Show/Hide, and the wire (SPEC §4) — all through msw at the fetch level.

const mount = (extra: { helpUrl?: string; loginUrl?: string; lang?: string; timeout?: number } = {}) =>
  mountReset(
    html`<login-help-reset
      endpoint=${API}
      token=${TOKEN}
      help-url=${extra.helpUrl ?? 'https://portal.example/login-help'}
      login-url=${extra.loginUrl ?? 'https://portal.example/sign-in'}
      lang=${extra.lang ?? 'en'}
      timeout=${extra.timeout ?? 15000}
    ></login-help-reset>`,
  );

describe('<login-help-reset>', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('checks the link on connect and shows the form: user name, two new-password fields with Show, the rule, Save Password', async () => {
    const { check } = resetBackend();
    const el = await mount({ lang: 'en' });
    expect(check).to.have.length(1);
    expect(check[0]!.body).to.deep.equal({ token: TOKEN });
    expect(check[0]!.url).to.equal(`${API}/reset-password/check`);
    expect(check[0]!.headers.get('content-type')).to.equal('application/json');
    expect(check[0]!.headers.get('accept')).to.equal('application/json');
    expect(check[0]!.headers.get('accept-language')).to.equal('en');
    expect(check[0]!.credentials).to.equal('same-origin');

    expect(textOf(part(el, '[part="heading"]'))).to.equal('Create a New Password');
    const userName = input(el, 'userName');
    expect(userName.value).to.equal(USER_NAME);
    expect(userName.readOnly).to.be.true;
    expect(userName.autocomplete).to.equal('username');
    for (const id of ['password', 'confirm'] as const) {
      const field = input(el, id);
      expect(field.type, id).to.equal('password');
      expect(field.getAttribute('autocomplete'), id).to.equal('new-password');
      expect(field.labels?.[0] && textOf(field.labels[0]), id).to.equal(id === 'password' ? 'New Password' : 'Confirm New Password');
      const toggle = toggleOf(el, id);
      expect(toggle.type).to.equal('button');
      expect(textOf(toggle)).to.equal('Show');
    }
    const hint = part(el, '#password-hint');
    expect(textOf(hint)).to.contain(`at least ${MIN_LENGTH} characters`);
    expect(input(el, 'password').getAttribute('aria-describedby')).to.equal('password-hint');
    expect(textOf(saveOf(el))).to.equal('Save Password');
  });

  it('says "Checking your link…" politely while the check runs', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    resetBackend(async () => {
      await Promise.race([held, delay(3000)]);
      return HttpResponse.json({ status: 'valid', userName: USER_NAME, minLength: MIN_LENGTH });
    });
    const el = await fixture<LoginHelpReset>(html`<login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset>`);
    await waitUntil(() => textOf(statusOf(el)) === 'Checking your link…');
    expect(statusOf(el).getAttribute('role')).to.equal('status');
    expect(hasForm(el), 'no form before the link is known to work').to.be.false;
    release();
    await settledReset(el);
    expect(textOf(statusOf(el))).to.equal('');
    expect(hasForm(el)).to.be.true;
  });

  const deadLinks = [
    { name: '410 expired', answer: json({ status: 'expired' }, 410), text: 'This link has expired.', reason: 'link-expired', status: 410 },
    { name: '410 used', answer: json({ status: 'used' }, 410), text: 'This link was already used.', reason: 'link-used', status: 410 },
    { name: '404 invalid_token', answer: json({ status: 'invalid_token' }, 404), text: 'This link is not valid.', reason: 'link-invalid', status: 404 },
  ] as const;
  for (const { name, answer, text, reason, status } of deadLinks) {
    it(`a dead link (${name}): says so, links to help-url, shows no form, fires login-help-error ${reason}`, async () => {
      resetBackend(answer);
      const error = oneEvent(document, 'login-help-error');
      const el = await mount();
      expect(hasForm(el)).to.be.false;
      expect(textOf(alertOf(el))).to.contain(text);
      const link = part<HTMLAnchorElement>(el, '[part="link"]');
      expect(link.href).to.equal('https://portal.example/login-help');
      expect(textOf(link)).to.equal('Request a new link');
      const event = (await error) as unknown as LoginHelpResetErrorEvent;
      expect(event).to.be.instanceOf(LoginHelpResetErrorEvent);
      expect(event.detail).to.deep.include({ form: 'reset', reason, status });
      expect(event.detail.data).to.deep.equal({});
    });
  }

  it('no token at all: "This link is not valid.", nothing sent; without help-url the advice is plain text', async () => {
    const { check } = resetBackend();
    const error = oneEvent(document, 'login-help-error');
    const el = await mountReset(html`<login-help-reset endpoint=${API}></login-help-reset>`);
    expect(check).to.have.length(0);
    expect(textOf(alertOf(el))).to.equal('This link is not valid. Please request a new link on the Login Help page.');
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(((await error) as unknown as LoginHelpResetErrorEvent).detail.reason).to.equal('link-invalid');
  });

  it('a javascript: help-url is never linked', async () => {
    resetBackend(json({ status: 'expired' }, 410));
    const el = await mount({ helpUrl: 'javascript:alert(1)' });
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });

  const checkFaults = [
    { name: '500', answer: () => new HttpResponse('<h1>oops</h1>', { status: 500 }), text: 'Something went wrong on our side', reason: 'server' },
    { name: '429 with Retry-After: 60', answer: json({}, 429, { 'Retry-After': '60' }), text: 'Please wait 1 minute, then try again.', reason: 'rate-limited' },
    { name: 'network drop', answer: () => HttpResponse.error(), text: 'We could not reach the server', reason: 'network' },
    { name: '200 of another shape', answer: json({ status: 'valid' }), text: 'Something went wrong on our side', reason: 'server' },
  ] as const;
  for (const { name, answer, text, reason } of checkFaults) {
    it(`the check fails (${name}): an inline message and "Try again", which checks again`, async () => {
      let calls = 0;
      resetBackend(() => (calls++ === 0 ? answer() : HttpResponse.json({ status: 'valid', userName: USER_NAME, minLength: MIN_LENGTH })));
      const error = oneEvent(document, 'login-help-error');
      const el = await mount();
      expect(textOf(alertOf(el))).to.contain(text);
      expect(((await error) as unknown as LoginHelpResetErrorEvent).detail.reason).to.equal(reason);
      expect(calls, 'nothing is re-sent on its own').to.equal(1);
      const retry = part<HTMLButtonElement>(el, '[part="retry"]');
      expect(textOf(retry)).to.equal('Try again');
      retry.focus();
      retry.click();
      await el.updateComplete;
      expect(retry.getAttribute('aria-disabled'), '"Try again" stays, busy, while the new check runs').to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(retry);
      await settledReset(el);
      expect(calls).to.equal(2);
      expect(hasForm(el)).to.be.true;
      expect(el.shadowRoot!.activeElement === input(el, 'password'), 'focus moves to New Password').to.be.true;
    });
  }

  it('the check times out after `timeout`: an inline message and "Try again"', async () => {
    resetBackend(async () => {
      await delay(2000);
      return HttpResponse.json({ status: 'valid', userName: USER_NAME, minLength: MIN_LENGTH });
    });
    const el = await mount({ timeout: 150 });
    expect(textOf(alertOf(el))).to.contain('took too long');
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.not.equal(null);
  });

  it('no endpoint: a setup message, one console warning naming the attribute, no "Try again"', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const error = oneEvent(document, 'login-help-error');
      const el = await mountReset(html`<login-help-reset token=${TOKEN}></login-help-reset>`);
      expect(textOf(alertOf(el))).to.contain('not set up correctly');
      expect(((await error) as unknown as LoginHelpResetErrorEvent).detail.reason).to.equal('config');
      expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('"endpoint"');
  });

  it('client checks: both fields required; summary takes focus; aria-invalid and the message tied by aria-describedby; nothing sent', async () => {
    const { save: saved } = resetBackend();
    const el = await mount();
    saveOf(el).click();
    await el.updateComplete;
    const summary = part(el, '[part="error-summary"]');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(textOf(part(el, '#summary-title'))).to.equal('There is a problem');
    expect([summary.getAttribute('role'), summary.getAttribute('aria-labelledby')], 'a labelled region').to.deep.equal(['region', 'summary-title']);
    expect(summary.querySelector('[role="alert"] #summary-title'), 'the alert inside holds the title').to.not.equal(null);
    expect([...summary.querySelectorAll('li')].map(textOf)).to.deep.equal(['Enter a new password.', 'Enter your new password again.']);
    for (const id of ['password', 'confirm'] as const) {
      const field = input(el, id);
      expect(field.getAttribute('aria-invalid'), id).to.equal('true');
      const described = field.getAttribute('aria-describedby')!.split(' ');
      expect(described, id).to.include(`${id}-error`);
      expect(textOf(part(el, `#${id}-error`)), id).to.match(/^Error: /);
    }
    expect(saved).to.have.length(0);
    // A summary link focuses its field.
    part<HTMLAnchorElement>(el, '[part="error-summary"] a[href="#confirm"]').click();
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'confirm'));
  });

  it('client checks: mismatch, too short in Unicode characters (not UTF-16 units), at most 256; paste-friendly, nothing trimmed', async () => {
    const { save: saved } = resetBackend();
    const el = await mount();
    await save(el, 'a'.repeat(20), 'b'.repeat(20));
    expect(textOf(part(el, '#confirm-error'))).to.contain('The passwords do not match');
    expect(el.shadowRoot!.querySelector('#password-error')).to.equal(null);
    // 14 characters, 15 UTF-16 units: still too short for 15.
    const fourteen = `${'a'.repeat(13)}🐾`;
    expect(fourteen.length).to.equal(15);
    await save(el, fourteen);
    expect(textOf(part(el, '#password-error'))).to.contain(`at least ${MIN_LENGTH} characters`);
    await save(el, 'é'.repeat(257));
    expect(textOf(part(el, '#password-error'))).to.contain('256 characters or fewer');
    expect(saved).to.have.length(0);
    // 256 astral characters are 512 UTF-16 units, and allowed.
    await save(el, '🐾'.repeat(256));
    expect(saved).to.have.length(1);
    expect(saved[0]!.body).to.deep.equal({ token: TOKEN, password: '🐾'.repeat(256) });
  });

  it('an error goes as soon as its field would pass', async () => {
    resetBackend();
    const el = await mount();
    await save(el, 'short', 'short');
    expect(el.shadowRoot!.querySelector('#password-error')).to.not.equal(null);
    typeIn(el, 'password', 'x'.repeat(MIN_LENGTH));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#password-error')).to.equal(null);
    expect(input(el, 'password').hasAttribute('aria-invalid')).to.be.false;
  });

  it('saves: POSTs {token, password}; "Your password has been changed." announced; the sign-in link; the fields cleared; login-help-password-changed', async () => {
    const { save: saved } = resetBackend();
    const el = await mount();
    const changed = oneEvent(document, 'login-help-password-changed');
    const passwordField = input(el, 'password');
    await save(el);
    expect(saved).to.have.length(1);
    expect(saved[0]!.url).to.equal(`${API}/reset-password`);
    expect(saved[0]!.body).to.deep.equal({ token: TOKEN, password: PASSWORD });
    expect(saved[0]!.headers.get('content-type')).to.equal('application/json');
    expect(textOf(statusOf(el))).to.equal('Your password has been changed.');
    expect(statusOf(el).getAttribute('role')).to.equal('status');
    const link = part<HTMLAnchorElement>(el, '[part="link"]');
    expect(link.href).to.equal('https://portal.example/sign-in');
    expect(el.shadowRoot!.activeElement).to.equal(link);
    expect(passwordField.value, 'the field was cleared').to.equal('');
    expect(el.shadowRoot!.querySelector('input[type="password"], input[type="text"]:not([readonly])')).to.equal(null);
    const event = (await changed) as unknown as LoginHelpPasswordChangedEvent;
    expect(event).to.be.instanceOf(LoginHelpPasswordChangedEvent);
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail).to.deep.equal({ form: 'reset', data: { userName: USER_NAME } });
  });

  it('the backend refuses the password (422): its message, as text, at New Password', async () => {
    const hostile = '<img src=x onerror="window.__pwned = true">Too common.';
    resetBackend(validLinkAnswer, json({ status: 'invalid', errors: { password: hostile } }, 422));
    const el = await mount();
    const error = oneEvent(document, 'login-help-error');
    await save(el);
    expect(textOf(part(el, '#password-error'))).to.equal(`Error: ${hostile}`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
    expect(input(el, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, '[part="error-summary"]'));
    expect(input(el, 'password').value, 'what was typed stays').to.equal(PASSWORD);
    const event = (await error) as unknown as LoginHelpResetErrorEvent;
    expect(event.detail).to.deep.include({ form: 'reset', reason: 'invalid', status: 422 });
  });

  for (const [status, body, text, reason] of [
    [410, { status: 'used' }, 'This link was already used.', 'link-used'],
    [410, { status: 'expired' }, 'This link has expired.', 'link-expired'],
    [404, { status: 'invalid_token' }, 'This link is not valid.', 'link-invalid'],
  ] as const) {
    it(`the reset answers ${status} ${body.status}: the dead-link state, not a form that cannot succeed`, async () => {
      resetBackend(validLinkAnswer, json(body, status));
      const el = await mount();
      const error = oneEvent(document, 'login-help-error');
      await save(el);
      expect(hasForm(el)).to.be.false;
      expect(textOf(alertOf(el))).to.contain(text);
      expect(((await error) as unknown as LoginHelpResetErrorEvent).detail).to.deep.include({ reason, status, data: { userName: USER_NAME } });
    });
  }

  it('Show/Hide: a real button that switches the field, changes its label, keeps focus, and says so politely', async () => {
    resetBackend();
    const el = await mount();
    const toggle = toggleOf(el, 'password');
    expect(toggle.getAttribute('aria-controls')).to.equal('password');
    expect(toggle.getAttribute('aria-label')).to.equal('Show new password');
    toggle.focus();
    toggle.click();
    await el.updateComplete;
    expect(input(el, 'password').type).to.equal('text');
    expect(textOf(toggle)).to.equal('Hide');
    expect(toggle.getAttribute('aria-label')).to.equal('Hide new password');
    expect(el.shadowRoot!.activeElement, 'focus stays on the button').to.equal(toggle);
    expect(textOf(part(el, '[aria-live="polite"]'))).to.equal('Your password is visible.');
    expect(input(el, 'confirm').type, 'each field has its own control').to.equal('password');
    toggle.click();
    await el.updateComplete;
    expect(input(el, 'password').type).to.equal('password');
    expect(textOf(part(el, '[aria-live="polite"]'))).to.equal('Your password is hidden.');
  });

  it('one request in flight: a second Save Password does nothing; the form is busy meanwhile', async () => {
    const { save: saved } = resetBackend(validLinkAnswer, async () => {
      await delay(300);
      return HttpResponse.json({ status: 'reset' });
    });
    const el = await mount();
    typeIn(el, 'password', PASSWORD);
    typeIn(el, 'confirm', PASSWORD);
    saveOf(el).click();
    await el.updateComplete;
    expect(part(el, 'form').getAttribute('aria-busy')).to.equal('true');
    expect(saveOf(el).getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(statusOf(el))).to.equal('Saving your new password…');
    saveOf(el).click();
    await settledReset(el);
    expect(saved).to.have.length(1);
  });

  it('a cancelled login-help-request sends nothing; a listener may add a header', async () => {
    const { check } = resetBackend();
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('login-help-request', cancel);
    try {
      const el = await mountReset(html`<login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset>`);
      expect(check).to.have.length(0);
      expect(hasForm(el)).to.be.false;
    } finally {
      document.removeEventListener('login-help-request', cancel);
    }
    const addHeader = (event: Event) => (event as LoginHelpResetRequestEvent).detail.headers.set('X-Portal', 'north');
    document.addEventListener('login-help-request', addHeader);
    try {
      await mount();
    } finally {
      document.removeEventListener('login-help-request', addHeader);
    }
    expect(check.at(-1)!.headers.get('x-portal')).to.equal('north');
  });

  it('sends the CSRF header and the credentials mode it is given', async () => {
    const { check } = resetBackend();
    await mountReset(
      html`<login-help-reset endpoint=${API} token=${TOKEN} csrf-token="c5rf" csrf-header="X-Portal-CSRF" credentials="include" lang="pt-BR"></login-help-reset>`,
    );
    expect(check[0]!.headers.get('x-portal-csrf')).to.equal('c5rf');
    expect(check[0]!.credentials).to.equal('include');
    expect(check[0]!.headers.get('accept-language')).to.equal('pt-BR');
  });

  it('leaving the document aborts the check: no outcome, no event; back in the document, it checks again', async () => {
    let calls = 0;
    resetBackend(async () => {
      calls++;
      await delay(calls === 1 ? 400 : 0);
      return HttpResponse.json({ status: 'valid', userName: USER_NAME, minLength: MIN_LENGTH });
    });
    const { events, stop } = recordEvents();
    try {
      const el = await fixture<LoginHelpReset>(html`<login-help-reset endpoint=${API} token=${TOKEN}></login-help-reset>`);
      const parent = el.parentElement!;
      await waitUntil(() => calls === 1);
      el.remove();
      await delay(500);
      expect(events.map(({ type }) => type)).to.deep.equal(['login-help-request']);
      parent.append(el);
      await settledReset(el);
      expect(hasForm(el)).to.be.true;
      expect(calls).to.equal(2);
    } finally {
      stop();
    }
  });

  it('a new token checks the new link', async () => {
    const { check } = resetBackend((() => {
      let n = 0;
      return () => (n++ === 0 ? HttpResponse.json({ status: 'expired' }, { status: 410 }) : HttpResponse.json({ status: 'valid', userName: USER_NAME, minLength: MIN_LENGTH }));
    })());
    const el = await mount();
    expect(hasForm(el)).to.be.false;
    el.token = 'anotherToken';
    await el.updateComplete;
    await settledReset(el);
    expect(hasForm(el)).to.be.true;
    expect(check.map(({ body }) => body)).to.deep.equal([{ token: TOKEN }, { token: 'anotherToken' }]);
  });
});

function validLinkAnswer() {
  return HttpResponse.json({ status: 'valid', userName: USER_NAME, minLength: MIN_LENGTH });
}

