// Where a locale's messages come from: static imports of the generated modules for the npm
// package and tests; the script-tag builds swap this module for one that fetches by URL.
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
  am: () => import('./locales/am.js'),
  ar: () => import('./locales/ar.js'),
  bg: () => import('./locales/bg.js'),
  bn: () => import('./locales/bn.js'),
  ca: () => import('./locales/ca.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  fa: () => import('./locales/fa.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  gu: () => import('./locales/gu.js'),
  he: () => import('./locales/he.js'),
  hi: () => import('./locales/hi.js'),
  hr: () => import('./locales/hr.js'),
  ht: () => import('./locales/ht.js'),
  hu: () => import('./locales/hu.js'),
  id: () => import('./locales/id.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  km: () => import('./locales/km.js'),
  ko: () => import('./locales/ko.js'),
  lt: () => import('./locales/lt.js'),
  ms: () => import('./locales/ms.js'),
  my: () => import('./locales/my.js'),
  nb: () => import('./locales/nb.js'),
  ne: () => import('./locales/ne.js'),
  nl: () => import('./locales/nl.js'),
  pa: () => import('./locales/pa.js'),
  pl: () => import('./locales/pl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  ro: () => import('./locales/ro.js'),
  ru: () => import('./locales/ru.js'),
  sk: () => import('./locales/sk.js'),
  so: () => import('./locales/so.js'),
  sr: () => import('./locales/sr.js'),
  sv: () => import('./locales/sv.js'),
  sw: () => import('./locales/sw.js'),
  ta: () => import('./locales/ta.js'),
  th: () => import('./locales/th.js'),
  tl: () => import('./locales/tl.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  ur: () => import('./locales/ur.js'),
  vi: () => import('./locales/vi.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
};

/** Fetches a locale's messages (here one module holds both the page and the outcome texts). */
export const importLocalePart = (locale: TargetLocale, _part: LocalePart): Promise<LocaleFile> => LOCALES[locale]();
