// One loopback origin for the snippet builder's end-to-end test:
// - /builder/…             the built builder (dist/snippet-builder.html and its files, the
//                          login-help.js and locales/ beside it) under a strict CSP;
// - /static/login-help/…   the same login-help.js and locales/, where "the portal" hosts them;
// - /cms/page.html         a blank CMS page holding whatever snippet the test pasted, with
//                          /cms/site.css holding the CSS it copied; strict CSP + Trusted Types;
// - /api/login-help/…      the package's mock backend (lib/mock-backend.js, msw's handlers run
//                          by getResponse, as demo/cms-server.js does).
// Every file is read once, at start: other builds may rewrite dist/ while the test runs.
import { Buffer } from 'node:buffer';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { getResponse } from 'msw';
import { createHandlers } from '../../lib/mock-backend.js';
import { listenOnLoopback } from '../e2e/harness.js';

const STRICT = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'", "base-uri 'none'", "object-src 'none'", "form-action 'none'"];
const TRUSTED_TYPES = ["require-trusted-types-for 'script'", 'trusted-types lit-html'];
export const BUILDER_CSP = [...STRICT, ...TRUSTED_TYPES].join('; ');
export const CMS_CSP = [...STRICT, ...TRUSTED_TYPES].join('; ');

const JS = 'text/javascript; charset=utf-8';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': JS, '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/** Reads the built files the test serves: { '/snippet-builder.html': Buffer, … } relative to dist/. */
export async function readDist(dist) {
  const files = {};
  const add = async (relative) => {
    files[`/${relative}`] = await readFile(path.join(dist, relative));
  };
  await add('snippet-builder.html');
  await add('login-help.js');
  for (const name of await readdir(path.join(dist, 'snippet-builder'))) await add(`snippet-builder/${name}`);
  for (const name of await readdir(path.join(dist, 'locales'))) await add(`locales/${name}`);
  return files;
}

export async function startServer(files) {
  const posts = [];
  const cms = { snippet: '', css: '' };
  let handlers = [];

  async function api(request, response, origin) {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    posts.push({ path: request.url, headers: request.headers, body: body.toString('utf8') });
    const answer = await getResponse(handlers, new Request(origin + request.url, { method: request.method, headers: request.headers, body: request.method === 'POST' ? body : undefined }));
    if (!answer) return void response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"status":"not_found"}');
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  }

  function serveFile(response, file, csp) {
    const body = files[file];
    if (!body) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (csp) headers['Content-Security-Policy'] = csp;
    response.writeHead(200, headers).end(body);
  }

  let origin = '';
  const server = http.createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (pathname.startsWith('/api/login-help/')) return await api(request, response, origin);
      if (pathname === '/favicon.ico') return void response.writeHead(204).end();
      if (pathname === '/builder/snippet-builder.html') return serveFile(response, '/snippet-builder.html', BUILDER_CSP);
      if (pathname.startsWith('/builder/')) return serveFile(response, pathname.slice('/builder'.length));
      if (pathname.startsWith('/static/login-help/')) return serveFile(response, pathname.slice('/static/login-help'.length));
      if (pathname === '/cms/site.css') return void response.writeHead(200, { 'Content-Type': 'text/css', 'Cache-Control': 'no-store' }).end(cms.css);
      if (pathname === '/cms/page.html') {
        // No charset, neither in the header nor in the page: the snippet must not need one.
        const page =
          '<!doctype html><html lang="en"><head><title>Clinic portal</title><link rel="stylesheet" href="/cms/site.css"></head>' +
          `<body><main><h1>Clinic portal</h1>\n${cms.snippet}\n<p>Footer text of the CMS page.</p></main></body></html>`;
        return void response.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store', 'Content-Security-Policy': CMS_CSP }).end(page);
      }
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    }
  });
  ({ origin } = await listenOnLoopback(server));
  // Absolute: msw resolves relative handler paths against a page's location, which Node has not.
  handlers = createHandlers(`${origin}/api/login-help`);
  return {
    origin,
    url: (pathname) => origin + pathname,
    posts,
    cms,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
