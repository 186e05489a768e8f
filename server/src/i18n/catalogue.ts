// Every text the server writes for a person, by locale: English from ./en.ts (the source), every
// other language from its one catalogue, xliff/<locale>.xlf, which the server's build turns into
// ./translations.generated.ts. The types make a catalogue that lacks a message fail to compile.
import { en, type EmailMessages } from './en.js';
import { negotiateLocale } from './negotiate.js';
import { LOCALES, TRANSLATIONS, WIDGET_TEXTS_EN, type WIDGET_TEXT_IDS } from './translations.generated.js';

/** A locale the product speaks (lit-localize.json's, with English). */
export type Locale = (typeof LOCALES)[number];

/** A widget text (its lit-localize id) that the server's answers use word for word. */
export type WidgetTextId = (typeof WIDGET_TEXT_IDS)[number];

/** One locale's texts: the server's (the shape of ./en.ts) and the widget's it shares. */
export type Catalogue = EmailMessages & { readonly widget: Readonly<Record<WidgetTextId, string>> };

const TRANSLATED: Readonly<Record<Exclude<Locale, 'en'>, Catalogue>> = TRANSLATIONS;

/** Every locale's catalogue. */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en: { ...en, widget: WIDGET_TEXTS_EN }, ...TRANSLATED };

/** The catalogue of a locale (English for one without). */
export const catalogueFor = (locale: string): Catalogue => CATALOGUES[locale as Locale] ?? CATALOGUES.en;

/** A widget sentence the server answers with, in the best locale for `acceptLanguage`. */
export const widgetText = (id: WidgetTextId, acceptLanguage: string | undefined): string => catalogueFor(negotiateLocale(acceptLanguage)).widget[id];

export { LOCALES };
