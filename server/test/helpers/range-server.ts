// A Pwned Passwords range server on loopback, speaking the API (GET /range/{5 hex}, `Add-Padding`),
// that records what it was asked and can misbehave on demand: the faults a mirror or a proxy shows.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers the next requests. */
export type RangeMode = 'normal' | 'garbage' | 'oversized' | 'redirect' | 'error' | 'silent';

/** What one request looked like. */
export interface RangeRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface RangeServer {
  /** The base URL, ending in `/range/`. */
  url: string;
  mode: RangeMode;
  requests: RangeRequest[];
  close(): Promise<void>;
}

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

/**
 * Serves `breached` (each with count 3,861) among random suffixes, plus, as padding (count 0),
 * the suffixes of `decoys`: a password listed only as padding is not breached.
 */
export async function startRangeServer(breached: string[], decoys: string[] = []): Promise<RangeServer> {
  const state: { mode: RangeMode; requests: RangeRequest[] } = { mode: 'normal', requests: [] };
  const server: Server = createServer((req, res) => {
    state.requests.push({ path: req.url ?? '', headers: req.headers });
    const prefix = /^\/range\/([0-9A-F]{5})$/.exec(req.url ?? '')?.[1];
    switch (state.mode) {
      case 'silent':
        return; // never answers: the client's timeout decides
      case 'error':
        res.writeHead(500).end('upstream failed');
        return;
      case 'redirect':
        res.writeHead(302, { Location: `/range/${prefix ?? ''}` }).end();
        return;
      case 'garbage':
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('<html>captive portal</html>');
        return;
      case 'oversized':
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end(`${'0'.repeat(35)}:1\r\n`.repeat(10 * 1024 * 1024 / 38));
        return;
      case 'normal':
        break;
    }
    if (!prefix) {
      res.writeHead(400).end();
      return;
    }
    const lines = [`${'A'.repeat(35)}:12`, `${'b'.repeat(35)}:7`];
    for (const password of breached) if (sha1(password).startsWith(prefix)) lines.push(`${sha1(password).slice(5)}:3861`);
    for (const password of decoys) if (sha1(password).startsWith(prefix)) lines.push(`${sha1(password).slice(5).toLowerCase()}:0`);
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(lines.join('\r\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/range/`,
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
