// The fake clinic backend for the end-to-end check: a real HTTP server on 127.0.0.1 that speaks
// SPEC §4. It is cross-origin to the page, so it implements CORS, and it records every request so
// the cases can assert exactly what arrived.
//
// What a POST gets: the next answer queued with `backend.next(name)` (see ANSWERS), else the demo
// rule: the demo email / user name is sent, anything else not found. No magic words in values.
import http from 'node:http';
import { listenOnLoopback } from './harness.js';

export const DEMO_EMAIL = 'frontdesk@happypaws.example';
export const DEMO_USER_NAME = 'happypaws';
/** How long the `slow` answer takes unless told otherwise. */
export const SLOW_MS = 3000;
/** The only request headers the backend allows: the widget must send no other non-safelisted one. */
export const ALLOWED_HEADERS = 'Content-Type, Accept, X-CSRF-Token';

const MAX_BODY = 64 * 1024;
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json';

/**
 * Every answer a case can queue. `reply` writes the response (or breaks the connection);
 * `options` come from `backend.next(name, options)`.
 */
const ANSWERS = {
  sent: (reply) => reply.send(200, { status: 'sent' }),
  'not-found': (reply) => reply.send(200, { status: 'not_found' }),
  /** Sent, after `ms`; the wait ends early when the client goes away. */
  async slow(reply, { ms = SLOW_MS } = {}) {
    await reply.wait(ms);
    reply.record.slowAnswered = !reply.res.destroyed;
    reply.send(200, { status: 'sent' });
  },
  /** Never answers (until the client closes, or 15 s pass). */
  hang: (reply) => reply.wait(15_000),
  'html-500': (reply) => reply.send(500, '<!doctype html><title>500</title><h1>Internal Server Error</h1>', {}, HTML),
  'bad-gateway': (reply) =>
    reply.send(502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>', {}, HTML),
  'truncated-json': (reply) => reply.send(200, '{"status":"se', {}, JSON_TYPE),
  'login-page': (reply) =>
    reply.send(200, '<!doctype html><title>Sign in</title><form method="post" action="/login"><input name="user"><button>Sign in</button></form>', {}, HTML),
  /** Headers and part of the body, then the socket is destroyed. */
  async 'drop-mid-response'(reply) {
    const body = '{"status":"sent"}';
    reply.res.writeHead(200, { ...reply.cors(), 'Content-Type': JSON_TYPE, 'Content-Length': String(body.length), 'Cache-Control': 'no-store' });
    reply.res.write(body.slice(0, 9));
    await reply.wait(100);
    reply.record.dropped = 'mid-response';
    reply.req.socket.destroy();
  },
  /**
   * The socket is destroyed before a single byte of the answer. Chromium resends a request
   * once, below fetch, when a *reused* keep-alive connection closes without an answer; so unless
   * `{ reused: true }`, the preflight before this POST closes its connection (see `handle`) and the
   * POST arrives on a fresh one, which Chromium does not retry.
   */
  'drop-before-response'(reply) {
    reply.record.dropped = 'before-response';
    reply.req.socket.destroy();
  },
  'rate-limit-60': (reply) => reply.send(429, { status: 'rate_limited' }, { 'Retry-After': '60' }),
  /** An HTTP date ~2 minutes ahead (110 s: whole seconds round it to 109–110 s, i.e. "2 minutes"). */
  'rate-limit-date': (reply) =>
    reply.send(429, { status: 'rate_limited' }, { 'Retry-After': new Date(Date.now() + 110_000).toUTCString() }),
  'rate-limit-junk': (reply) => reply.send(429, { status: 'rate_limited' }, { 'Retry-After': 'soon' }),
  'unavailable-30': (reply) => reply.send(503, '<!doctype html><title>Maintenance</title><h1>Back soon</h1>', { 'Retry-After': '30' }, HTML),
  'not-found-empty': (reply) => reply.send(404, '', {}, 'text/plain'),
};

export const ANSWER_NAMES = Object.keys(ANSWERS);

/**
 * Starts the backend on an ephemeral port.
 * @returns a handle: `origin`, `apiBase`, `requests` (every request, in order), `posts(path)`,
 *   `preflights(path)`, `next(name, options)`, `setAllowedOrigin(origin)`, `reset()`, `close()`.
 */
export async function startBackend() {
  /** The page origin that CORS lets in; set once the page server is up. */
  let allowedOrigin = null;
  const requests = [];
  /** Answers queued for the next POSTs, first in first out. */
  const queue = [];
  const timers = new Set();

  const corsHeaders = (req) =>
    req.headers.origin && req.headers.origin === allowedOrigin
      ? { 'Access-Control-Allow-Origin': allowedOrigin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' }
      : { Vary: 'Origin' };

  /** What an answer gets to work with. */
  const replyFor = (req, res, record) => ({
    req,
    res,
    record,
    cors: () => corsHeaders(req),
    send(status, body, headers = {}, contentType = undefined) {
      if (res.writableEnded || res.destroyed) return;
      const isJson = body !== null && typeof body === 'object';
      const text = isJson ? JSON.stringify(body) : (body ?? '');
      res.writeHead(status, {
        ...corsHeaders(req),
        'Content-Type': contentType ?? (isJson ? JSON_TYPE : HTML),
        'Cache-Control': 'no-store',
        ...headers,
      });
      res.end(text);
      record.answered = status;
    },
    /** Resolves after `ms`, or as soon as the client closes the connection. */
    wait: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        timers.add(timer);
        res.once('close', done);
        function done() {
          clearTimeout(timer);
          timers.delete(timer);
          resolve();
        }
      }),
  });

  async function handle(req, res, record) {
    const reply = replyFor(req, res, record);
    if (req.method === 'OPTIONS') {
      if (req.headers.origin !== allowedOrigin) {
        res.writeHead(403, { 'Content-Type': 'text/plain' });
        res.end('origin not allowed');
        return;
      }
      const upcoming = queue[0];
      const closeAfter = upcoming?.name === 'drop-before-response' && !upcoming.options.reused;
      res.writeHead(204, {
        ...(closeAfter ? { Connection: 'close' } : {}),
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

    const route = record.path === '/api/forgot-username' ? 'username' : record.path === '/api/password-help' ? 'password' : null;
    if (!route) return reply.send(404, { status: 'no_such_path' });
    if (req.method !== 'POST') return reply.send(405, { status: 'method_not_allowed' }, { Allow: 'POST, OPTIONS' });

    const queued = queue.shift();
    if (queued) {
      record.answer = queued.name;
      return ANSWERS[queued.name](reply, queued.options);
    }
    if (record.bodyError || !record.body || typeof record.body !== 'object') {
      return reply.send(400, { status: 'invalid', errors: {} });
    }
    record.answer = 'demo';
    if (route === 'username') {
      return String(record.body.email).toLowerCase() === DEMO_EMAIL
        ? reply.send(200, { status: 'sent' })
        : reply.send(404, { status: 'not_found' });
    }
    return String(record.body.userName).toLowerCase() === DEMO_USER_NAME
      ? reply.send(200, { status: 'sent' })
      : reply.send(200, { status: 'not_found' });
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
        answer: null,
        answered: null,
        /** The client closed the connection before the whole answer was written. */
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
        if (!res.writableFinished && !record.dropped) record.clientClosedEarly = true;
      });
      handle(req, res, record).catch((error) => {
        record.handlerError = String(error);
        replyFor(req, res, record).send(500, { status: 'backend_bug' });
      });
    });
  });

  const { port, origin } = await listenOnLoopback(server);

  return {
    port,
    origin,
    apiBase: `${origin}/api`,
    requests,
    /** The POSTs to one path (e.g. `/api/forgot-username`), or all POSTs. */
    posts: (path) => requests.filter((r) => r.method === 'POST' && (!path || r.path === path)),
    preflights: (path) => requests.filter((r) => r.method === 'OPTIONS' && (!path || r.path === path)),
    /** Queues the answer for the next POST (any path); see ANSWERS for the names. */
    next(name, options = {}) {
      if (!Object.hasOwn(ANSWERS, name)) throw new Error(`backend.next: no answer named "${name}"`);
      queue.push({ name, options });
    },
    /** Answers queued and not yet used. */
    pending: () => queue.map(({ name }) => name),
    setAllowedOrigin(value) {
      allowedOrigin = value;
    },
    /** Forgets recorded requests and queued answers (a pending slow answer keeps running). */
    reset() {
      requests.length = 0;
      queue.length = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
