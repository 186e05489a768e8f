// A count in a locale's words: the plural form Intl.PluralRules picks, the number as the locale
// writes it. Shared by the emails ("60 minutes") and the password refusals ("at least 15 characters").
import type { PluralMessage } from './en.js';
import type { EmailLocale } from './negotiate.js';

/** Locales that Intl has no data for, and the one whose formats they read best in. */
const INTL_FALLBACK: Partial<Record<EmailLocale, string>> = { ht: 'fr-HT' };

/** The locale Intl formats `locale`'s numbers, dates and plurals in. */
export function intlLocale(locale: EmailLocale): string {
  return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : (INTL_FALLBACK[locale] ?? 'en');
}

/** `{count}` filled into the form of `forms` that `count` takes in `locale` (`other` when it has none). */
export function countText(count: number, locale: string, forms: PluralMessage): string {
  const template = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
  return template.replaceAll('{count}', () => new Intl.NumberFormat(locale).format(count));
}
