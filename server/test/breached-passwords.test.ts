// Passwords seen in breaches (SPEC §9, issue 27): a real range server on loopback; what it is
// asked; a breached password refused at the field in the person's language; every fault fails
// open with an audit line and a /metrics count; nothing of the password reaches a log.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { listAudit } from '../src/audit.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { catalogueFor } from '../src/i18n/catalogue.js';
import { findSuffix, rangeKey } from '../src/passwords/breached.js';
import { startRangeServer, type RangeMode, type RangeServer } from './helpers/range-server.js';
import { startTestService, type TestService } from './helpers/service.js';

/** Long enough, not on the bundled list: only the range lookup can refuse it. */
const BREACHED = 'purple monkey dishwasher 1987';
const CLEAN = 'lantern orchard velvet comet';

async function requestLink(t: TestService, requestedBy: string): Promise<string> {
  assert.equal((await t.post('/password-help', { userName: 'happypaws', requestedBy })).status, 200);
  await t.drainOutbox();
  const message = t.mailbox().find((m) => m.subject === 'Reset Your Password' && m.text.includes(requestedBy));
  const token = /#token=([A-Za-z0-9_-]{43})/.exec(message?.text ?? '')?.[1];
  assert.ok(token);
  return token;
}

describe('the range lookup, as pure functions', () => {
  it('hashes the NFKC form as UTF-8 SHA-1, upper case, split 5 + 35', () => {
    assert.deepEqual(rangeKey('password'), { prefix: '5BAA6', suffix: '1E4C9B93F3F0682250B6CF8331B7EE68FD8' });
    const accented = createHash('sha1').update('café', 'utf8').digest('hex').toUpperCase();
    assert.equal(rangeKey('café'.normalize('NFKC')).prefix + rangeKey('café'.normalize('NFKC')).suffix, accented);
  });
  it('finds a suffix with a count above 0, in any case, with CRLF or LF; padding (count 0) is never a match', () => {
    const suffix = '1E4C9B93F3F0682250B6CF8331B7EE68FD8';
    assert.equal(findSuffix(`${'0'.repeat(35)}:2\r\n${suffix.toLowerCase()}:9\r\n`, suffix), true);
    assert.equal(findSuffix(`${suffix}:9\n${'F'.repeat(35)}:1`, suffix), true);
    assert.equal(findSuffix(`${suffix}:0\n${'F'.repeat(35)}:1`, suffix), false);
    assert.equal(findSuffix(`${'F'.repeat(35)}:1`, suffix), false);
  });
  it('calls anything else malformed', () => {
    for (const body of ['', '\r\n', '<html></html>', `${'F'.repeat(34)}:1`, `${'F'.repeat(35)}:x`, `${'F'.repeat(35)}:1\nnot a line`]) {
      assert.equal(findSuffix(body, 'F'.repeat(35)), undefined, body);
    }
  });
  it('a malformed or credentialed BREACHED_PASSWORDS_URL stops the start, naming it', () => {
    for (const value of ['not a url', 'ftp://mirror.example/range/', 'https://user:secret@mirror.example/range/']) {
      assert.throws(() => loadConfig({ BREACHED_PASSWORDS_URL: value }), (error: Error) => error instanceof ConfigError && /BREACHED_PASSWORDS_URL/.test(error.message) && !error.message.includes('secret'));
    }
    assert.throws(() => loadConfig({ BREACHED_PASSWORDS_TIMEOUT_MS: 'soon' }), /BREACHED_PASSWORDS_TIMEOUT_MS/);
  });
});

describe('reset with BREACHED_PASSWORDS_URL', () => {
  let range: RangeServer;
  let t: TestService;
  before(async () => {
    range = await startRangeServer([BREACHED, 'correct horse battery staple'], [CLEAN]);
    t = await startTestService({ BREACHED_PASSWORDS_URL: range.url, BREACHED_PASSWORDS_TIMEOUT_MS: '400', RATE_LIMIT_PER_TOKEN: '1000' });
  });
  after(async () => {
    await t.close();
    await range.close();
  });

  it('refuses a breached password at the field, in English and in Arabic, and the link stays usable', async () => {
    const token = await requestLink(t, 'Breach Person');
    const english = await t.post('/reset-password', { token, password: BREACHED });
    assert.equal(english.status, 400);
    assert.deepEqual(english.body, { status: 'invalid', errors: { password: catalogueFor('en').passwordRefusals.breached } });
    assert.match(String((english.body.errors as Record<string, string>).password), /data breach/);
    const arabic = await t.post('/reset-password', { token, password: BREACHED }, { 'Accept-Language': 'ar' });
    assert.equal(arabic.status, 400);
    assert.equal((arabic.body.errors as Record<string, string>).password, catalogueFor('ar').passwordRefusals.breached);
    assert.notEqual(catalogueFor('ar').passwordRefusals.breached, catalogueFor('en').passwordRefusals.breached);
    assert.equal((await t.post('/reset-password/check', { token })).status, 200);
    const audit = await listAudit(t.service.db, new Date(0));
    assert.ok(audit.some((row) => row.form === 'reset' && row.outcome === 'invalid: breached'));
  });

  it('accepts a password the range lists only as padding, and the service sent nothing but prefixes with Add-Padding', async () => {
    const token = await requestLink(t, 'Clean Person');
    const answer = await t.post('/reset-password', { token, password: CLEAN });
    assert.equal(answer.status, 200, answer.text);
    assert.ok(range.requests.length >= 3);
    for (const request of range.requests) {
      assert.match(request.path, /^\/range\/[0-9A-F]{5}$/);
      assert.equal(request.headers['add-padding'], 'true');
    }
    const audit = await listAudit(t.service.db, new Date(0));
    assert.ok(audit.some((row) => row.form === 'reset' && row.outcome === 'reset'));
  });

  for (const mode of ['garbage', 'oversized', 'redirect', 'error', 'silent'] as RangeMode[]) {
    it(`fails open when the range server answers ${mode}: the reset completes and the audit says the check was skipped`, async () => {
      const token = await requestLink(t, `Fault ${mode}`);
      range.mode = mode;
      try {
        // A breached password: accepted only because the lookup failed, as the SPEC says it must be.
        const answer = await t.post('/reset-password', { token, password: BREACHED });
        assert.equal(answer.status, 200, answer.text);
      } finally {
        range.mode = 'normal';
      }
      const reason = { garbage: 'malformed', oversized: 'oversized', redirect: 'redirect', error: 'status', silent: 'timeout', normal: '' }[mode];
      const audit = await listAudit(t.service.db, new Date(0));
      assert.ok(audit.some((row) => row.outcome === `reset; breach check skipped (${reason})`), JSON.stringify(audit.map((row) => row.outcome)));
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      assert.match(metrics, new RegExp(`login_help_breach_checks_skipped_total\\{reason="${reason}"\\} [1-9]`));
    });
  }

  it('never logs the password, its SHA-1 or its suffix', () => {
    const logs = t.logs.join('');
    const { prefix, suffix } = rangeKey(BREACHED);
    for (const secret of [BREACHED, CLEAN, suffix, prefix + suffix, suffix.toLowerCase()]) assert.equal(logs.includes(secret), false, secret);
  });
});

describe('reset with an unreachable range server', () => {
  it('fails open with "unreachable"', async () => {
    const range = await startRangeServer([]);
    const url = range.url;
    await range.close();
    const t = await startTestService({ BREACHED_PASSWORDS_URL: url });
    try {
      const token = await requestLink(t, 'Offline Person');
      assert.equal((await t.post('/reset-password', { token, password: CLEAN })).status, 200);
      const audit = await listAudit(t.service.db, new Date(0));
      assert.ok(audit.some((row) => row.outcome === 'reset; breach check skipped (unreachable)'));
    } finally {
      await t.close();
    }
  });
});

/** Sets HTTP_PROXY / NO_PROXY for the services a test starts (read when each starts); returns the undo. */
function proxyEnv(httpProxy: string | undefined, noProxy: string | undefined): () => void {
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
  const set = (values: { HTTP_PROXY: string | undefined; NO_PROXY: string | undefined }): void => {
    if (values.HTTP_PROXY === undefined) delete process.env.HTTP_PROXY;
    else process.env.HTTP_PROXY = values.HTTP_PROXY;
    if (values.NO_PROXY === undefined) delete process.env.NO_PROXY;
    else process.env.NO_PROXY = values.NO_PROXY;
  };
  set({ HTTP_PROXY: httpProxy, NO_PROXY: noProxy });
  return () => set(saved);
}

describe('reset with the range server behind a proxy (HTTP_PROXY / NO_PROXY)', () => {
  it('a proxy that never answers CONNECT: the lookup ends at the timeout and the reset completes', async () => {
    const held: Socket[] = [];
    const proxy = createServer();
    proxy.on('connect', (_req: IncomingMessage, client: Socket) => void held.push(client));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const undo = proxyEnv(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, undefined);
    try {
      const t = await startTestService({ BREACHED_PASSWORDS_URL: 'http://range.invalid/range/', BREACHED_PASSWORDS_TIMEOUT_MS: '300' });
      try {
        const token = await requestLink(t, 'Stuck Proxy Person');
        assert.equal((await t.post('/reset-password', { token, password: CLEAN })).status, 200);
        assert.equal(held.length, 1, 'the lookup did go to the proxy');
        const audit = await listAudit(t.service.db, new Date(0));
        assert.ok(audit.some((row) => row.outcome === 'reset; breach check skipped (timeout)'));
      } finally {
        await t.close();
      }
    } finally {
      undo();
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('goes through the proxy the environment names, and around it for a NO_PROXY host', async () => {
    const range = await startRangeServer([BREACHED]);
    const proxied: string[] = [];
    // A forward proxy as squid or a corporate one is: it opens a tunnel (CONNECT host:port).
    const proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      proxied.push(req.url ?? '');
      const [host = '', port = ''] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    let undo = proxyEnv(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, undefined);
    try {
      const t = await startTestService({ BREACHED_PASSWORDS_URL: range.url });
      try {
        const token = await requestLink(t, 'Proxy Person');
        const answer = await t.post('/reset-password', { token, password: BREACHED });
        assert.equal(answer.status, 400, 'refused: the lookup went through the proxy and found it');
        assert.equal(proxied.length, 1);
        assert.equal(proxied[0], new URL(range.url).host);
      } finally {
        await t.close();
      }
      undo();
      undo = proxyEnv(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, '127.0.0.1');
      const direct = await startTestService({ BREACHED_PASSWORDS_URL: range.url });
      try {
        const token = await requestLink(direct, 'Direct Person');
        assert.equal((await direct.post('/reset-password', { token, password: BREACHED })).status, 400);
        assert.equal(proxied.length, 1, 'NO_PROXY: straight to the range server');
      } finally {
        await direct.close();
      }
    } finally {
      undo();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await range.close();
    }
  });
});
