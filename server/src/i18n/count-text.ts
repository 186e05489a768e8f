// A count in a locale's words: the plural form Intl.PluralRules picks, the number as the locale
// writes it. Shared by the emails ("60 minutes") and the password refusals ("at least 15 characters").
import type { PluralMessage } from './en.js';
import type { EmailLocale } from './negotiate.js';

/** Locales that Intl has no data for, and the one whose formats they read best in. */
const INTL_FALLBACK: Partial<Record<EmailLocale, string>> = { ht: 'fr-HT' };

// Built once per locale and kept: building an Intl object reads the locale's data each time, and
// it was 1.6–2.7% of the CPU of a found request under load (issue #24's profiles). 50 locales at most.
const supported = new Map<string, string>();
const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** `map`'s value for `key`, made by `make` the first time (the Intl objects kept per locale). */
export function once<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** The locale Intl formats `locale`'s numbers, dates and plurals in. */
export function intlLocale(locale: EmailLocale): string {
  return once(supported, locale, () => (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : (INTL_FALLBACK[locale] ?? 'en')));
}

/** `{count}` filled into the form of `forms` that `count` takes in `locale` (`other` when it has none). */
export function countText(count: number, locale: string, forms: PluralMessage): string {
  const template = forms[once(plurals, locale, () => new Intl.PluralRules(locale)).select(count)] ?? forms.other;
  return template.replaceAll('{count}', () => once(numbers, locale, () => new Intl.NumberFormat(locale)).format(count));
}
