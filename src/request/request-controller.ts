// The panel forms' request controller: one submit at a time over the shared wire (request-core.ts),
// with its events, its idempotency key and the reference the support desk can look up.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LoginHelpErrorEvent, LoginHelpNotFoundEvent, LoginHelpRequestEvent, LoginHelpSentEvent } from '../events.js';
import { resolveTarget } from './endpoint.js';
import type { FormKind, Outcome, RequestData, SubmissionReference } from './outcome.js';
import { parseResponse } from './parse-response.js';
import { jsonHeaders, post } from './request-core.js';
import { randomId, usableRequestId } from './submission-id.js';

/** Everything one submit needs; read from the element's attributes at submit time. */
export interface SubmitOptions {
  form: FormKind;
  data: RequestData;
  endpoint?: string;
  action?: string;
  timeout: number;
  credentials: RequestCredentials;
  csrfToken?: string;
  csrfHeader: string;
  /** Send an `Idempotency-Key` header (the page opted in). */
  idempotent: boolean;
  /** The element's locale (`es`, `pt-BR`), sent as `Accept-Language` so the backend's email reads in it. */
  lang: string;
  /**
   * Shows the outcome, after its event. The form stays busy (and ignores a second submit) until
   * this settles, so it never looks idle with nothing said.
   */
  show?: (outcome: Outcome) => unknown;
}

/** The request a person may retry with the same key: same body, after a network failure or timeout. */
interface Attempt {
  body: string;
  key: string;
  retryable: boolean;
}

/**
 * Owns a form's request: builds it (SPEC §4), fires the events (SPEC §5), keeps at most one in
 * flight, gives it up after `timeout`, aborts it when the element leaves the document, and turns
 * the answer into an outcome. It never re-sends on its own.
 */
export class RequestController implements ReactiveController {
  /** True from the request until its outcome is shown; the host renders this as busy. */
  pending = false;

  /** How the support desk can find the last submission that reached the network. */
  lastReference?: SubmissionReference;

  #inFlight?: AbortController;
  #lastAttempt?: Attempt;
  readonly #warned = new Set<string>();

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Gives up the request in flight without an outcome (the element left, or its target changed). */
  abort(): void {
    this.#inFlight?.abort();
  }

  /**
   * Sends one request. Resolves to its outcome once shown, or to `undefined` when nothing is to be
   * shown: a request already in flight, a listener cancelled `login-help-request`, or the element
   * left the document before the answer came.
   */
  async submit(options: SubmitOptions): Promise<Outcome | undefined> {
    if (this.pending) return undefined;
    const { form, data } = options;
    const target = resolveTarget(form, options.endpoint, options.action, document.baseURI);
    if ('problem' in target) {
      this.#warnOnce(target.problem, target.value, 'is not an http: or https: URL without a user name or password');
      return this.#finish({ kind: 'error', reason: 'config' }, options);
    }

    const headers = jsonHeaders(options.lang, options.csrfToken, options.csrfHeader);
    if (!headers) {
      this.#warnOnce('csrf-header', options.csrfHeader, 'cannot carry the CSRF token (an invalid header name, or a token with line breaks)');
      return this.#finish({ kind: 'error', reason: 'config' }, options);
    }
    const request = new LoginHelpRequestEvent({ form, data, headers });
    this.#host.dispatchEvent(request);
    if (request.defaultPrevented) return undefined;

    const body = JSON.stringify(data);
    const last = this.#lastAttempt;
    const key = last?.retryable && last.body === body ? last.key : randomId();
    if (options.idempotent) headers.set('Idempotency-Key', key);
    const time = new Date().toISOString();

    const abort = (this.#inFlight = new AbortController());
    this.pending = true;
    this.#host.requestUpdate();
    const answer = await post(target.url, headers, body, options.credentials, options.timeout, abort);
    this.#inFlight = undefined;
    const timedOut = answer.kind === 'fault' && answer.reason === 'timeout';
    // Only a request that got no answer may be retried with the same key.
    const retryable = answer.kind === 'fault';
    const outcome: Outcome = retryable ? { kind: 'error', reason: answer.reason } : parseResponse(answer);
    this.lastReference = { reference: (!retryable && usableRequestId(answer.headers.get('X-Request-Id'))) || key, time };
    this.#lastAttempt = { body, key, retryable };
    // Aborted without a timeout: the element left the document or its target changed.
    return abort.signal.aborted && !timedOut ? this.#idle() : this.#finish(outcome, options);
  }

  #idle(): undefined {
    this.pending = false;
    this.#host.requestUpdate();
  }

  /** Fires the outcome's event, then has the host show it; busy until it has. */
  async #finish(outcome: Outcome, { form, data, show }: SubmitOptions): Promise<Outcome> {
    this.pending = true;
    if (outcome.kind === 'sent') {
      this.#host.dispatchEvent(new LoginHelpSentEvent({ form, data, accepted: outcome.accepted }));
    } else if (outcome.kind === 'not-found') {
      this.#host.dispatchEvent(new LoginHelpNotFoundEvent({ form, data }));
    } else {
      const { reason, status } = outcome;
      // `status` only when there was one: no `status: undefined` key in the detail.
      this.#host.dispatchEvent(new LoginHelpErrorEvent({ form, data, reason, ...(status && { status }) }));
    }
    try {
      await show?.(outcome);
    } finally {
      this.#idle();
    }
    return outcome;
  }

  #warnOnce(attribute: string, value: string, problem: string): void {
    const key = `${attribute}=${value}`;
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    // Never echo credentials that a URL carried (https://user:secret@host).
    const shown = value.replace(/\/\/[^/@]*@/, '//…@');
    const why = value ? `"${shown}" ${problem}` : 'it is missing';
    console.warn(`<${this.#host.localName}>: the "${attribute}" attribute is not usable (${why}), so nothing was sent.`);
  }
}
