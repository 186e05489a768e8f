// The reset page's request controller: one request at a time over the shared wire
// (request/request-core.ts), kept busy until its words are in, so nothing is said in English first.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { httpUrl, joinPath, jsonHeaders, post, type Exchange } from '../request/request-core.js';
import { LoginHelpResetRequestEvent, type ResetEventData } from './reset-events.js';

/** The two paths under `endpoint` (SPEC §8). */
export type ResetPath = 'reset-password/check' | 'reset-password';

/** Everything one request needs; read from the element's attributes when it is made. */
export interface ResetRequestOptions {
  endpoint?: string;
  timeout: number;
  credentials: RequestCredentials;
  csrfToken?: string;
  csrfHeader: string;
  /** The element's shipped locale, sent as `Accept-Language`. */
  lang: string;
  /**
   * What the busy text and the answer wait for before they are shown: the words of the page's
   * language (bounded); `undefined` when they are in. A live region announces a text once, as it
   * appears, so it must not appear in English first.
   */
  ready: () => Promise<unknown> | undefined;
}

/** An answer, or why there was none; `undefined` when nothing is to be shown (cancelled, or the element left). */
export type ResetReply = Exchange | { kind: 'fault'; reason: 'config' } | { kind: 'cancelled' };

/**
 * The reset page's requests, on SPEC §4's wire: POST JSON with `Accept-Language` and the CSRF
 * header, at most one in flight, given up after `timeout`, aborted when the element leaves the
 * document, never re-sent on its own. The element reads the answer (reset-outcome.ts) and fires
 * the outcome events; this fires `login-help-request`.
 */
export class ResetRequest implements ReactiveController {
  /** True from the request until its outcome may show (its words are in); the host renders this as busy. */
  pending = false;
  /** True while the request waits for the words of its busy text ("Checking…"): nothing is said meanwhile. */
  quiet = false;

  #inFlight?: AbortController;
  #warned?: boolean;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Gives up the request in flight (no longer busy); its answer is never shown, and a new one may start at once. */
  abort(): void {
    this.#inFlight?.abort();
    this.#inFlight = undefined;
    this.pending = this.quiet = false;
    this.#host.requestUpdate();
  }

  /**
   * Sends one request; busy (`pending`) from the start until the answer is in and then until
   * `options.ready` settles, and `quiet` (no busy text) from the start until `options.ready`
   * settles (the same wait: 3 s at most). `undefined` when a request is already in flight or
   * abort() came first.
   */
  async send(path: ResetPath, body: Record<string, string>, data: ResetEventData, options: ResetRequestOptions): Promise<ResetReply | undefined> {
    if (this.pending) return undefined;
    const abort = (this.#inFlight = new AbortController());
    const words = options.ready();
    this.pending = true;
    this.quiet = !!words;
    this.#host.requestUpdate();
    void words?.then(() => {
      if (this.#inFlight === abort) {
        this.quiet = false;
        this.#host.requestUpdate();
      }
    });
    const reply = await this.#exchange(path, body, data, options, abort);
    // The answer waits on its busy text's wait, if it had one: one bound for both, so a lost locale
    // file neither flashes "Checking…" in English just before the answer nor delays it twice. A
    // request that began with its words in waits only for a language the page switched to meanwhile.
    await (words ?? options.ready());
    // abort() came first: the element left, or a newer link or endpoint took over.
    if (this.#inFlight !== abort) return undefined;
    this.abort();
    return reply;
  }

  async #exchange(path: ResetPath, body: Record<string, string>, data: ResetEventData, options: ResetRequestOptions, abort: AbortController): Promise<ResetReply> {
    const url = httpUrl(options.endpoint);
    if (!url) return this.#config('endpoint');
    const headers = jsonHeaders(options.lang, options.csrfToken, options.csrfHeader);
    if (!headers) return this.#config('csrf-header');
    const event = new LoginHelpResetRequestEvent({ form: 'reset', data, headers });
    this.#host.dispatchEvent(event);
    if (event.defaultPrevented) return { kind: 'cancelled' };
    return post(joinPath(url, path), headers, JSON.stringify(body), options.credentials, options.timeout, abort);
  }

  /** A setup error: one console warning naming the attribute (never its value: it may hold a token). */
  #config(attribute: string): ResetReply {
    if (!this.#warned) console.warn(`<${this.#host.localName}>: the "${attribute}" attribute is not usable, so nothing was sent.`);
    this.#warned = true;
    return { kind: 'fault', reason: 'config' };
  }
}
