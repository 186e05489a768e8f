// Demo only: the language and theme a demo page shows, as the page's URL says
// (?lang=es&theme=dark), so that a link or a screenshot opens a given state.
import type { allLocales } from '../src/i18n/locale-codes.js';

export type Locale = (typeof allLocales)[number];

/** Every locale the widget ships, by its own name, in the order the demo lists them. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  'pt-BR': 'Português (Brasil)',
  nl: 'Nederlands',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
  tr: 'Türkçe',
  el: 'Ελληνικά',
  sv: 'Svenska',
  ar: 'العربية',
  he: 'עברית',
  fa: 'فارسی',
  hi: 'हिन्दी',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ja: '日本語',
  ko: '한국어',
  vi: 'Tiếng Việt',
  th: 'ไทย',
  id: 'Bahasa Indonesia',
  tl: 'Tagalog',
  ht: 'Kreyòl ayisyen',
  bn: 'বাংলা',
  ur: 'اردو',
  pa: 'ਪੰਜਾਬੀ',
  ta: 'தமிழ்',
  ne: 'नेपाली',
  gu: 'ગુજરાતી',
  so: 'Soomaali',
  am: 'አማርኛ',
  sw: 'Kiswahili',
  ms: 'Bahasa Melayu',
  km: 'ខ្មែរ',
  my: 'မြန်မာ',
  ro: 'Română',
  cs: 'Čeština',
  sk: 'Slovenčina',
  hu: 'Magyar',
  hr: 'Hrvatski',
  sr: 'Српски',
  bg: 'Български',
  lt: 'Lietuvių',
  da: 'Dansk',
  nb: 'Norsk bokmål',
  fi: 'Suomi',
  ca: 'Català',
};

/** The `theme` attribute's values; none at all means "follow the page". */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export const isLocale = (value: string | null): value is Locale => value !== null && Object.hasOwn(LOCALE_NAMES, value);
export const isTheme = (value: string | null): value is Theme => (THEMES as readonly (string | null)[]).includes(value);

/** What the URL asks for; anything unknown counts as not asked. */
export function settingsFromUrl(): { lang: Locale | null; theme: Theme | null } {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang');
  const theme = params.get('theme');
  return { lang: isLocale(lang) ? lang : null, theme: isTheme(theme) ? theme : null };
}

/** Puts the choices in the URL (replacing, not adding, a history entry); defaults are left out. */
export function settingsToUrl({ lang, theme }: { lang: Locale | null; theme: Theme | null }): void {
  const url = new URL(location.href);
  if (lang && lang !== 'en') url.searchParams.set('lang', lang);
  else url.searchParams.delete('lang');
  if (theme) url.searchParams.set('theme', theme);
  else url.searchParams.delete('theme');
  history.replaceState(history.state, '', url);
}

/** Sets or removes one attribute on every given element. */
export function setAttributeOn(elements: Iterable<Element>, name: string, value: string | null): void {
  for (const one of elements) {
    if (value === null) one.removeAttribute(name);
    else one.setAttribute(name, value);
  }
}
