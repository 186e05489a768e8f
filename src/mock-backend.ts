// A mock of the backend contract (README "Backend contract", docs/openapi.json) for msw, so a
// portal team can test its own page against it: `import { createHandlers } from
// 'login-help/mock-backend'`. The demo and this project's tests use the very same handlers.
// msw is an optional peer dependency: only this entry point needs it.
import { delay, http, HttpResponse } from 'msw';

/** The demo's values (SPEC §7); the tests use the same ones. */
export const DEMO_EMAIL = 'frontdesk@happypaws.example';
export const DEMO_USER_NAME = 'happypaws';
/** How long a value containing `slow` takes to answer. */
export const SLOW_MS = 3000;

/** What the mock backend has on file, and where it listens. */
export interface MockBackendOptions {
  /** The `endpoint` the page uses (default: any origin and path prefix). */
  base?: string;
  /** Clinic emails that get "sent" (default: the demo's). Compared case-insensitively. */
  emails?: string[];
  /** User names that get "sent" (default: the demo's). Compared case-insensitively. */
  userNames?: string[];
  /** How long a value containing `slow` waits before "sent" (default 3000 ms). */
  slowMs?: number;
}

/**
 * The outcomes every value can trigger, in the order SPEC §7 lists them: a value containing
 * `error` → 500, `busy` → 429 with Retry-After: 60, `slow` → sent after a wait; a value on file →
 * sent; anything else → not found (404).
 */
async function answerFor(values: string[], isOnFile: boolean, slowMs: number): Promise<Response> {
  const has = (word: string) => values.some((value) => value.toLowerCase().includes(word));
  if (has('error')) {
    return new HttpResponse('<!doctype html><title>500</title><h1>Internal Server Error</h1>', {
      status: 500,
      headers: { 'Content-Type': 'text/html' },
    });
  }
  if (has('busy')) {
    return HttpResponse.json({ status: 'rate_limited' }, { status: 429, headers: { 'Retry-After': '60' } });
  }
  if (has('slow')) {
    await delay(slowMs);
    return HttpResponse.json({ status: 'sent' });
  }
  return isOnFile ? HttpResponse.json({ status: 'sent' }) : HttpResponse.json({ status: 'not_found' }, { status: 404 });
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** msw request handlers for `{base}/forgot-username` and `{base}/password-help`. */
export function createHandlers(options: MockBackendOptions | string = {}) {
  const { base = '*', emails = [DEMO_EMAIL], userNames = [DEMO_USER_NAME], slowMs = SLOW_MS } = typeof options === 'string' ? { base: options } : options;
  const root = base.replace(/\/+$/, '');
  const onFile = (list: string[], value: string) => list.some((entry) => entry.toLowerCase() === value.toLowerCase());
  return [
    http.post(`${root}/forgot-username`, async ({ request }) => {
      const email = text((await readJson(request)).email);
      return answerFor([email], onFile(emails, email), slowMs);
    }),
    http.post(`${root}/password-help`, async ({ request }) => {
      const body = await readJson(request);
      const userName = text(body.userName);
      return answerFor([userName, text(body.requestedBy)], onFile(userNames, userName), slowMs);
    }),
  ];
}
