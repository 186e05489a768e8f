import type { LocaleModule } from '@lit/localize/internal/types.js';
import type { targetLocales } from './locale-codes.js';
import type { LocalePart } from './localization.js';

type TargetLocale = (typeof targetLocales)[number];

/** What a locale module holds; the script-tag bundle's page half says `partial`. */
export type LocaleFile = LocaleModule & { partial?: boolean };

// In the npm package and the tests each locale is one module, imported statically so that an
// app's bundler finds and splits them; the type keeps the list complete. The script-tag build
// replaces this whole module (scripts/locale-chunks.js) with one that fetches
// dist/locales/<locale>.js and <locale>-outcome.js by URL, next to login-help.js.
const LOCALES: Record<TargetLocale, () => Promise<LocaleFile>> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  fa: () => import('./locales/fa.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  hi: () => import('./locales/hi.js'),
  ht: () => import('./locales/ht.js'),
  id: () => import('./locales/id.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  ru: () => import('./locales/ru.js'),
  sv: () => import('./locales/sv.js'),
  th: () => import('./locales/th.js'),
  tl: () => import('./locales/tl.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  vi: () => import('./locales/vi.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
};

/** Fetches a locale's messages (here one module holds both the page and the outcome texts). */
export const importLocalePart = (locale: TargetLocale, _part: LocalePart): Promise<LocaleFile> => LOCALES[locale]();
