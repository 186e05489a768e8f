// `export` (SPEC §9): the built-in tables as the CSV `import` reads, with password hashes, written
// page by page; `export | import -` into a fresh data folder gives the same file back, and
// check-password accepts the same passwords there. Import reads the optional password_hash column
// and still names the line of each problem.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../src/db/database.js';
import { parseDirectoryCsv, readDirectoryCsv } from '../src/directory/csv.js';
import { hashPassword } from '../src/passwords/hash.js';
import { cliWorkspace } from './helpers/cli.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'login-help-server.js');
const HEADER = 'practice,email,user_name,active,password_hash';
const PASSWORD = 'Lantern Orchard Quietly 77';

type Workspace = Awaited<ReturnType<typeof cliWorkspace>>;

async function withDb<T>(w: Workspace, work: (db: Database) => Promise<T>): Promise<T> {
  const db = w.env.DATABASE_URL ? await openDatabase({ databaseUrl: w.env.DATABASE_URL }) : await openDatabase({ dataDir: w.env.LOGIN_HELP_DATA! });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe('export and import', () => {
  let from: Workspace;
  let to: Workspace;
  before(async () => {
    [from, to] = [await cliWorkspace(), await cliWorkspace()];
  });
  after(async () => {
    await from.close();
    await to.close();
  });

  it('exports every account, with its hash or an empty one, as RFC 4180 CSV over several pages', async () => {
    const rows = ['practice,email,user_name,active', '"Oak Street, North ""Main""",oak@oakstreet.example,oaknorth,', 'Oak Street,oak@oakstreet.example,oakclosed,false', 'Zürich Tierklinik,zh@tierklinik.example,zürich,true'];
    for (let i = 0; i < 2100; i++) rows.push(`Clinic ${i % 300},c${i % 300}@clinics.example,user${i},${i % 7 === 0 ? 'false' : 'true'}`);
    const imported = await from.run(['import', '-'], rows.join('\n'));
    assert.equal(imported.code, 0, imported.err);
    await withDb(from, async (db) => db.query(`UPDATE accounts SET password_hash = $1 WHERE user_name IN ('oaknorth', 'zürich', 'user1999')`, [await hashPassword(PASSWORD)]));

    const exported = await from.run(['export']);
    assert.equal(exported.code, 0, exported.err);
    assert.match(exported.err, /Exported 2103 accounts/);
    const lines = exported.out.split('\r\n');
    assert.equal(lines[0], HEADER);
    assert.equal(lines.at(-1), '', 'every record ends with CRLF');
    assert.equal(lines.length, 2105);
    assert.equal(lines[1]?.replace(/"\$argon2id\$[^"]*"$/, '<hash>'), '"Oak Street, North ""Main""",oak@oakstreet.example,oaknorth,true,<hash>');
    assert.equal(lines[2], 'Oak Street,oak@oakstreet.example,oakclosed,false,');
    const parsed = await parseDirectoryCsv(exported.out);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.equal(parsed.entries.filter((entry) => entry.passwordHash).length, 3);
  });

  it('round-trips through import - into a fresh folder: the same file back, and the same passwords accepted', async () => {
    const exported = await from.run(['export']);
    const imported = await to.run(['import', '-'], exported.out);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /Imported 2103 accounts/);
    assert.equal((await to.run(['export'])).out, exported.out);
    for (const userName of ['oaknorth', 'Zürich', 'user1999']) assert.equal((await to.run(['check-password', userName], `${PASSWORD}\n`)).code, 0, userName);
    assert.equal((await to.run(['check-password', 'oaknorth'], 'not the password\n')).code, 1);
    assert.equal((await to.run(['check-password', 'oakclosed'], `${PASSWORD}\n`)).code, 1, 'an inactive account stays inactive');
  });

  it('runs as a real pipe between two processes', { skip: existsSync(path.join(path.dirname(BIN), '..', 'dist', 'cli.js')) ? false : 'the bin loads server/dist: run `npm run build -w login-help-server` first' }, async () => {
    const piped = await cliWorkspace();
    try {
      const env = (w: Workspace): string => Object.entries(w.env).map(([name, value]) => `${name}='${value.replaceAll("'", "'\\''")}'`).join(' ');
      const result = spawnSync('sh', ['-c', `env ${env(from)} "${process.execPath}" "${BIN}" export | env ${env(piped)} "${process.execPath}" "${BIN}" import -`], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Imported 2103 accounts/);
      assert.equal((await piped.run(['check-password', 'user1999'], `${PASSWORD}\n`)).code, 0);
    } finally {
      await piped.close();
    }
  });

  it('reads a stream split anywhere (inside a CRLF, inside a UTF-8 character): the same rows and line numbers', async () => {
    const text = [`\uFEFF${HEADER}`, '"Zürich, Nord",zh@tierklinik.example,zürich,true,', '"Multi', 'line",m@clinics.example,m1,true,', 'D,d@clinics.example,d1,maybe,', ''].join('\r\n');
    async function* byteByByte(): AsyncGenerator<Uint8Array> {
      for (const byte of Buffer.from(text)) yield Uint8Array.of(byte);
    }
    const seen: string[] = [];
    for await (const row of readDirectoryCsv(byteByByte())) seen.push('problem' in row ? row.problem.replace(/:.*$/, '') : `${row.line} ${row.entry.practice} ${row.entry.userName}`);
    assert.deepEqual(seen, ['2 Zürich, Nord zürich', 'line 3', 'line 5']);
  });

  it('refuses a password_hash it cannot check, naming the line and not echoing the value', async () => {
    const bogus = '$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234';
    const text = [HEADER, 'A,a@clinics.example,a1,true,', `B,b@clinics.example,b1,true,${bogus}`, 'C,"c@clinics.example', ''].join('\r\n');
    const refused = await to.run(['import', '-'], text);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /line 4: a quoted field is not closed/);
    const bad = await to.run(['import', '-'], [HEADER, 'A,a@clinics.example,a1,true,', `B,b@clinics.example,b1,true,${bogus}`, '"Multi', 'line",m@clinics.example,m1,true,', 'D,d@clinics.example,d1,maybe,'].join('\r\n'));
    assert.equal(bad.code, 1);
    assert.match(bad.err, /line 3: password_hash must be empty or an Argon2 hash/);
    assert.match(bad.err, /line 4: a field holds a control character/);
    assert.match(bad.err, /line 6: active must be true, false or empty/);
    assert.ok(!bad.err.includes(bogus));
    assert.match((await to.run(['check-password', 'a1'], 'x\n')).out, /No active account/, 'nothing was imported');
  });
});
