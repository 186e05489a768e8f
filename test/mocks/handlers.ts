import { delay, http, HttpResponse } from 'msw';

/** The demo's values (SPEC §7); the tests use the same ones. */
export const DEMO_EMAIL = 'frontdesk@happypaws.example';
export const DEMO_USER_NAME = 'happypaws';
/** How long a value containing `slow` takes to answer. */
export const SLOW_MS = 3000;

/** The outcomes every demo value can trigger, in the order SPEC §7 lists them. */
async function answerFor(values: string[], isOnFile: boolean): Promise<Response> {
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
    await delay(SLOW_MS);
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

/**
 * The mock backend of SPEC §7 for msw. `base` is the `endpoint` the page uses; the default
 * matches any origin and path prefix.
 */
export function createHandlers(base = '*') {
  const root = base.replace(/\/+$/, '');
  return [
    http.post(`${root}/forgot-username`, async ({ request }) => {
      const email = text((await readJson(request)).email);
      return answerFor([email], email.toLowerCase() === DEMO_EMAIL);
    }),
    http.post(`${root}/password-help`, async ({ request }) => {
      const body = await readJson(request);
      const userName = text(body.userName);
      return answerFor([userName, text(body.requestedBy)], userName.toLowerCase() === DEMO_USER_NAME);
    }),
  ];
}
