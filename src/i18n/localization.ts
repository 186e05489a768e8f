import { _installMsgImplementation } from '@lit/localize/init/install.js';
import type { LocaleModule } from '@lit/localize/internal/types.js';
import { activeLocale } from './active-locale.js';
import { allLocales, sourceLocale, type targetLocales } from './locale-codes.js';

/** A locale the widget ships. */
export type Locale = (typeof allLocales)[number];
type TargetLocale = (typeof targetLocales)[number];

/** Right-to-left locales: their forms and dialog get `dir="rtl"`. */
const RTL = new Set<Locale>(['ar', 'fa', 'he']);
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

// Each non-English locale is its own file in locales/ next to this module (dist/locales/ next to
// login-help.js), fetched the first time an element needs it, so English pages never pay for the
// other 25. Resolved against import.meta.url, so it works wherever the bundle is served from
// (the second @vite-ignore keeps Vite from treating the URL as an asset to bundle).
const importLocale = (locale: TargetLocale): Promise<LocaleModule> =>
  import(/* @vite-ignore */ new URL(/* @vite-ignore */ `./locales/${locale}.js`, import.meta.url).href) as Promise<LocaleModule>;

const loaded = new Map<string, LocaleModule>();
const loading = new Map<string, Promise<boolean>>();

type Template = string | { strTag: true; strings: readonly string[]; values: unknown[] } | { strings: TemplateStringsArray; values: unknown[] };
type Localized = string | { strTag: true; strings: readonly string[]; values: number[] } | { strings: TemplateStringsArray; values: number[] };

/** `strings[0] + values[0] + strings[1] + …`, as @lit/localize renders a str`` template. */
function join(strings: readonly string[], values: readonly unknown[]): string {
  return strings.reduce((text, piece, index) => text + String(values[index - 1]) + piece);
}

/**
 * msg() for many locales on one page, like @lit/localize's reentrant mode but keyed only by the
 * explicit ids every message here carries (so no id hashing ships): the locale is
 * activeLocale() at the moment of the call. Translated templates name the source values by
 * position, which lets a translation move them.
 */
function localizedMsg(template: Template, options?: { id?: string }): unknown {
  const id = options?.id;
  const localized = (id === undefined ? undefined : loaded.get(activeLocale())?.templates[id]) as Localized | undefined;
  if (typeof localized === 'string') return localized;
  if (typeof template === 'string') return template;
  if (localized === undefined) return 'strTag' in template ? join(template.strings, template.values) : template;
  const ordered = localized.values.map((index) => template.values[index]);
  return 'strTag' in localized ? join(localized.strings, ordered) : { ...localized, values: ordered };
}

// This module's copy of @lit/localize is configured once. The script-tag bundle carries its own
// copy, so a page whose app configures @lit/localize itself does not collide with it.
try {
  _installMsgImplementation(localizedMsg as Parameters<typeof _installMsgImplementation>[0]);
} catch {
  console.warn(
    'login-help: @lit/localize was already configured by another script on this page, so login-help shows English. ' +
      'Load dist/login-help.js (which has its own copy) to get every language.',
  );
}

/** True when `locale`'s messages are ready to render (English always is). */
export const isReady = (locale: Locale): boolean => locale === sourceLocale || loaded.has(locale);

/** Fetches a locale's messages once; resolves to whether they are ready (false when the chunk failed). */
export function loadLocale(locale: Locale): Promise<boolean> {
  if (isReady(locale)) return Promise.resolve(true);
  let pending = loading.get(locale);
  if (!pending) {
    pending = importLocale(locale as TargetLocale)
      .then((module) => {
        loaded.set(locale, module);
        return true;
      })
      .catch(() => {
        // Let a later element try again (the network may be back); English meanwhile.
        loading.delete(locale);
        return false;
      });
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * The shipped locale for a BCP 47 tag: the exact locale, else its language (`es-MX` → `es`,
 * `fr-CA` → `fr`), with `pt*` → `pt-BR`, Chinese by script (`zh-TW`/`zh-HK` → `zh-Hant`, other
 * `zh*` → `zh-Hans`), `fil` → `tl`; anything else, or nothing, → `en`.
 */
export function matchLocale(tag: string | null | undefined): Locale {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale((tag ?? '').trim() || 'en');
  } catch {
    return 'en';
  }
  const language = parsed.language === 'fil' ? 'tl' : parsed.language;
  if (language === 'zh') return parsed.maximize().script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  if (language === 'pt') return 'pt-BR';
  return (allLocales as readonly string[]).includes(language) ? (language as Locale) : 'en';
}
