// The three emails the server sends (SPEC §9), rendered in the language of the request's
// Accept-Language header. Pure: the same data and header always give the same email.
import { catalogueFor } from '../../i18n/catalogue.js';
import type { EmailMessages } from '../../i18n/en.js';
import { countText, intlLocale, once } from '../../i18n/count-text.js';
import { negotiateLocale, RTL_LOCALES } from '../../i18n/negotiate.js';
import { compose, type Block, type Line } from './compose.js';

export { escapeHtml } from './compose.js';

export type EmailKind = 'forgot-username' | 'reset-password' | 'password-changed';

/** One practice's name and one of its user names. */
export interface PracticeLogin {
  practiceName: string;
  userName: string;
}

/** What each email needs. */
export interface EmailData {
  /** One email listing every practice and user name on file for the address. */
  'forgot-username': { email: string; logins: PracticeLogin[] };
  /** `requestedBy` is what the person typed in Requested By; `link` an http(s) URL. */
  'reset-password': { practiceName: string; userName: string; requestedBy: string; link: string; ttlMinutes: number };
  /** `helpEmail`: where to turn when the change was not theirs (else "your support desk"). */
  'password-changed': { practiceName: string; userName: string; changedAt: Date; helpEmail?: string };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** The locale it is written in (one of EMAIL_LOCALES). */
  locale: string;
}

/** One date format per locale and kind, kept (building one per email cost CPU under load, issue #24). */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The time in UTC, with the zone named: a front desk and a server may be anywhere. */
function timeText(date: Date, locale: string, native: boolean): string {
  const format = once(timeFormats, `${locale} ${native}`, () => {
    // Without Intl data for the language, all-numeric dates avoid another language's month names.
    const day: Intl.DateTimeFormatOptions = native ? { year: 'numeric', month: 'long', day: 'numeric' } : { year: 'numeric', month: '2-digit', day: '2-digit' };
    return new Intl.DateTimeFormat(locale, { ...day, hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  });
  return format.format(date);
}

/** Lines of the email body for one kind, in one locale's words. */
type Build<K extends EmailKind> = (data: EmailData[K], messages: EmailMessages, intl: { locale: string; native: boolean }) => Block[];

const BUILD: { [K in EmailKind]: Build<K> } = {
  'forgot-username': ({ email, logins }, { forgotUsername: m }): Block[] => {
    const practices = new Map<string, string[]>();
    for (const { practiceName, userName } of logins) practices.set(practiceName, [...(practices.get(practiceName) ?? []), userName]);
    return [
      { kind: 'paragraph', line: { template: m.intro, values: { email } } },
      ...[...practices].map(([practiceName, userNames]): Block => ({
        kind: 'group',
        heading: { template: m.practice, values: { practiceName } },
        items: userNames.map((userName): Line => ({ template: m.userName, values: { userName } })),
      })),
      { kind: 'paragraph', line: { template: m.notRequested } },
    ];
  },

  'reset-password': ({ practiceName, userName, requestedBy, link, ttlMinutes }, messages, { locale }): Block[] => {
    const m = messages.resetPassword;
    if (!/^https?:\/\/\S+$/i.test(link)) throw new TypeError('reset-password: the link must be an http: or https: URL');
    const duration = countText(ttlMinutes, locale, messages.minutes);
    return [
      { kind: 'paragraph', line: { template: m.intro, values: { requestedBy, userName, practiceName } } },
      { kind: 'link', before: m.action, label: m.button, fallback: m.copyLink, url: link },
      // The duration is the email's own words, not a value someone typed: no <bdi>.
      { kind: 'paragraph', line: { template: m.expires.replace('{duration}', () => duration) } },
      { kind: 'paragraph', line: { template: m.notRequested } },
    ];
  },

  'password-changed': ({ practiceName, userName, changedAt, helpEmail }, { passwordChanged: m }, { locale, native }): Block[] => {
    if (Number.isNaN(changedAt.getTime())) throw new TypeError('password-changed: changedAt is not a valid date');
    return [
      { kind: 'paragraph', line: { template: m.intro, values: { userName, practiceName } } },
      { kind: 'paragraph', line: { template: m.when, values: { time: timeText(changedAt, locale, native) } } },
      { kind: 'paragraph', line: { template: m.madeIt } },
      { kind: 'paragraph', line: helpEmail ? { template: m.notYouEmail, values: { helpEmail } } : { template: m.notYou } },
    ];
  },
};

const SUBJECT = { 'forgot-username': 'forgotUsername', 'reset-password': 'resetPassword', 'password-changed': 'passwordChanged' } as const;

/**
 * Renders one email as `{ subject, text, html, locale }` in the best locale for
 * `acceptLanguage` (English when none fits). Throws a TypeError only for data no email can
 * carry: a reset link that is not http(s), or an invalid `changedAt`.
 */
export function renderEmail<K extends EmailKind>(kind: K, data: EmailData[K], acceptLanguage: string | undefined): RenderedEmail {
  const locale = negotiateLocale(acceptLanguage);
  const messages = catalogueFor(locale);
  const intl = intlLocale(locale);
  const blocks = [
    { kind: 'paragraph', line: { template: messages.greeting } },
    ...(BUILD[kind] as Build<K>)(data, messages, { locale: intl, native: intl === locale }),
    { kind: 'footer', line: { template: messages.automatic } },
  ] satisfies Block[];
  return compose(locale, RTL_LOCALES.has(locale) ? 'rtl' : 'ltr', messages[SUBJECT[kind]].subject, blocks);
}
