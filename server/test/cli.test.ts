// The `login-help-server` command (SPEC §9): --help, migrate, import (all rows or none, bad rows
// by line), demo, check-password and audit, on the same data as the service.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { VARIABLES } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { hashPassword } from '../src/passwords/hash.js';
import { cliWorkspace } from './helpers/cli.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'login-help-server.js');

describe('login-help-server CLI', () => {
  let w: Awaited<ReturnType<typeof cliWorkspace>>;
  before(async () => {
    w = await cliWorkspace();
  });
  after(() => w.close());

  it('--help lists every command and every variable (through the linked bin)', () => {
    const result = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    for (const command of ['import FILE.csv', 'export', 'demo', 'check-password USER_NAME', 'audit [--since 1h]', 'migrate']) assert.ok(result.stdout.includes(command), command);
    for (const name of ['HOST', 'PORT', 'BASE_PATH', 'LOGIN_HELP_DATA', 'DATABASE_URL', 'SMTP_URL', 'MAIL_FROM', 'RESET_URL', 'TOKEN_TTL_MINUTES', 'PASSWORD_MIN_LENGTH', 'REVEAL', 'RATE_LIMIT_PER_CLIENT', 'RATE_LIMIT_PER_TARGET', 'ALLOWED_ORIGINS']) {
      assert.ok(result.stdout.includes(name), name);
    }
    for (const variable of VARIABLES) assert.ok(result.stdout.includes(variable.name));
  });

  it('refuses a bad variable with a message naming it', async () => {
    const result = await w.run(['migrate'].concat(), '');
    assert.equal(result.code, 0, result.err);
    const bad = spawnSync(process.execPath, [BIN, 'migrate'], { encoding: 'utf8', env: { ...process.env, PORT: 'eighty' } });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /PORT/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /);
  });

  it('imports a CSV in one transaction, and a bad row stops it with its line number', async () => {
    const bad = path.join(w.dir, 'bad.csv');
    await writeFile(bad, ['practice,email,user_name,active', 'Good Clinic,good@clinics.example,good1,true', 'Bad Clinic,not-an-email,bad1,true', 'Other,other@clinics.example,other,maybe', '"Quoted, Clinic",q@clinics.example,good1,'].join('\n'));
    const refused = await w.run(['import', bad]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /line 3: .*not-an-email/);
    assert.match(refused.err, /line 4: .*maybe/);
    assert.match(refused.err, /line 5: .*also on line 2/);
    assert.match(refused.err, /Nothing was imported/);
    const none = await w.run(['check-password', 'good1'], 'anything\n');
    assert.match(none.out, /No active account/);

    const good = path.join(w.dir, 'good.csv');
    await writeFile(good, ['practice,email,user_name,active', 'Good Clinic,good@clinics.example,good1,true', '"Quoted, ""Clinic""",q@clinics.example,quoted,', 'Closed,closed@clinics.example,closed,false'].join('\r\n'));
    const imported = await w.run(['import', good]);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /Imported 3 accounts/);
  });

  it('adds the demo clinic, and check-password tells a match from a mismatch', async () => {
    assert.equal((await w.run(['demo'])).code, 0);
    assert.equal((await w.run(['demo'])).code, 0, 'running it again is harmless');
    const db = w.env.DATABASE_URL ? await openDatabase({ databaseUrl: w.env.DATABASE_URL }) : await openDatabase({ dataDir: w.env.LOGIN_HELP_DATA! });
    try {
      await db.query(`UPDATE accounts SET password_hash = $1 WHERE user_name = 'happypaws'`, [await hashPassword('Lantern Orchard Quietly')]);
    } finally {
      await db.close();
    }
    const yes = await w.run(['check-password', 'HappyPaws'], 'Lantern Orchard Quietly\n');
    assert.equal(yes.code, 0, yes.out + yes.err);
    const no = await w.run(['check-password', 'happypaws'], 'lantern orchard quietly\n');
    assert.equal(no.code, 1);
    assert.doesNotMatch(yes.out + no.out + yes.err + no.err, /Lantern|lantern/, 'the password is never echoed');
  });

  it('prints the audit, with --since and --json', async () => {
    const db = w.env.DATABASE_URL ? await openDatabase({ databaseUrl: w.env.DATABASE_URL }) : await openDatabase({ dataDir: w.env.LOGIN_HELP_DATA! });
    try {
      await db.query(`INSERT INTO audit (at, form, value, requested_by, outcome, client, request_id) VALUES (now() - interval '2 hours', 'password', 'old', 'A', 'sent', '127.0.0.1', 'r-old'), (now(), 'username', 'x@y.example', NULL, 'not_found', '127.0.0.1', 'r-new')`);
    } finally {
      await db.close();
    }
    const all = await w.run(['audit']);
    assert.equal(all.code, 0);
    assert.match(all.out, /r-old/);
    assert.match(all.out, /r-new/);
    const recent = await w.run(['audit', '--since', '1h', '--json']);
    assert.doesNotMatch(recent.out, /r-old/);
    const rows = recent.out.trim().split('\n').map((line) => JSON.parse(line) as { requestId: string; outcome: string });
    assert.deepEqual(rows.map((row) => [row.requestId, row.outcome]), [['r-new', 'not_found']]);
    const bad = await w.run(['audit', '--since', 'yesterday-ish']);
    assert.equal(bad.code, 2);
  });

  it('answers an unknown command with the usage and exit code 2', async () => {
    const result = await w.run(['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.err, /unknown command/);
  });
});
