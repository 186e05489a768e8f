// Which language an email is written in: the best of the widget's locales for the request's
// Accept-Language header (RFC 9110 §12.5.4), else English. Pure; never throws.

import { LOCALES } from './translations.generated.js';

/** The locales the server writes in: the widget's own (lit-localize.json), source first. */
export const EMAIL_LOCALES = LOCALES;

export type EmailLocale = (typeof EMAIL_LOCALES)[number];

/** Right-to-left locales: their HTML gets `dir="rtl"`. */
export const RTL_LOCALES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

/** A longer header is not a browser's: rather than parse it, answer English. */
const MAX_HEADER_LENGTH = 1024;

const byLowerCase = new Map<string, EmailLocale>(EMAIL_LOCALES.map((locale) => [locale.toLowerCase(), locale]));

/** Retired or alternative language codes for a shipped locale. */
const ALIASES: Readonly<Partial<Record<string, EmailLocale>>> = { iw: 'he', fil: 'tl', in: 'id' };

const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;
const WEIGHT = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The shipped locale for one language range, or undefined. */
function localeOf(range: string): EmailLocale | undefined {
  if (range === '*') return 'en';
  const exact = byLowerCase.get(range);
  if (exact) return exact;
  const [first = '', ...rest] = range.split('-');
  const language = ALIASES[first] ?? first;
  if (language === 'zh') {
    if (rest.includes('hant')) return 'zh-Hant';
    if (rest.includes('hans')) return 'zh-Hans';
    return rest.some((subtag) => subtag === 'tw' || subtag === 'hk' || subtag === 'mo') ? 'zh-Hant' : 'zh-Hans';
  }
  if (language === 'pt') return 'pt-BR';
  return byLowerCase.get(language);
}

/**
 * Picks the best locale for an Accept-Language header: q-values honored (ties keep the
 * header's order, `q=0` excluded), case-insensitive, falling back from a region or script to
 * the language (`es-MX` → `es`; `pt`, `pt-PT` → `pt-BR`; `zh`, `zh-CN`, `zh-SG` → `zh-Hans`;
 * `zh-TW`, `zh-HK`, `zh-Hant-*` → `zh-Hant`; `iw` → `he`; `fil` → `tl`). `en` when nothing
 * matches or the header is absent, malformed or too long. Never throws.
 */
export function negotiateLocale(acceptLanguage: string | undefined): EmailLocale {
  if (typeof acceptLanguage !== 'string' || acceptLanguage.length > MAX_HEADER_LENGTH) return 'en';
  const ranges: { locale: EmailLocale; q: number; index: number }[] = [];
  acceptLanguage.split(',').forEach((item, index) => {
    const [range = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (!RANGE.test(range)) return;
    let q = 1;
    for (const param of params) {
      const weight = WEIGHT.exec(param.replace(/\s+/g, ''));
      if (weight) q = Number(weight[1]);
      else if (/^q\s*=/.test(param)) return; // a malformed weight: ignore the whole range
    }
    const locale = localeOf(range);
    if (locale && q > 0) ranges.push({ locale, q, index });
  });
  ranges.sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges[0]?.locale ?? 'en';
}
