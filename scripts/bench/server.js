// The benchmarks' HTTP server on 127.0.0.1 (ephemeral port): static pages, the built bundle
// (optionally late), and a deliberately slow mock backend so that submits stay in flight.
import { readFile } from 'node:fs/promises';
import http from 'node:http';

/**
 * @param {{ distFile: string, pages: Record<string, string>, lateMs: number, slowMs: number }} options
 *   `/dist/login-help.js` is served at once, `/late/login-help.js` after `lateMs`;
 *   `POST /api/*` answers `{"status":"sent"}` after `slowMs` unless the client goes away first.
 */
export async function startBenchServer({ distFile, pages, lateMs, slowMs }) {
  const bundle = await readFile(distFile);
  const stats = { apiRequests: 0, apiAbortedByClient: 0, apiAnswered: 0 };
  const sockets = new Set();

  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && pathname === '/dist/login-help.js') return send(200, 'text/javascript; charset=utf-8', bundle);
    if (req.method === 'GET' && pathname === '/late/login-help.js') {
      const timer = setTimeout(() => send(200, 'text/javascript; charset=utf-8', bundle), lateMs);
      req.on('close', () => clearTimeout(timer));
      return undefined;
    }
    // The cycle benchmark asks how many API requests arrived, to remove the element only once its
    // request has reached the backend.
    if (req.method === 'GET' && pathname === '/bench/stats') return send(200, 'application/json', JSON.stringify(stats));
    if (req.method === 'GET' && Object.hasOwn(pages, pathname)) return send(200, 'text/html; charset=utf-8', pages[pathname]);
    if (req.method === 'POST' && pathname.startsWith('/api/')) {
      stats.apiRequests += 1;
      req.resume();
      const timer = setTimeout(() => {
        stats.apiAnswered += 1;
        send(200, 'application/json', '{"status":"sent"}');
      }, slowMs);
      res.on('close', () => {
        if (!res.writableEnded) {
          stats.apiAbortedByClient += 1;
          clearTimeout(timer);
        }
      });
      return undefined;
    }
    if (pathname === '/favicon.ico') return send(204, 'text/plain', '');
    return send(404, 'text/plain', 'not found');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => origin + path,
    stats,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
