// One SMTP connection, kept open from message to message, through nodemailer's SMTPConnection
// (which speaks the protocol: STARTTLS or implicit TLS, AUTH, PIPELINING of the envelope with
// DATA, dot-stuffing). nodemailer's pooled transport around it cost ~0.6 ms of CPU a message in
// the SMTP thread (streams and abort signals per message, issue #24); this sends a message that
// is already MIME text with one write. A connection the server dropped between messages is
// replaced once, at once; a message the server refuses leaves the connection in use (RSET); after
// 100 messages the next goes over a new connection, opened after the tenth, because a
// server may wait before its greeting (smtp-server waits 100 ms for early talkers): a connection
// opened when needed held every hundredth message that long, and cut 1,823 messages a second to
// 660 here (issue #24).
import { PassThrough, type Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { MimeMessage } from './mime.js';

/** How long connecting, the greeting and a quiet socket may take before a try fails (ms). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** An error nodemailer gives, with what the server answered. */
interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
}

/** True when the server refused this message (its envelope or its text), and the session itself is fine. */
const refusedMessage = (error: SmtpError): boolean => (error.code === 'EENVELOPE' || error.code === 'EMESSAGE') && error.responseCode !== 421;

/**
 * Messages sent over one connection before the next goes over a new one (nodemailer's pool did the
 * same): some servers refuse more than so many in a session, and would refuse each one after.
 */
export const MESSAGES_PER_CONNECTION = 100;

/**
 * After this many messages over a connection the next one is opened, so it is ready when needed: a
 * burst is under way, and the rest of the connection's messages give the next one time to connect
 * and be greeted. (Sooner, a lone message would open a second connection that idles until dropped.)
 */
export const OPEN_NEXT_AFTER = 10;

/** An open session and how many messages it has sent (a reused one may have been dropped meanwhile). */
interface Session {
  connection: SMTPConnection;
  ended: boolean;
  sent: number;
}

/**
 * Runs one step of the session (connect, login, send, reset) to its callback, or to the
 * connection's end: SMTPConnection reports some failures (a refused connection, a socket closed
 * mid-step) only as an 'error' or 'end' event, never to the step's callback.
 */
function step(session: Session, start: (done: (error: Error | null) => void) => void): Promise<void> {
  const { connection } = session;
  return new Promise<void>((resolve, reject) => {
    const lost = (error?: Error): void => {
      settle(error ?? Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }));
    };
    const settle = (error: Error | null): void => {
      connection.off('error', lost);
      connection.off('end', lost);
      if (error) reject(error);
      else resolve();
    };
    if (session.ended) return lost();
    connection.once('error', lost);
    connection.once('end', lost);
    start(settle);
  });
}

/** The message's data: the buffer itself, or a stream whose end waits for `release` (and breaks off if it fails). */
function body(raw: Buffer, release: Promise<unknown> | undefined): Buffer | Readable {
  if (!release) return raw;
  const stream = new PassThrough();
  // SMTPConnection hears a failure through its own listener; this one only keeps a late one quiet.
  stream.on('error', () => undefined);
  stream.write(raw);
  release.then(
    () => stream.end(),
    (error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return stream;
}

/** Sends MIME messages over one SMTP connection to `smtpUrl`, one at a time. */
export class SmtpLink {
  readonly #options: ReturnType<typeof parseConnectionUrl> & typeof TIMEOUTS;
  #session: Session | undefined;
  /** The connection opened for after the current one (undefined once it failed to open). */
  #next: Promise<Session | undefined> | undefined;

  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`, with nodemailer's query options (`tls.*`…). */
  constructor(smtpUrl: string) {
    this.#options = { ...parseConnectionUrl(smtpUrl), ...TIMEOUTS };
  }

  /**
   * Resolves once the server accepted the message; rejects with nodemailer's error (its `code`,
   * `responseCode`) otherwise. With `release`, everything but the end of the message's data goes
   * at once and the end waits for `release`: until then the server has not accepted the message,
   * and if `release` fails the message is cut off unsent (an `ESTREAM` error).
   */
  async send(message: MimeMessage, release?: Promise<unknown>): Promise<void> {
    if (this.#session && this.#session.sent >= MESSAGES_PER_CONNECTION) this.#retire();
    const session = this.#session?.ended === false ? this.#session : await this.#take();
    try {
      await step(session, (done) => session.connection.send(message.envelope, body(message.raw, release), done));
      session.sent++;
      if (session.sent === OPEN_NEXT_AFTER) this.#next ??= this.#open(false).catch(() => undefined);
    } catch (error) {
      if (refusedMessage(error as SmtpError) && !session.ended) {
        await step(session, (done) => session.connection.reset(done)).catch(() => this.#drop(session));
        throw error;
      }
      this.#drop(session);
      // A reused connection the server had closed while idle: once more on a new one.
      if (session.sent === 0 || (error as SmtpError).code !== 'ECONNECTION') throw error;
      const fresh = await this.#take();
      await step(fresh, (done) => fresh.connection.send(message.envelope, body(message.raw, release), done));
      fresh.sent++;
    }
  }

  /** Ends the sessions politely (QUIT): the one in use and the one opened for after it. */
  close(): void {
    this.#retire();
    const next = this.#next;
    this.#next = undefined;
    void next?.then((session) => {
      if (session && !session.ended) session.connection.quit();
    });
  }

  /** Ends the session in use (QUIT); the next message goes over the next one. */
  #retire(): void {
    const session = this.#session;
    this.#session = undefined;
    if (session && !session.ended) session.connection.quit();
  }

  /** The connection opened ahead, if it opened and is still open; else a new one. */
  async #take(): Promise<Session> {
    const next = await this.#next;
    this.#next = undefined;
    if (next && !next.ended) {
      this.#session = next;
      return next;
    }
    return this.#open();
  }

  /** Connects, greets and signs in; the session becomes the one in use unless `current` is false (opened ahead). */
  async #open(current = true): Promise<Session> {
    const { auth, ...options } = this.#options;
    const connection = new SMTPConnection(options);
    const session: Session = { connection, ended: false, sent: 0 };
    const end = (): void => {
      session.ended = true;
      if (this.#session === session) this.#session = undefined;
    };
    // Without a listener an 'error' event would end the thread; each step also hears it (below).
    connection.on('error', end);
    connection.on('end', end);
    try {
      await step(session, (done) => connection.connect(() => done(null)));
      if (auth && connection.allowsAuth) {
        const credentials = { user: auth.user ?? '', pass: auth.pass ?? '' };
        await step(session, (done) => connection.login({ ...credentials, credentials }, done));
      }
    } catch (error) {
      this.#drop(session);
      throw error;
    }
    if (current) this.#session = session;
    return session;
  }

  #drop(session: Session): void {
    session.ended = true;
    if (this.#session === session) this.#session = undefined;
    session.connection.close();
  }
}
