import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpResponse, delay } from 'msw';
import '../src/define.js';
import { LoginHelpErrorEvent } from '../src/events.js';
import type { LoginHelpPassword } from '../src/forms/login-help-password.js';
import type { LoginHelpUsername } from '../src/forms/login-help-username.js';
import { alertOf, dialogOf, field, part, settled, statusOf, submit, textOf, type, watchPageErrors } from './helpers/dom.js';
import { backend, json, startWorker, worker } from './helpers/msw.js';

// Every response row of SPEC §4, seen from the page: what the person sees, what stays typed.

const API = 'https://api.clinic.example';
const EMAIL = 'someone@clinic.example';

async function submitEmail(answer: () => Response | Promise<Response>, attributes: { timeout?: number } = {}) {
  const seen = backend(`${API}/forgot-username`, answer);
  const el = await fixture<LoginHelpUsername>(
    html`<login-help-username endpoint=${API} support-email="help@clinic.example" timeout=${attributes.timeout ?? 15000}></login-help-username>`,
  );
  const errors: LoginHelpErrorEvent[] = [];
  el.addEventListener('login-help-error', (event) => {
    // The event map's type is the union of the panel's and the reset page's error events.
    if (event instanceof LoginHelpErrorEvent) errors.push(event);
  });
  type(el, 'email', EMAIL);
  await submit(el);
  await settled(el);
  return { el, seen, errors };
}

/** An error outcome: inline message, no dialog, the value kept, one error event with `reason`. */
async function expectError(el: LoginHelpUsername, errors: LoginHelpErrorEvent[], reason: string, status?: number) {
  expect(dialogOf(el).open, 'no Attention dialog for an error').to.be.false;
  expect(textOf(statusOf(el))).to.equal('');
  expect(field(el, 'email').value).to.equal(EMAIL);
  expect(errors.map((event) => [event.detail.reason, event.detail.status])).to.deep.equal([[reason, status]]);
  await expect(el).to.be.accessible();
  return textOf(alertOf(el));
}

describe('response outcomes', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('2xx with an empty body is sent', async () => {
    const { el } = await submitEmail(() => new HttpResponse(null, { status: 204 }));
    expect(textOf(statusOf(el))).to.contain('Forgot User Name Request');
  });

  it('200 {"status":"not_found"} opens the Attention dialog', async () => {
    const { el } = await submitEmail(json({ status: 'not_found' }));
    expect(dialogOf(el).open).to.be.true;
  });

  it('404 with any body opens the Attention dialog', async () => {
    const { el } = await submitEmail(() => new HttpResponse('<h1>Not Found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    expect(dialogOf(el).open).to.be.true;
    expect(textOf(part(el, '#dialog-message'))).to.contain(EMAIL);
  });

  for (const status of [400, 422]) {
    it(`${status} invalid shows each message, as text, at its field and in the focused summary`, async () => {
      const { el, errors } = await submitEmail(
        json({ status: 'invalid', errors: { email: '<b>Use your practice address</b>', other: 'Something else' } }, status),
      );
      const input = field(el, 'email');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const message = part(el, `#${input.getAttribute('aria-describedby')}`);
      expect(textOf(message)).to.equal('Error: <b>Use your practice address</b>');
      expect(message.querySelector('b')).to.equal(null);
      const summary = part(el, '[part="error-summary"]');
      expect(el.shadowRoot!.activeElement === summary).to.be.true;
      expect(textOf(summary)).to.contain('<b>Use your practice address</b>');
      const alert = await expectError(el, errors, 'invalid', status);
      expect(alert).to.contain('Correct it and submit again');
      expect(alert).to.contain('Something else');
    });
  }

  it('429 with Retry-After in seconds says how long to wait', async () => {
    const { el, errors } = await submitEmail(json({}, 429, { 'Retry-After': '60' }));
    expect(await expectError(el, errors, 'rate-limited', 429)).to.equal('Too many requests were made. Please wait 1 minute, then submit again.');
  });

  it('429 with Retry-After as an HTTP date says how long to wait', async () => {
    const when = new Date(Date.now() + 5 * 60_000).toUTCString();
    const { el, errors } = await submitEmail(json({}, 429, { 'Retry-After': when }));
    expect(await expectError(el, errors, 'rate-limited', 429)).to.match(/Please wait (5|6) minutes, then submit again\./);
  });

  it('429 without a usable Retry-After asks to wait a few minutes', async () => {
    const { el, errors } = await submitEmail(json({}, 429, { 'Retry-After': 'soon-ish' }));
    expect(await expectError(el, errors, 'rate-limited', 429)).to.contain('wait a few minutes');
  });

  for (const status of [401, 403, 409, 500, 502, 503]) {
    it(`${status} is a server error`, async () => {
      const { el, errors } = await submitEmail(() => new HttpResponse('<h1>oops</h1>', { status, headers: { 'Content-Type': 'text/html' } }));
      expect(await expectError(el, errors, 'server', status)).to.contain('Something went wrong on our side');
    });
  }

  it('503 with Retry-After is a server error that says how long to wait', async () => {
    const { el, errors } = await submitEmail(json({}, 503, { 'Retry-After': '30' }));
    expect(await expectError(el, errors, 'server', 503)).to.equal(
      'The service is briefly unavailable and your request was not completed. Please wait 30 seconds, then submit again.',
    );
  });

  it('400 without the invalid shape is a server error', async () => {
    const { el, errors } = await submitEmail(json({ message: 'bad' }, 400));
    await expectError(el, errors, 'server', 400);
  });

  it('2xx that is not JSON is a server error (the answer is not trusted)', async () => {
    const { el, errors } = await submitEmail(() => new HttpResponse('<html>login page</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expectError(el, errors, 'server', 200);
  });

  it('2xx JSON of another shape is a server error', async () => {
    const { el, errors } = await submitEmail(json({ ok: true }));
    await expectError(el, errors, 'server', 200);
  });

  it('a network failure says the server could not be reached', async () => {
    const { el, errors } = await submitEmail(() => HttpResponse.error());
    expect(await expectError(el, errors, 'network')).to.contain('could not reach the server');
  });

  it('an answer slower than timeout is given up with a timeout message, and not re-sent', async () => {
    const { el, errors, seen } = await submitEmail(
      async () => {
        await delay(2000);
        return HttpResponse.json({ status: 'sent' });
      },
      { timeout: 100 },
    );
    expect(await expectError(el, errors, 'timeout')).to.contain('took too long');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).to.have.length(1);
  });

  it('a retry after an error is the person’s choice and works', async () => {
    let calls = 0;
    const { el } = await submitEmail(() => (++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ status: 'sent' })));
    expect(textOf(alertOf(el))).to.not.equal('');
    await submit(el);
    await settled(el);
    expect(calls).to.equal(2);
    expect(textOf(alertOf(el))).to.equal('');
    expect(textOf(statusOf(el))).to.contain('Forgot User Name Request');
  });

  it('a well-formed supportEmail in the answer wins over the attribute', async () => {
    const { el } = await submitEmail(json({ status: 'not_found', supportEmail: 'desk@vet.example' }));
    const href = new URL(part<HTMLAnchorElement>(el, '#dialog-message a').href);
    expect(href.pathname).to.equal('desk@vet.example');
  });

  it('a malformed supportEmail in the answer is ignored', async () => {
    const { el } = await submitEmail(json({ status: 'not_found', supportEmail: 'javascript:alert(1)//@x.example' }));
    const href = new URL(part<HTMLAnchorElement>(el, '#dialog-message a').href);
    expect(href.pathname).to.equal('help@clinic.example');
  });
});

describe('removal and configuration errors', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('aborts the request when the element leaves the document: no error, no dialog, no outcome event', async () => {
    backend(`${API}/password-help`, async () => {
      await delay(500);
      return HttpResponse.json({ status: 'not_found' });
    });
    // Observe (not replace) fetch to see the signal the request was given.
    const signals: AbortSignal[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return original(input, init);
    };
    const page = watchPageErrors();
    const el = await fixture<LoginHelpPassword>(html`<login-help-password endpoint=${API}></login-help-password>`);
    const events: string[] = [];
    for (const name of ['login-help-sent', 'login-help-not-found', 'login-help-error'] as const) el.addEventListener(name, () => events.push(name));
    type(el, 'userName', 'ghost');
    type(el, 'requestedBy', 'Pat');
    await submit(el);
    window.fetch = original;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 700));
    page.stop();
    expect(page.errors).to.deep.equal([]);
    expect(events).to.deep.equal([]);
    expect(dialogOf(el).open).to.be.false;
    expect(signals.map((signal) => signal.aborted)).to.deep.equal([true]);
  });

  for (const endpoint of [undefined, '', '   ', 'javascript:alert(1)', 'ftp://files.example/api', 'data:text/plain,hi', 'https://desk:hunter2@api.example']) {
    it(`refuses to send with endpoint ${JSON.stringify(endpoint)}: inline config error and one warning naming the attribute`, async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      const page = watchPageErrors();
      try {
        const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${endpoint ?? undefined}></login-help-username>`);
        if (endpoint === undefined) el.removeAttribute('endpoint');
        const reasons: string[] = [];
        el.addEventListener('login-help-error', (event) => reasons.push(event.detail.reason));
        type(el, 'email', EMAIL);
        await submit(el);
        await waitUntil(() => textOf(alertOf(el)) !== '');
        await submit(el);
        await waitUntil(() => reasons.length === 2);
        expect(textOf(alertOf(el))).to.contain('not set up correctly');
        expect(field(el, 'email').value).to.equal(EMAIL);
        expect(reasons).to.deep.equal(['config', 'config']);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('"endpoint"');
        expect(warnings[0]).not.to.contain('hunter2');
        await expect(el).to.be.accessible();
      } finally {
        console.warn = original;
        page.stop();
      }
      expect(page.errors).to.deep.equal([]);
    });
  }

  it('names username-action in the warning when that override is unusable', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<LoginHelpUsername>(html`<login-help-username endpoint=${API} username-action="javascript:void(0)"></login-help-username>`);
      type(el, 'email', EMAIL);
      await submit(el);
      await waitUntil(() => textOf(alertOf(el)) !== '');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"username-action"');
  });
});
