// GET /reset: the page the email's link opens, under a strict CSP with Trusted Types, serving the
// widget's reset bundle and its locale modules from the assets folder and nothing else.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../src/config.js';
import { catalogueFor } from '../src/i18n/catalogue.js';
import { DevMailbox } from '../src/mail/transport.js';
import { startService, type Service } from '../src/service.js';
import { freshDatabase } from './helpers/database.js';

describe('the reset page', () => {
  let assets: string;
  let service: Service;
  let drop: () => Promise<void>;
  before(async () => {
    assets = await mkdtemp(path.join(tmpdir(), 'login-help-assets-'));
    await mkdir(path.join(assets, 'locales'));
    await writeFile(path.join(assets, 'login-help-reset.js'), 'export const bundle = 1;\n');
    await writeFile(path.join(assets, 'locales', 'es-reset.js'), 'export const es = 1;\n');
    await writeFile(path.join(assets, 'secret.txt'), 'no');
    const fresh = await freshDatabase();
    drop = fresh.drop;
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', HELP_URL: 'https://portal.example/login-help?a=1&b="2"', LOGIN_URL: 'https://portal.example/sign-in' });
    service = await startService(config, { db: fresh.db, resetAssets: assets });
  });
  after(async () => {
    await service.close();
    await drop();
    await rm(assets, { recursive: true, force: true });
  });

  it('serves the page with the element, its links escaped, under a strict CSP', async () => {
    const response = await fetch(`${service.url}/reset`, { headers: { 'Accept-Language': 'ar' } });
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "require-trusted-types-for 'script'", "frame-ancestors 'none'"]) assert.ok(csp.includes(directive), directive);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    const html = await response.text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<login-help-reset endpoint="\/api\/login-help" heading-level="1" help-url="https:\/\/portal\.example\/login-help\?a=1&amp;b=&quot;2&quot;" login-url="https:\/\/portal\.example\/sign-in">/);
    // The page's level-one heading is the element's (axe page-has-heading-one, issue 25); a
    // browser that cannot run the bundle shows the fallback inside the element instead of a blank box.
    const fallback = /<login-help-reset [^>]*>([\s\S]*)<\/login-help-reset>/.exec(html)?.[1] ?? '';
    // In the page's language, from the one catalogue: the widget's heading, the server's sentence.
    const arabic = catalogueFor('ar');
    assert.ok(fallback.includes(`<h1>${arabic.widget['reset.heading']}</h1>`), fallback);
    assert.ok(fallback.includes(arabic.resetPage.needsNewerBrowser.replace('{browsers}', 'Chrome 98, Edge 98, Firefox 101, Safari 16.4')), fallback);
    assert.ok(html.includes(`<title>${arabic.widget['reset.heading']}</title>`));
    assert.notEqual(arabic.widget['reset.heading'], 'Create a New Password');
    assert.equal(html.match(/<h1>/g)?.length, 1, 'one h1');
    assert.match(html, /<script type="module" src="\/reset-assets\/login-help-reset\.js"><\/script>/);
    assert.doesNotMatch(html, /<script>|<style>|style="/, 'no inline script or style');
  });

  it('serves the bundle and its locale modules as JavaScript, and nothing else from the folder', async () => {
    const bundle = await fetch(`${service.url}/reset-assets/login-help-reset.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(await bundle.text(), 'export const bundle = 1;\n');
    assert.equal((await fetch(`${service.url}/reset-assets/locales/es-reset.js`)).status, 200);
    for (const probe of ['secret.txt', '..%2Fpackage.json', '%2e%2e%2fsecret.txt', 'locales/..%2F..%2Fsecret.txt', 'nope.js']) {
      const response = await fetch(`${service.url}/reset-assets/${probe}`);
      assert.ok(response.status === 404, `${probe}: ${response.status}`);
    }
  });

  it('answers the page in English by default, and a query token never reaches the log (path only)', async () => {
    const html = await (await fetch(`${service.url}/reset?token=abc`)).text();
    assert.match(html, /<html lang="en" dir="ltr">/);
    assert.match(html, /<title>Create a New Password<\/title>/);
    assert.match(html, /<h1>Create a New Password<\/h1>\n<p>This page needs a newer browser with JavaScript on: Chrome 98, Edge 98, Firefox 101, Safari 16\.4 or later\./);
  });
});

describe('the development mailbox', () => {
  it('keeps the newest messages up to its capacity, newest first', async () => {
    const mailbox = new DevMailbox(3);
    for (const n of [1, 2, 3, 4, 5]) {
      await mailbox.send({ from: 'a@clinic.example', to: 'b@clinic.example', subject: `m${n}`, text: 't', html: '<p>t</p>', messageId: `<m${n}@clinic.example>`, date: new Date(0), locale: 'en' });
    }
    assert.deepEqual(mailbox.list().map((message) => message.subject), ['m5', 'm4', 'm3']);
    assert.equal(mailbox.get(1), undefined);
    mailbox.close();
  });

  it('shows the raw MIME text of a message, built when asked: the stored Date and Message-ID, both parts', async () => {
    const fresh = await freshDatabase();
    const service = await startService(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { db: fresh.db });
    try {
      const date = new Date('2026-12-06T10:00:00Z');
      await service.mailbox?.send({ from: 'Help <help@clinic.example>', to: 'front@clinic.example', subject: 'Réinitialiser', text: 'Bonjour <b>', html: '<p>Bonjour</p>', messageId: '<m1@clinic.example>', date, locale: 'fr' });
      const answer = await fetch(`${service.url}/dev/mailbox/1/raw`);
      assert.equal(answer.status, 200);
      const mail = await simpleParser(await answer.text());
      assert.equal(mail.subject, 'Réinitialiser');
      assert.equal(mail.messageId, '<m1@clinic.example>');
      assert.equal(mail.date?.toISOString(), date.toISOString());
      assert.equal(mail.text?.trim(), 'Bonjour <b>');
      assert.equal(mail.html, '<p>Bonjour</p>');
      assert.equal((await fetch(`${service.url}/dev/mailbox/2/raw`)).status, 404);
    } finally {
      await service.close();
      await fresh.drop();
    }
  });

  it('answers only a browser on this machine, not one behind a proxy', async () => {
    const fresh = await freshDatabase();
    const service = await startService(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { db: fresh.db });
    try {
      const page = await fetch(`${service.url}/dev/mailbox`);
      assert.equal(page.status, 200);
      // Its own empty icon, allowed by its policy: otherwise Firefox asks for /favicon.ico and
      // the policy refuses it with a CSP violation on every load (the seed in Firefox, issue 25).
      assert.match(await page.text(), /<link rel="icon" href="data:,">/);
      assert.match(page.headers.get('content-security-policy') ?? '', /img-src data:/);
      const proxied = await fetch(`${service.url}/dev/mailbox/messages`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
      assert.equal(proxied.status, 404);
    } finally {
      await service.close();
      await fresh.drop();
    }
  });
});
