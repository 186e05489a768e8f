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

function listen(port: number, received: ParsedMail[], reject4xx: () => boolean, delayMs: number): Promise<SMTPServer> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      if (reject4xx()) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
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
export async function startSmtp(options: { temporaryFailure?: () => boolean; delayMs?: number } = {}): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const failing = options.temporaryFailure ?? (() => false);
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
