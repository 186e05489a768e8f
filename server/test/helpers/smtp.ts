// A real SMTP server on loopback (smtp-server) that keeps what it receives, parsed by mailparser.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A running test mail server. */
export interface TestSmtp {
  port: number;
  url: string;
  received: ParsedMail[];
  /** Waits until `count` messages have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
  /** Starts again on the same port after `stop`. */
  restart(): Promise<void>;
}

function listen(port: number, received: ParsedMail[], reject: () => number | undefined, delayMs: number): Promise<SMTPServer> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const code = reject();
      if (code !== undefined) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code })));
        return;
      }
      simpleParser(stream)
        .then(async (mail) => {
          if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Starts the server on a free port. */
/** `reject` answers each message with that SMTP code (451, 550…) instead of accepting it. */
export async function startSmtp(options: { reject?: () => number | undefined; delayMs?: number } = {}): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const failing = options.reject ?? (() => undefined);
  let server = await listen(0, received, failing, options.delayMs ?? 0);
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(count, ms = 10_000) {
      const end = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > end) throw new Error(`expected ${count} message(s), got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
    async restart() {
      server = await listen(port, received, failing, options.delayMs ?? 0);
    },
  };
}
