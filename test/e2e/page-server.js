// Serves the plain host pages, the built bundle /dist/login-help.js and its locale modules
// /dist/locales/<locale>.js (from dist/locales/ next to the bundle) on its own port, i.e. an
// origin different from the backend's. Nothing but static HTML and the script-tag bundle's files.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { listenOnLoopback } from './harness.js';
import net from 'node:net';
import path from 'node:path';

export const BUNDLE = '/dist/login-help.js';
/** Where the bundle fetches a non-English locale's messages: `${LOCALES}<locale>.js`. */
export const LOCALES = '/dist/locales/';
const LOCALE_PATH = /^\/dist\/locales\/([A-Za-z0-9-]+\.js)$/;

export const escapeAttribute = (value) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One `<login-help>` tag; `attributes` are added as given (e.g. `{ timeout: '800' }`). */
export function loginHelpTag({ endpoint, supportEmail = 'support@clinic.example', attributes = {} }) {
  const all = { endpoint, 'support-email': supportEmail, ...attributes };
  const text = Object.entries(all)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<login-help${text}></login-help>`;
}

/**
 * The host page: static HTML that only loads the bundle (once per entry of `scripts`) and
 * places one `<login-help>`, or `body` when given. `head` is added to `<head>` as is; `lang` is
 * `<html lang>`. No inline script or style, so the same HTML serves the strict CSP pages.
 */
export function pageHtml({ endpoint, supportEmail, attributes, head = '', scripts = [BUNDLE], body = undefined, lang = 'en' }) {
  const tags = scripts.map((src) => `<script type="module" src="${escapeAttribute(src)}"></script>`).join('');
  return (
    `<!doctype html><html lang="${escapeAttribute(lang)}"><head><meta charset="utf-8"><title>e2e</title>${head}${tags}</head>` +
    `<body><main><h1>Clinic portal</h1>${body ?? loginHelpTag({ endpoint, supportEmail, attributes })}</main></body></html>`
  );
}

/**
 * Starts the page server on an ephemeral port.
 * @param {{ distFile: string, pages: Record<string, string | { html: string, headers?: Record<string, string> }> }} options
 *   `pages` maps a path (e.g. `/` or `/timeout.html`) to its HTML, or to HTML plus response headers.
 * @returns `origin`, `url(path)`, `requests` (every path asked for, with `search`),
 *   `localeRequests()` (the paths of those under /dist/locales/, in order), `close()`.
 */
export async function startPageServer({ distFile, pages }) {
  const localesDir = path.join(path.dirname(distFile), 'locales');
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const { pathname, search } = new URL(req.url, 'http://127.0.0.1');
    requests.push({ method: req.method, path: pathname, search });
    try {
      if (req.method === 'GET' && pathname === BUNDLE) {
        const code = await readFile(distFile);
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(code);
      } else if (req.method === 'GET' && LOCALE_PATH.test(pathname)) {
        const code = await readFile(path.join(localesDir, LOCALE_PATH.exec(pathname)[1])).catch(() => null);
        if (code === null) {
          res.writeHead(404, { 'Content-Type': 'text/plain' });
          res.end('no such locale');
        } else {
          res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(code);
        }
      } else if (req.method === 'GET' && Object.hasOwn(pages, pathname)) {
        const page = typeof pages[pathname] === 'string' ? { html: pages[pathname] } : pages[pathname];
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page.headers });
        res.end(page.html);
      } else if (pathname === '/favicon.ico') {
        res.writeHead(204);
        res.end();
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
      }
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  const { port, origin } = await listenOnLoopback(server);
  return {
    port,
    origin,
    url: (path = '/') => origin + path,
    requests,
    localeRequests: () => requests.filter((request) => request.path.startsWith(LOCALES)).map((request) => request.path),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 where nothing listens: bound once, noted, closed. */
export async function closedPort() {
  const probe = net.createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(() => resolve()));
  return port;
}
