import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkCatalogues } from '../scripts/check-catalogues.js';
import { CATALOGUES as EMAIL_CATALOGS } from '../src/i18n/catalogue.js';
import { EMAIL_LOCALES, negotiateLocale, RTL_LOCALES } from '../src/i18n/negotiate.js';
import { escapeHtml } from '../src/html/escape.js';
import { renderEmail, type EmailData, type EmailKind, type RenderedEmail } from '../src/mail/templates/index.js';

const LINK = 'https://clinic.example/reset?from=email&x=1#token=Zm9vYmFyYmF6cXV4cXV1eA';

const DATA: { [K in EmailKind]: EmailData[K] } = {
  'forgot-username': {
    email: 'frontdesk@happypaws.example',
    logins: [
      { practiceName: 'Happy Paws Veterinary Clinic', userName: 'happypaws' },
      { practiceName: 'Happy Paws Veterinary Clinic', userName: 'happypaws-north' },
      { practiceName: 'Cat Care Center', userName: 'catcare' },
    ],
  },
  'reset-password': { practiceName: 'Happy Paws Veterinary Clinic', userName: 'happypaws', requestedBy: 'Dr. Jane Doe', link: LINK, ttlMinutes: 60 },
  'password-changed': { practiceName: 'Happy Paws Veterinary Clinic', userName: 'happypaws', changedAt: new Date(Date.UTC(2025, 10, 30, 20, 16)), helpEmail: 'help@clinic.example' },
};

const KINDS = Object.keys(DATA) as EmailKind[];
const render = (kind: EmailKind, acceptLanguage?: string): RenderedEmail => renderEmail(kind, DATA[kind], acceptLanguage);

/** Every HTML entity-like sequence: plain text must have none. */
const ENTITY = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

describe('email subjects', () => {
  it('are exactly the English subjects of SPEC §9', () => {
    assert.equal(render('forgot-username').subject, 'Forgot User Name Request');
    assert.equal(render('reset-password').subject, 'Reset Your Password');
    assert.equal(render('password-changed').subject, 'Your password was changed');
    assert.equal(render('reset-password', 'en-US,en;q=0.9').locale, 'en');
  });

  it('are translated in every other locale', () => {
    for (const kind of KINDS) {
      const english = render(kind, 'en').subject;
      const same = EMAIL_LOCALES.filter((locale) => locale !== 'en' && render(kind, locale).subject === english);
      assert.deepEqual(same, [], `${kind}: subject left in English for ${same.join(', ')}`);
    }
  });
});

describe('every locale', () => {
  for (const locale of EMAIL_LOCALES) {
    it(`${locale}: renders the three emails, complete and well-formed`, () => {
      const dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
      for (const kind of KINDS) {
        const email = render(kind, locale);
        assert.equal(email.locale, locale);
        assert.ok(email.subject.trim() && email.text.trim() && email.html.trim(), `${kind} is empty`);
        assert.ok(email.html.startsWith('<!doctype html>\n'), `${kind}: not a document`);
        assert.match(email.html, new RegExp(`<html lang="${locale}" dir="${dir}">`));
        assert.ok(email.html.includes(`<title>${escapeHtml(email.subject)}</title>`)); // Catalan's d'usuari: &#39;
        assert.doesNotMatch(email.html, /<script|<img|<link|\son\w+=|\{\w+\}/i);
        assert.doesNotMatch(email.text, /\{\w+\}|<\/?[a-z]+[\s>]/i, `${kind}: placeholder or markup left in the text`);
        assert.doesNotMatch(email.text, ENTITY);
        assert.ok(email.text.includes(email.subject));
      }
      const reset = render('reset-password', locale);
      for (const part of [reset.text, reset.html]) {
        assert.ok(part.includes('happypaws') && part.includes('Dr. Jane Doe') && part.includes('Happy Paws Veterinary Clinic'));
      }
      const forgot = render('forgot-username', locale);
      for (const name of ['happypaws', 'happypaws-north', 'catcare', 'Cat Care Center', 'frontdesk@happypaws.example']) {
        assert.ok(forgot.text.includes(name) && forgot.html.includes(name), `${name} missing`);
      }
      // One heading per practice, however many user names it has.
      assert.equal(forgot.text.split('Happy Paws Veterinary Clinic').length, 2);
      assert.ok(render('password-changed', locale).text.includes('help@clinic.example'));
    });
  }
});

describe('negotiateLocale', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'en'],
    ['', 'en'],
    ['es', 'es'],
    ['ES', 'es'],
    ['es-MX', 'es'],
    ['es-419,es;q=0.9', 'es'],
    ['fr-CA', 'fr'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-hant-hk', 'zh-Hant'],
    ['iw', 'he'],
    ['he-IL', 'he'],
    ['fil', 'tl'],
    ['fil-PH', 'tl'],
    ['ar-EG', 'ar'],
    ['fr;q=0.1, es;q=0.9', 'es'],
    ['de;q=0.5, ja', 'ja'],
    ['ko;q=0.8, vi;q=0.8', 'ko'],
    ['kl, da;q=0.9, sv;q=0.8', 'da'],
    ['kl, fo;q=0.9, sv;q=0.8', 'sv'],
    ['ur-PK, en;q=0.5', 'ur'],
    ['es;q=0, fr;q=0.2', 'fr'],
    ['es;q=0', 'en'],
    ['*', 'en'],
    ['*;q=0.5, uk', 'uk'],
    ['xx-YY, qq', 'en'],
    ['garbage!!', 'en'],
    [';;;,,,q=', 'en'],
    ['es;q=abc, it;q=0.3', 'it'],
    ['es;q=2', 'en'],
    ['🦀, <script>', 'en'],
    ['en-GB,en;q=0.9,es;q=0.8', 'en'],
  ];
  for (const [header, want] of cases) {
    it(`${JSON.stringify(header)} → ${want}`, () => assert.equal(negotiateLocale(header), want));
  }

  it('answers en for a 10 KB header, and never throws', () => {
    assert.equal(negotiateLocale(`es;q=0.9, ${'x-'.repeat(5000)}`), 'en');
    assert.equal(negotiateLocale('de,'.repeat(3500)), 'en');
    for (const odd of [null, 42, {}, [], '\u0000', 'q=1;es', ','] as unknown[]) {
      assert.equal(typeof negotiateLocale(odd as string), 'string');
    }
  });

  it('lists the widget locales, English first', () => {
    assert.equal(EMAIL_LOCALES.length, 50);
    assert.equal(EMAIL_LOCALES[0], 'en');
    for (const locale of EMAIL_LOCALES) assert.equal(negotiateLocale(locale), locale);
  });
});

describe('renderEmail', () => {
  it('writes Spanish for Accept-Language: es', () => {
    const email = render('reset-password', 'es');
    assert.equal(email.locale, 'es');
    assert.equal(email.subject, 'Restablezca su contraseña');
    assert.match(email.text, /contraseña/);
    assert.match(email.html, /<html lang="es" dir="ltr">/);
    assert.match(email.text, /caduca en 60 minutos/);
  });

  it('escapes every value in HTML and keeps it raw in the text', () => {
    const hostile = `<b>&"x'</b>`;
    const email = renderEmail('forgot-username', { email: 'a@b.example', logins: [{ practiceName: hostile, userName: `"><script>alert(1)</script>` }] }, 'en');
    assert.ok(email.html.includes('&lt;b&gt;&amp;&quot;x&#39;&lt;/b&gt;'));
    assert.ok(!email.html.includes(hostile));
    assert.ok(!email.html.includes('<script>'));
    assert.ok(email.text.includes(hostile));
    assert.ok(email.text.includes(`"><script>alert(1)</script>`));

    const reset = renderEmail('reset-password', { ...DATA['reset-password'], practiceName: hostile, requestedBy: '</p><img src=x onerror=alert(1)>' }, 'he');
    assert.ok(!reset.html.includes('<img'));
    assert.ok(reset.html.includes('<bdi>&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;</bdi>'));
  });

  for (const locale of ['ar', 'ur'] as const) {
    it(`isolates values with <bdi> in right-to-left emails (${locale}), written from its catalogue`, () => {
      const email = render('reset-password', locale);
      assert.match(email.html, /<html lang="[a-z]+" dir="rtl"/);
      assert.equal(email.subject, EMAIL_CATALOGS[locale].resetPassword.subject);
      assert.ok(email.text.includes(EMAIL_CATALOGS[locale].resetPassword.action), 'the action sentence');
      for (const value of ['Dr. Jane Doe', 'happypaws', 'Happy Paws Veterinary Clinic']) assert.ok(email.html.includes(`<bdi>${value}</bdi>`), value);
    });
  }

  it('keeps names in any script intact', () => {
    for (const requestedBy of ['Dra. Núñez', 'د. علي', 'ד"ר כהן', '王医生', 'O’Brien & Søn']) {
      for (const locale of ['en', 'es', 'ar', 'he', 'zh-Hans']) {
        const email = renderEmail('reset-password', { ...DATA['reset-password'], requestedBy }, locale);
        assert.ok(email.text.includes(requestedBy), `${locale}: ${requestedBy} in text`);
        const escaped = requestedBy.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        assert.ok(email.html.includes(`<bdi>${escaped}</bdi>`), `${locale}: ${requestedBy} in html`);
      }
    }
  });

  it('puts the reset link in both parts exactly: its own text line, and an href with the URL as text', () => {
    for (const locale of ['en', 'fa', 'ja']) {
      const email = render('reset-password', locale);
      assert.ok(email.text.split('\n').includes(LINK), 'the URL on a line of its own');
      const escaped = LINK.replace(/&/g, '&amp;');
      assert.ok(email.html.includes(`<a href="${escaped}"`));
      assert.equal(email.html.split(escaped).length - 1, 2, 'once in href, once as text');
    }
    const quoted = renderEmail('reset-password', { ...DATA['reset-password'], link: 'https://clinic.example/reset?a="b"#token=x' }, 'en');
    assert.ok(quoted.html.includes('href="https://clinic.example/reset?a=&quot;b&quot;#token=x"'));
    assert.throws(() => renderEmail('reset-password', { ...DATA['reset-password'], link: 'javascript:alert(1)' }, 'en'), TypeError);
  });

  it('says the link works once and when it expires, in the plural the number needs', () => {
    const text = (ttlMinutes: number, locale: string) => renderEmail('reset-password', { ...DATA['reset-password'], ttlMinutes }, locale).text;
    assert.match(text(60, 'en'), /works only once and expires in 60 minutes\./);
    assert.match(text(1, 'en'), /expires in 1 minute\./);
    assert.match(text(60, 'ru'), /через 60 минут\./);
    assert.match(text(2, 'ru'), /через 2 минуты\./);
    assert.match(text(1, 'pl'), /za 1 minutę\./);
    assert.match(text(1, 'ar'), /بعد دقيقة واحدة\./);
    assert.match(text(60, 'ht'), /60 minit/);
  });

  it('tells who requested it and what to do if not expected', () => {
    const email = render('reset-password', 'en');
    assert.ok(email.text.includes('Password help was requested by Dr. Jane Doe for the user name happypaws at Happy Paws Veterinary Clinic.'));
    assert.ok(email.text.includes('If you did not expect this email, you can ignore it.'));
  });

  it('gives the change time in UTC, formatted for the locale, and the help address when known', () => {
    const en = render('password-changed', 'en');
    assert.ok(en.text.includes('The password for the user name happypaws at Happy Paws Veterinary Clinic was changed.'));
    assert.ok(en.text.includes('When: November 30, 2025 at 8:16 PM UTC'), en.text);
    assert.ok(en.text.includes('contact the support desk right away at help@clinic.example.'));
    assert.ok(render('password-changed', 'de').text.includes('30. November 2025 um 20:16 UTC'));
    // Intl has no Haitian Creole data: an all-numeric date rather than English or French month names.
    assert.match(render('password-changed', 'ht').text, /30\/11\/2025 20:16 UTC/);
    const withoutHelp = renderEmail('password-changed', { ...DATA['password-changed'], helpEmail: undefined }, 'en');
    assert.ok(withoutHelp.text.includes('contact your support desk right away.'));
    assert.throws(() => renderEmail('password-changed', { ...DATA['password-changed'], changedAt: new Date('nope') }, 'en'), TypeError);
  });

  it('keeps a value from adding lines or reordering the text around it', () => {
    const email = renderEmail('reset-password', { ...DATA['reset-password'], requestedBy: 'Dr. Doe\r\nhttps://evil.example\u202e' }, 'en');
    assert.ok(!email.text.split('\n').includes('https://evil.example'));
    assert.ok(email.text.includes('requested by Dr. Doe https://evil.example for'));
    assert.ok(!email.text.includes('\u202e') && !email.html.includes('\u202e'));
  });

  it('does not substitute placeholders found inside values', () => {
    const email = renderEmail('reset-password', { ...DATA['reset-password'], requestedBy: '{userName}' }, 'en');
    assert.ok(email.text.includes('requested by {userName} for the user name happypaws'));
  });
});

describe('checkCatalogues (the one completeness check)', () => {
  const XLIFF = new URL('../../xliff/', import.meta.url);

  it('finds no problem in the shipped catalogues', async () => {
    const config = JSON.parse(await readFile(new URL('../../lit-localize.json', import.meta.url), 'utf8')) as { targetLocales: string[] };
    assert.deepEqual(checkCatalogues(XLIFF.pathname, config.targetLocales), []);
  });

  it('reports a missing, empty, unknown or mis-placeholdered unit, a wrong plural and a missing catalogue', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'catalogues-'));
    try {
      let es = await readFile(new URL('es.xlf', XLIFF), 'utf8');
      const unit = (id: string, body: string): void => {
        es = es.replace(new RegExp(`<trans-unit id="${id.replaceAll('.', '\\.')}">[\\s\\S]*?</trans-unit>\\n`), body && `<trans-unit id="${id}">${body}</trans-unit>\n`);
      };
      unit('server.resetPassword.button', '');
      unit('server.resetPassword.intro', '<source>Password help was requested by {requestedBy} for the user name {userName} at {practiceName}.</source><target>Ayuda solicitada por {requestedBy} para {userName} y {userName}.</target>');
      unit('server.passwordChanged.when', '<source>When: {time}</source><target>  </target>');
      unit('server.minutes', '<source>{count, plural, one {{count} minute} other {{count} minutes}}</source><target>{count, plural, one {{count} minuto} dual {x} other {{counts} minutos}}</target>');
      unit('form.submit', '<source>Submit</source><target>Enviar <x id="0" equiv-text="${x}"/></target>');
      es = es.replace('</body>', '<trans-unit id="server.forgotUsername.extra"><source>extra</source><target>sobra</target></trans-unit>\n</body>');
      await writeFile(path.join(dir, 'es.xlf'), es);
      let ru = await readFile(new URL('ru.xlf', XLIFF), 'utf8');
      ru = ru.replace(/(<trans-unit id="server\.minutes">[\s\S]*?<target>)[\s\S]*?(<\/target>)/, '$1{count, plural, one {{count} минуту} other {{count} минуты}}$2');
      await writeFile(path.join(dir, 'ru.xlf'), ru);
      const problems = checkCatalogues(dir, ['es', 'fr', 'ru']);
      assert.deepEqual(problems.sort(), [
        'es: "form.submit" has placeholders [0], the source has []',
        'es: "server.forgotUsername.extra" is not a text of server/src/i18n/en.ts (run npm run localize:extract)',
        'es: "server.minutes": "dual" is not a plural form (zero, one, two, few, many, other)',
        'es: "server.passwordChanged.when" has no translation',
        'es: "server.resetPassword.intro" has placeholders [requestedBy, userName, userName], the source has [practiceName, requestedBy, userName]',
        'es: no unit "server.resetPassword.button" (run npm run localize:extract)',
        `fr: no ${path.basename(dir)}/fr.xlf`,
        'ru: "server.minutes" lacks the plural form "few" (ru uses few, many, one)',
        'ru: "server.minutes" lacks the plural form "many" (ru uses few, many, one)',
      ].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the widget and the emails agree', () => {
  it('each locale\'s success messages quote the subjects its emails carry', async () => {
    for (const locale of EMAIL_LOCALES.filter((l) => l !== 'en')) {
      const xliff = await readFile(new URL(`../../xliff/${locale}.xlf`, import.meta.url), 'utf8');
      const target = (id: string): string => new RegExp(`<trans-unit id="${id.replace('.', '\\.')}">[\\s\\S]*?<target>([\\s\\S]*?)</target>`).exec(xliff)?.[1] ?? '';
      const catalog = EMAIL_CATALOGS[locale];
      assert.ok(target('sent.username').includes(catalog.forgotUsername.subject), `${locale}: sent.username names "${catalog.forgotUsername.subject}"`);
      assert.ok(target('sent.password').includes(catalog.resetPassword.subject), `${locale}: sent.password names "${catalog.resetPassword.subject}"`);
    }
  });
});
