// Under a steady trickle of emails the outbox worker claims them in batches that gather for
// `gatherMs`, not one claim per email (issue #24: claims of a few rows each, back to back, kept
// the embedded database's one connection from the requests), and still delivers every one once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemClock } from '../src/clock.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { enqueueEmail, OutboxWorker } from '../src/mail/outbox.js';
import type { MailMessage } from '../src/mail/mime.js';
import type { MailTransport } from '../src/mail/transport.js';

describe('outbox claims under a steady trickle', () => {
  it('gathers what comes due into few claims, and delivers every email once', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db);
    const sent: { to: string; at: number }[] = [];
    // An embedder's transport, in this process: it keeps what it is given.
    const transport: MailTransport = {
      kind: 'smtp',
      send: (message: MailMessage) => {
        sent.push({ to: message.to, at: Date.now() });
        return Promise.resolve();
      },
      close: () => undefined,
    };
    const worker = new OutboxWorker({ db, transport, clock: systemClock, from: 'Login Help <no-reply@clinic.example>', gatherMs: 200, pollMs: 60_000 });
    worker.start();
    try {
      const total = 40;
      for (let n = 0; n < total; n++) {
        await enqueueEmail(db, { kind: 'reset-password', recipient: `clinic${n}@example.com`, subject: 'Reset Your Password', text: 'x', html: '<p>x</p>', locale: 'en' }, new Date(), 'clinic.example');
        worker.nudge();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const end = Date.now() + 5000;
      while (sent.length < total && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(
        sent.map((mail) => mail.to).sort(),
        Array.from({ length: total }, (_, n) => `clinic${n}@example.com`).sort(),
        'every email, once',
      );
      // A claim's emails go out back to back; claims are gatherMs apart. One claim per email
      // would show ~40 bursts (one every 25 ms); ~1 s gathered 200 ms at a time shows a handful.
      const bursts = sent.filter((mail, n) => n === 0 || mail.at - (sent[n - 1]?.at ?? 0) > 12).length;
      assert.ok(bursts <= 15, `${bursts} bursts of sends for ${total} emails`);
    } finally {
      await worker.stop();
      await db.close();
    }
  });
});
