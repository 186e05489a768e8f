import { http, HttpResponse, passthrough, type JsonBodyType } from 'msw';
import type { Locale } from '../../src/i18n/localization.js';
import { setupWorker } from 'msw/browser';

/** One worker per test page; each test adds its own handlers with `worker.use()`. */
export const worker = setupWorker();

let started: Promise<unknown> | undefined;

/** Starts the worker once per page; any request without a handler fails the test. */
export function startWorker(): Promise<unknown> {
  started ??= worker.start({ onUnhandledRequest: 'error', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  return started;
}

/** What reached the mock backend. */
export interface Seen {
  url: string;
  method: string;
  headers: Headers;
  credentials: RequestCredentials;
  body: unknown;
}

/**
 * Answers every POST to `url` with `answer` and records each request. `url` may be a path
 * pattern (msw syntax).
 */
export function backend(url: string, answer: () => Response | Promise<Response> = () => HttpResponse.json({ status: 'sent' })) {
  const seen: Seen[] = [];
  worker.use(
    http.post(url, async ({ request }) => {
      const text = await request.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the raw text: the test will say what it expected
      }
      seen.push({ url: request.url, method: request.method, headers: request.headers, credentials: request.credentials, body });
      return answer();
    }),
  );
  return seen;
}

/** A JSON answer with a status code and optional headers. */
export const json = (body: JsonBodyType, status = 200, headers: Record<string, string> = {}) => () =>
  HttpResponse.json(body, { status, headers });
/**
 * Holds the module of `locale` (as the dev server serves it, src/i18n/locale-loader.ts) until
 * `release()`; never released, it never arrives. A module loads once per page, so each test on a
 * page holds a locale no other test there has loaded.
 */
export function holdLocale(locale: Locale) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  worker.use(
    http.get(new RegExp(`/src/i18n/locales/${locale}\\.(js|ts)(\\?|$)`), async () => {
      await released;
      return passthrough();
    }),
  );
  return { release };
}
