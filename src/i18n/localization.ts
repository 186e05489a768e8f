// The widget's locales: matching a `lang` tag to a shipped locale, its direction, loading its
// messages (page and outcome parts) and looking a message up in the locale being rendered.
import { activeLocale } from './active-locale.js';
import { allLocales, sourceLocale, type targetLocales } from './locale-codes.js';
import { importLocalePart } from './locale-loader.js';

/** A locale the widget ships. */
export type Locale = (typeof allLocales)[number];
type TargetLocale = (typeof targetLocales)[number];

/** Right-to-left locales: their forms and dialog get `dir="rtl"`. */
const RTL = new Set<Locale>(['ar', 'fa', 'he', 'ur']);
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

/**
 * Which half of a locale: the texts a page shows before anything is sent, or the texts of
 * outcomes (messages, the Attention dialog, "email us"), needed only once a person submits.
 * The script-tag bundle ships them as two small files; elsewhere one module holds both.
 */
export type LocalePart = 'page' | 'outcome';

/** Every loaded message, by locale. */
const messages = new Map<string, Record<string, unknown>>();
/** `locale/part` → its load, once started; `ready` holds the ones that arrived. */
const loading = new Map<string, Promise<boolean>>();
const ready = new Set<string>();

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
export function localizedMsg(template: Template, options?: { id?: string } | string): unknown {
  // The script-tag bundle passes the bare id (scripts/locale-chunks.js).
  const id = typeof options === 'string' ? options : options?.id;
  const localized = (id === undefined ? undefined : messages.get(activeLocale())?.[id]) as Localized | undefined;
  if (typeof localized === 'string') return localized;
  if (typeof template === 'string') return template;
  if (localized === undefined) return 'strTag' in template ? join(template.strings, template.values) : template;
  const ordered = localized.values.map((index) => template.values[index]);
  return 'strTag' in localized ? join(localized.strings, ordered) : { ...localized, values: ordered };
}

/** True when `locale`'s messages for `part` are ready to render (English always is). */
export const isReady = (locale: Locale, part: LocalePart = 'page'): boolean => locale === sourceLocale || ready.has(`${locale}/${part}`);

/** Fetches one half of a locale once; resolves to whether it is ready (false when the file failed). */
export function loadLocale(locale: Locale, part: LocalePart = 'page'): Promise<boolean> {
  if (isReady(locale, part)) return Promise.resolve(true);
  const key = `${locale}/${part}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = importLocalePart(locale as TargetLocale, part)
      .then((module) => {
        messages.set(locale, { ...messages.get(locale), ...module.templates });
        ready.add(key);
        if (!module.partial) ready.add(`${locale}/outcome`);
        return true;
      })
      .catch(() => {
        // Let a later element try again (the network may be back); English meanwhile.
        loading.delete(key);
        return false;
      });
    loading.set(key, pending);
  }
  return pending;
}

/**
 * The shipped locale for a BCP 47 tag: the exact locale, else its language (`es-MX` → `es`,
 * `fr-CA` → `fr`), with `pt*` → `pt-BR`, Chinese by script (`zh-TW`/`zh-HK` → `zh-Hant`, other
 * `zh*` → `zh-Hans`), `fil` → `tl`, withdrawn codes (`iw`, `in`) as their successors; anything else, or nothing, → `en`.
 */
export function matchLocale(tag: string | null | undefined): Locale {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale((tag ?? '').trim() || 'en');
  } catch {
    return 'en';
  }
  // Intl.Locale maps the withdrawn ISO 639 codes (iw, in) to today's in Chromium and Firefox,
  // not in WebKit (issue 25): map them here, with fil → tl.
  const language = ({ iw: 'he', in: 'id', fil: 'tl' } as Record<string, string>)[parsed.language] ?? parsed.language;
  if (language === 'zh') return parsed.maximize().script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  if (language === 'pt') return 'pt-BR';
  return (allLocales as readonly string[]).includes(language) ? (language as Locale) : 'en';
}
