// The SMTP connection the SMTP thread sends over (smtp-link.ts), against a real SMTP server on
// loopback (smtp-server): STARTTLS and AUTH from the URL, one connection for many messages, a
// refused message that leaves the session usable, a connection the server dropped while idle,
// and a server that is away.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { mimeMessage } from '../src/mail/mime.js';
import { MESSAGES_PER_CONNECTION, OPEN_NEXT_AFTER, SmtpLink } from '../src/mail/smtp-link.js';

interface Server {
  port: number;
  /** TCP connections accepted (a session counts in `connections` once greeted, 100 ms later). */
  accepted: number;
  connections: number;
  secured: number;
  users: string[];
  received: string[];
  /** Answers the next message with this code instead of accepting it. */
  refuseNext?: number;
  close(): Promise<void>;
}

async function startServer(options: Partial<SMTPServerOptions> = {}, port = 0): Promise<Server> {
  const state: Server = { port: 0, accepted: 0, connections: 0, secured: 0, users: [], received: [], close: () => Promise.resolve() };
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onSecure(_socket, _session, callback) {
      state.secured++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === 'clinic' && auth.password === 'secret') {
        state.users.push(auth.username);
        return callback(null, { user: auth.username });
      }
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const code = state.refuseNext;
        state.refuseNext = undefined;
        if (code) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: code }));
        state.received.push(`${session.envelope.rcptTo.map((to) => to.address).join(',')}\n${Buffer.concat(chunks).toString('utf8')}`);
        callback();
      });
    },
    ...options,
  });
  server.server.on('connection', () => state.accepted++);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

const email = (n: number) =>
  mimeMessage({ from: 'Login Help <no-reply@clinic.example>', to: `clinic${n}@example.com`, subject: `Message ${n}`, text: `Hello ${n}.\n.\n`, html: `<p>Hello ${n}.</p>`, messageId: `<${n}@clinic.example>`, date: new Date(), locale: 'en' });

describe('SMTP link', () => {
  let tls: Server;
  before(async () => {
    tls = await startServer({ authOptional: false });
  });
  after(async () => {
    await tls.close();
  });

  it('upgrades with STARTTLS, signs in with the URL’s user, and sends many messages over one connection', async () => {
    const link = new SmtpLink(`smtp://clinic:secret@127.0.0.1:${tls.port}?tls.rejectUnauthorized=false`);
    try {
      for (let n = 1; n <= 3; n++) await link.send(await email(n));
    } finally {
      link.close();
    }
    assert.equal(tls.connections, 1);
    assert.equal(tls.secured, 1);
    assert.deepEqual(tls.users, ['clinic']);
    assert.equal(tls.received.length, 3);
    assert.match(tls.received[0] ?? '', /^clinic1@example\.com\n/);
    assert.match(tls.received[0] ?? '', /Hello 1\.\r\n\.\r\n[^]*<p>Hello 1\.<\/p>/, 'a line of one dot goes through (dot-stuffed on the wire) and the rest follows it');
  });

  it('fails a try with the server’s answer when the password is wrong', async () => {
    const link = new SmtpLink(`smtp://clinic:wrong@127.0.0.1:${tls.port}?tls.rejectUnauthorized=false`);
    await assert.rejects(
      async () => link.send(await email(4)),
      (error: Error & { code?: string; responseCode?: number }) => error.code === 'EAUTH' && error.responseCode === 535,
    );
    link.close();
  });

  it('keeps the session after a refused message and sends the next one over it', async () => {
    const plain = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true });
    const link = new SmtpLink(`smtp://127.0.0.1:${plain.port}`);
    try {
      await link.send(await email(1));
      plain.refuseNext = 550;
      await assert.rejects(async () => link.send(await email(2)), (error: Error & { responseCode?: number }) => error.responseCode === 550);
      await link.send(await email(3));
      assert.equal(plain.connections, 1);
      assert.deepEqual(
        plain.received.map((text) => text.split('\n')[0]),
        ['clinic1@example.com', 'clinic3@example.com'],
      );
    } finally {
      link.close();
      await plain.close();
    }
  });

  it(`sends ${MESSAGES_PER_CONNECTION} messages over a connection, then opens a new one`, async () => {
    const plain = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true });
    const link = new SmtpLink(`smtp://127.0.0.1:${plain.port}`);
    try {
      const message = await email(1);
      for (let n = 0; n < 2 * MESSAGES_PER_CONNECTION + 1; n++) await link.send(message);
      assert.equal(plain.received.length, 2 * MESSAGES_PER_CONNECTION + 1);
      assert.equal(plain.connections, 3);
    } finally {
      link.close();
      await plain.close();
    }
  });

  it(`opens the next connection after ${OPEN_NEXT_AFTER} messages of a burst, so it is greeted before it is needed; a lone message opens none`, async () => {
    const plain = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true });
    const link = new SmtpLink(`smtp://127.0.0.1:${plain.port}`);
    try {
      const message = await email(1);
      await link.send(message);
      // smtp-server greets after 100 ms: a connection opened ahead would be counted by then.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(plain.accepted, 1, 'one message, one connection');
      for (let n = 1; n < OPEN_NEXT_AFTER; n++) await link.send(message);
      assert.equal(plain.accepted, 1, `${OPEN_NEXT_AFTER - 1} messages, still one connection`);
      for (let n = 0; n < 5; n++) await link.send(message);
      assert.equal(plain.accepted, 2, 'the next connection is open while the current one still sends');
      for (let n = OPEN_NEXT_AFTER + 5; n < MESSAGES_PER_CONNECTION + 1; n++) await link.send(message);
      assert.equal(plain.received.length, MESSAGES_PER_CONNECTION + 1);
      assert.equal(plain.connections, 2, 'the message after the hundredth went over the connection opened ahead');
    } finally {
      link.close();
      await plain.close();
    }
  });

  it('sends over a new connection when the server closed the last one while it was idle', async () => {
    const plain = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true, socketTimeout: 300 });
    const link = new SmtpLink(`smtp://127.0.0.1:${plain.port}`);
    try {
      await link.send(await email(1));
      await new Promise((resolve) => setTimeout(resolve, 800));
      await link.send(await email(2));
      assert.equal(plain.connections, 2);
      assert.equal(plain.received.length, 2);
    } finally {
      link.close();
      await plain.close();
    }
  });

  it('holds the end of a message until its release, and cuts the message off unsent when the release fails', async () => {
    const plain = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true });
    const link = new SmtpLink(`smtp://127.0.0.1:${plain.port}`);
    try {
      let release = (): void => undefined;
      const held = link.send(await email(1), new Promise<void>((resolve) => (release = resolve)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(plain.received.length, 0, 'not accepted before its release');
      release();
      await held;
      assert.equal(plain.received.length, 1);
      await assert.rejects(
        async () => link.send(await email(2), Promise.reject(new Error('the mark failed'))),
        (error: Error & { code?: string }) => error.code === 'ESTREAM',
      );
      await link.send(await email(3), Promise.resolve());
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(
        plain.received.map((text) => text.split('\n')[0]),
        ['clinic1@example.com', 'clinic3@example.com'],
        'the message cut off never arrives',
      );
    } finally {
      link.close();
      await plain.close();
    }
  });

  it('fails a try while the server is away, and sends once it answers again', async () => {
    const plain = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true });
    const port = plain.port;
    await plain.close();
    const link = new SmtpLink(`smtp://127.0.0.1:${port}`);
    await assert.rejects(async () => link.send(await email(1)), (error: Error & { code?: string }) => error.code === 'ECONNECTION' || error.code === 'ESOCKET');
    const back = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true }, port);
    try {
      await link.send(await email(2));
      assert.equal(back.received.length, 1);
    } finally {
      link.close();
      await back.close();
    }
  });
});
