// `npm run cms`: the CMS snippet on a plain static page, served as is under a strict CSP with
// Trusted Types, talking to a real HTTP backend on 127.0.0.1 that answers with the package's own
// mock backend (lib/mock-backend.js, the msw handlers the demo and tests use, run by msw's
// getResponse). Needs `npm run build` first (the npm script does it). Stop it with Ctrl+C.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { createHandlers } from '../lib/mock-backend.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.PORT) || 5174;
// Absolute: msw resolves relative handler paths against a page's location, which Node has not.
const handlers = createHandlers(`http://127.0.0.1:${PORT}/api`);
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
// Only these files are served: the page, its stylesheet, and the built bundle with its locales.
const STATIC = /^\/(demo\/cms-static\.(html|css)|dist\/login-help\.js|dist\/locales\/[\w-]+\.js)$/;

async function api(request, response) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const fetchRequest = new Request(`http://127.0.0.1:${PORT}${request.url}`, {
    method: request.method,
    headers: request.headers,
    body: request.method === 'POST' ? Buffer.concat(chunks) : undefined,
  });
  const answer = await getResponse(handlers, fetchRequest);
  if (!answer) {
    response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"status":"not_found"}');
    return;
  }
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
}

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return await api(request, response);
    if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
    const pathname = url.pathname === '/' ? '/demo/cms-static.html' : url.pathname;
    if (!STATIC.test(pathname)) return void response.writeHead(404).end();
    const body = await readFile(path.join(ROOT, pathname));
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(pathname)], 'Content-Security-Policy': CSP });
    response.end(body);
  } catch (error) {
    response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
  }
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`CMS snippet page: http://127.0.0.1:${PORT}/  (static HTML, strict CSP, real backend on /api)`);
});
