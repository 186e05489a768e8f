// A small portal for the tests: its own practices and accounts in memory, answering the directory
// contract (docs/openapi-directory.json) over real HTTP, and refusing any request whose signature
// is missing, wrong, stale or replayed.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDirectoryCsv } from '../../src/directory/csv.js';
import type { DirectoryEntry } from '../../src/directory/directory.js';
import { REPLAY_WINDOW_SECONDS, verifyDirectoryRequest, type SignatureProblem } from '../../src/directory/signature.js';
import { hashPassword } from '../../src/passwords/hash.js';

interface PortalAccount extends Omit<DirectoryEntry, 'passwordHash'> {
  id: string;
  practiceActive: boolean;
  passwordHash: string | null;
}

/** A running fake portal. */
export interface FakePortal {
  url: string;
  secret: string;
  /** Every refusal, with its reason (tests read it). */
  refused: SignatureProblem[];
  /** How many signed calls it answered. */
  calls: number;
  add(entries: readonly DirectoryEntry[]): void;
  importCsv(text: string): Promise<void>;
  deactivatePractice(name: string): void;
  account(userName: string): { passwordHash: string | null } | undefined;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

/** Starts a portal that signs with `secret`. */
export async function startFakePortal(secret = 'test-directory-secret-0123456789abcdef'): Promise<FakePortal> {
  const accounts: PortalAccount[] = [];
  const nonces = new Map<string, number>();
  const refused: SignatureProblem[] = [];
  let next = 1;
  let calls = 0;
  const seen = (nonce: string): boolean => {
    const now = Date.now();
    for (const [old, at] of nonces) if (now - at > REPLAY_WINDOW_SECONDS * 1000) nonces.delete(old);
    if (nonces.has(nonce)) return true;
    nonces.set(nonce, now);
    return false;
  };
  const active = (account: PortalAccount): boolean => account.active && account.practiceActive;
  const view = (account: PortalAccount | undefined) =>
    account && active(account) ? { id: account.id, userName: account.userName, practiceName: account.practice, practiceEmail: account.email } : null;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const text = await body(request);
      const path = new URL(request.url ?? '/', 'http://portal').pathname;
      const problem = verifyDirectoryRequest(secret, { method: request.method ?? '', path, body: text, headers: request.headers }, new Date(), seen);
      const reply = (status: number, payload: unknown): void => {
        response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
      };
      if (problem) {
        refused.push(problem);
        reply(401, { error: problem });
        return;
      }
      calls++;
      const input = JSON.parse(text) as Record<string, string>;
      switch (path.split('/').pop()) {
        case 'find-practices': {
          const found = accounts.filter((a) => a.email.toLowerCase() === input.email?.toLowerCase() && active(a));
          reply(200, { email: found[0]?.email ?? input.email, logins: found.map((a) => ({ practiceName: a.practice, userName: a.userName })) });
          return;
        }
        case 'find-account':
          reply(200, { account: view(accounts.find((a) => a.userName.toLowerCase() === input.userName?.toLowerCase())) });
          return;
        case 'get-account':
          reply(200, { account: view(accounts.find((a) => a.id === input.id)) });
          return;
        case 'set-password': {
          const account = accounts.find((a) => a.id === input.id);
          if (!account || !active(account) || typeof input.password !== 'string') {
            reply(404, { status: 'not_found' });
            return;
          }
          account.passwordHash = await hashPassword(input.password);
          reply(200, { status: 'ok' });
          return;
        }
        default:
          reply(404, { status: 'no_such_call' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const portal: FakePortal = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/directory`,
    secret,
    refused,
    get calls() {
      return calls;
    },
    add(entries) {
      for (const entry of entries) {
        const existing = accounts.find((a) => a.userName.toLowerCase() === entry.userName.toLowerCase());
        if (existing) Object.assign(existing, entry);
        else accounts.push({ ...entry, id: `acct-${next++}`, practiceActive: true, passwordHash: null });
      }
    },
    async importCsv(text) {
      const parsed = await parseDirectoryCsv(text);
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      portal.add(parsed.entries);
    },
    deactivatePractice(name) {
      for (const account of accounts) if (account.practice === name) account.practiceActive = false;
    },
    account(userName) {
      const account = accounts.find((a) => a.userName.toLowerCase() === userName.toLowerCase());
      return account ? { passwordHash: account.passwordHash } : undefined;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return portal;
}
