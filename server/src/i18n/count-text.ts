// A count in a locale's words: the plural form Intl.PluralRules picks, the number as the locale
// writes it. Shared by the emails ("60 minutes") and the password refusals ("at least 15 characters").
import type { PluralMessage } from './emails/en.js';

/** `{count}` filled into the form of `forms` that `count` takes in `locale` (`other` when it has none). */
export function countText(count: number, locale: string, forms: PluralMessage): string {
  const template = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
  return template.replaceAll('{count}', () => new Intl.NumberFormat(locale).format(count));
}
