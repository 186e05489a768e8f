// The fake clinic backend for the end-to-end check: a real HTTP server on 127.0.0.1 that speaks
// SPEC §4 and answers much like the demo (SPEC §7). It is cross-origin to the page, so it implements
// CORS, and it records every request so the cases can assert exactly what arrived.
import http from 'node:http';

export const DEMO_EMAIL = 'frontdesk@happypaws.example';
export const DEMO_USER_NAME = 'happypaws';
/** How long a value containing `slow` takes to answer. */
export const SLOW_MS = 3000;
/** The only request headers the backend allows: the widget must send no other non-safelisted one. */
export const ALLOWED_HEADERS = 'Content-Type, Accept, X-CSRF-Token';

const MAX_BODY = 64 * 1024;

/**
 * Starts the backend on an ephemeral port.
 * @returns a handle: `origin`, `apiBase`, `requests` (every request, in order), `posts(path)`,
 *   `setAllowedOrigin(origin)`, `reset()`, `close()`.
 */
export async function startBackend({ slowMs = SLOW_MS } = {}) {
  /** The page origin that CORS lets in; set once the page server is up. */
  let allowedOrigin = null;
  const requests = [];
  const timers = new Set();

  const corsHeaders = (req) =>
    req.headers.origin && req.headers.origin === allowedOrigin
      ? { 'Access-Control-Allow-Origin': allowedOrigin, Vary: 'Origin' }
      : { Vary: 'Origin' };

  const send = (req, res, status, body, headers = {}) => {
    if (res.writableEnded || res.destroyed) return;
    const isJson = body !== null && typeof body === 'object';
    const text = isJson ? JSON.stringify(body) : (body ?? '');
    res.writeHead(status, {
      ...corsHeaders(req),
      // A cross-origin backend must expose Retry-After, or the page cannot read it.
      'Access-Control-Expose-Headers': 'Retry-After',
      'Content-Type': isJson ? 'application/json' : 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(text);
  };

  const wait = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req, res, record) {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');

    if (req.method === 'OPTIONS') {
      if (req.headers.origin !== allowedOrigin) {
        res.writeHead(403, { 'Content-Type': 'text/plain' });
        res.end('origin not allowed');
        return;
      }
      res.writeHead(204, {
        'Access-Control-Allow-Origin': allowedOrigin,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        // No preflight caching: every POST is preceded by its own preflight, so cases can check it.
        'Access-Control-Max-Age': '0',
        Vary: 'Origin',
      });
      res.end();
      return;
    }

    const route = pathname === '/api/forgot-username' ? 'username' : pathname === '/api/password-help' ? 'password' : null;
    if (!route) return send(req, res, 404, { status: 'no_such_path' });
    if (req.method !== 'POST') return send(req, res, 405, { status: 'method_not_allowed' }, { Allow: 'POST, OPTIONS' });

    if (record.bodyError || !record.body || typeof record.body !== 'object') {
      return send(req, res, 400, { status: 'invalid', errors: {} });
    }
    const text = (value) => (typeof value === 'string' ? value : '');
    const values = route === 'username' ? [text(record.body.email)] : [text(record.body.userName), text(record.body.requestedBy)];
    const has = (word) => values.some((value) => value.toLowerCase().includes(word));

    // As the brief has it: `error` and `busy` only on the user name endpoint (so hostile values
    // such as `onerror=` can reach the password endpoint's not-found answer); `slow` on both.
    if (route === 'username' && has('error')) {
      return send(req, res, 500, '<!doctype html><title>500</title><h1>Internal Server Error</h1>');
    }
    if (route === 'username' && has('busy')) {
      return send(req, res, 429, { status: 'rate_limited' }, { 'Retry-After': '60' });
    }
    if (has('slow')) {
      await wait(slowMs);
      record.slowAnswered = !res.destroyed;
      return send(req, res, 200, { status: 'sent' });
    }
    if (route === 'username') {
      return values[0].toLowerCase() === DEMO_EMAIL
        ? send(req, res, 200, { status: 'sent' })
        : send(req, res, 404, { status: 'not_found' });
    }
    return values[0].toLowerCase() === DEMO_USER_NAME
      ? send(req, res, 200, { status: 'sent' })
      : send(req, res, 200, { status: 'not_found' });
  }

  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const record = {
        method: req.method,
        path: new URL(req.url, 'http://127.0.0.1').pathname,
        headers: { ...req.headers },
        rawBody,
        body: undefined,
        bodyError: null,
        at: Date.now(),
        clientClosedEarly: false,
      };
      if (req.method === 'POST') {
        try {
          record.body = JSON.parse(rawBody);
        } catch (error) {
          record.bodyError = String(error);
        }
      }
      requests.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.clientClosedEarly = true;
      });
      handle(req, res, record).catch((error) => {
        record.handlerError = String(error);
        send(req, res, 500, { status: 'backend_bug' });
      });
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    apiBase: `${origin}/api`,
    requests,
    /** The POSTs to one path (e.g. `/api/forgot-username`), or all POSTs. */
    posts: (path) => requests.filter((r) => r.method === 'POST' && (!path || r.path === path)),
    preflights: (path) => requests.filter((r) => r.method === 'OPTIONS' && (!path || r.path === path)),
    setAllowedOrigin(value) {
      allowedOrigin = value;
    },
    /** Forgets recorded requests (pending slow answers keep running). */
    reset() {
      requests.length = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
