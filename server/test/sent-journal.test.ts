// The embedded database's "sent" journal (sent-journal.ts): a journal left by a crash is applied
// at the next start, before the first claim, so its messages are marked sent and not sent again;
// a line cut short by the crash is not read. PGlite only: on PostgreSQL the SMTP thread marks each
// message in the database itself.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { claimDue } from '../src/mail/outbox-rows.js';
import { journalPath, parseJournal } from '../src/mail/sent-journal.js';
import { engine } from './helpers/database.js';
import { outboxPlace, queueMessages } from './helpers/outbox-process.js';
import { exited, startServerProcess } from './helpers/process.js';
import { startSmtp } from './helpers/smtp.js';

describe('the sent journal', { skip: engine === 'postgres' ? 'the journal is the embedded database’s; this runs in the PGlite pass' : false }, () => {
  it('reads whole lines only', () => {
    assert.deepEqual(parseJournal('1 1000\n2 2000\n'), [
      { id: 1, at: 1000 },
      { id: 2, at: 2000 },
    ]);
    assert.deepEqual(parseJournal('1 1000\n2 20'), [{ id: 1, at: 1000 }], 'a torn last line is not a mark');
    assert.deepEqual(parseJournal(''), []);
  });

  it('applies a journal a crash left at the next start: those messages are marked sent, not sent again', async () => {
    const smtp = await startSmtp();
    const place = await outboxPlace();
    try {
      // A crash in the middle of a batch of three: two sent and journaled, the third not tried.
      const sentAt = Date.now() - 60_000;
      await place.use(async (db) => {
        await queueMessages(db, 3);
        assert.equal((await claimDue(db, new Date(), 120_000, 10)).length, 3);
      });
      const journal = journalPath(place.folder!, 7);
      await writeFile(journal, `1 ${sentAt}\n2 ${sentAt}\n3 `);
      const service = await startServerProcess({ PORT: '0', LOG_LEVEL: 'silent', SMTP_URL: smtp.url, ...place.env });
      try {
        await smtp.waitFor(1, 20_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
      } finally {
        service.child.kill('SIGTERM');
        await exited(service.child);
      }
      assert.deepEqual(smtp.received.map((mail) => mail.subject), ['m2'], 'only the message the journal does not list is sent');
      assert.equal(existsSync(journal), false, 'the journal is deleted once applied');
      const rows = await place.use((db) => db.query<{ id: number; status: string; sent_at: Date; text_body: string | null }>('SELECT id, status, sent_at, text_body FROM outbox ORDER BY id'));
      assert.deepEqual(rows.map((row) => row.status), ['sent', 'sent', 'sent']);
      assert.equal(new Date(rows[0]!.sent_at).getTime(), sentAt, 'sent_at is the time the journal recorded');
      assert.ok(rows.every((row) => row.text_body === null));
    } finally {
      await smtp.stop();
      await place.drop();
    }
  });
});
