// Read-only questions a command may ask the service that holds an embedded data folder: `audit`
// and `outbox` are what an operator runs on a live service, and PGlite opens its folder in one
// process only. The service answers them over a Unix socket in a folder only its user can enter
// (mode 0700), named in the data folder's lock file; nothing but these two reports is served,
// and nothing is written. Over PostgreSQL the commands simply open their own connection.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { auditReport, describeOutbox } from './reports.js';

/** A listening admin socket. */
export interface AdminSocket {
  readonly path: string;
  close(): Promise<void>;
}

/** Serves the audit and outbox reports of `db` on a fresh private socket. */
export async function serveAdmin(db: Database, clock: Clock): Promise<AdminSocket> {
  const folder = mkdtempSync(path.join(tmpdir(), 'login-help-admin-'));
  const socket = path.join(folder, 'admin.sock');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://admin');
    const lines = async (): Promise<string[] | undefined> => {
      if (req.method !== 'GET') return undefined;
      if (url.pathname === '/audit') {
        const since = new Date(url.searchParams.get('since') ?? 0);
        return Number.isNaN(since.getTime()) ? undefined : auditReport(db, since, url.searchParams.get('json') === '1');
      }
      if (url.pathname === '/outbox') return describeOutbox(db, clock.now());
      return undefined;
    };
    lines().then(
      (result) => {
        res.writeHead(result ? 200 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(result ? result.map((line) => `${line}\n`).join('') : 'unknown question\n');
      },
      (error: Error) => {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`${error.message}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  return {
    path: socket,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(folder, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** Asks the service at `socket` for a report (`/audit?since=…` or `/outbox`); resolves to its text. */
export function askAdmin(socket: string, question: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path: question, method: 'GET', timeout: timeoutMs }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(text.trim() || `the service answered ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error('the running service did not answer in time')));
    req.on('error', reject);
    req.end();
  });
}
