// A portal's own account system as the directory (DIRECTORY_URL): four signed JSON calls,
// documented in docs/openapi-directory.json. A call that fails, times out or answers something
// unexpected throws, and the request that needed it answers 503 (nothing is guessed).
import { AccountGone, type Account, type Directory, type PracticeLogin } from './directory.js';
import { signDirectoryRequest } from './signature.js';

/** A directory call that did not give a usable answer. */
export class DirectoryError extends Error {
  override name = 'DirectoryError';
  /** The portal's HTTP status, when it answered. */
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function toAccount(value: unknown): Account | undefined {
  if (value === null || value === undefined) return undefined;
  const a = value as Record<string, unknown>;
  if (!isText(a.id) || !isText(a.userName) || !isText(a.practiceName) || !isText(a.practiceEmail)) throw new DirectoryError('the directory answered an account without id, userName, practiceName or practiceEmail');
  return { key: a.id, userName: a.userName, practiceName: a.practiceName, practiceEmail: a.practiceEmail };
}

/** The HTTP directory at `baseUrl`, signing with `secret`. */
export function httpDirectory(baseUrl: string, secret: string, timeoutMs: number): Directory {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);

  async function call(name: string, payload: Record<string, string>): Promise<Record<string, unknown>> {
    const url = new URL(name, base);
    const body = JSON.stringify(payload);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', // The wall clock, always: the portal checks the time against its own.
          ...signDirectoryRequest(secret, 'POST', url.pathname, body, new Date()) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new DirectoryError(`the directory did not answer ${name}: ${(error as Error).name}`);
    }
    const text = await response.text();
    if (!response.ok) throw new DirectoryError(`the directory answered ${name} with ${response.status}`, response.status);
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // Falls through to the error below.
    }
    throw new DirectoryError(`the directory answered ${name} with something other than a JSON object`);
  }

  return {
    kind: 'http',
    async findLoginsByEmail(_tx, email) {
      const answer = await call('find-practices', { email });
      if (!Array.isArray(answer.logins)) throw new DirectoryError('find-practices answered without a logins list');
      const logins: PracticeLogin[] = answer.logins.map((login: unknown) => {
        const l = login as Record<string, unknown>;
        if (!isText(l.practiceName) || !isText(l.userName)) throw new DirectoryError('find-practices answered a login without practiceName or userName');
        return { practiceName: l.practiceName, userName: l.userName };
      });
      if (logins.length === 0) return undefined;
      return { email: isText(answer.email) ? answer.email : email, logins };
    },
    async findAccountByUserName(_tx, userName) {
      return toAccount((await call('find-account', { userName })).account);
    },
    async findAccount(_tx, key) {
      return toAccount((await call('get-account', { id: key })).account);
    },
    async setPassword(_tx, account, password) {
      let answer: Record<string, unknown>;
      try {
        answer = await call('set-password', { id: account.key, password });
      } catch (error) {
        // The account went away (or inactive) since the link was checked: the link is dead.
        if (error instanceof DirectoryError && error.status === 404) throw new AccountGone();
        throw error;
      }
      if (answer.status !== 'ok') throw new DirectoryError('set-password did not answer {"status":"ok"}');
    },
  };
}
