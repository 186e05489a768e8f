// Every email catalog, by locale. Record<EmailLocale, …> makes TypeScript refuse a locale of
// EMAIL_LOCALES without a catalog; each catalog's type refuses a missing message.
import type { EmailLocale } from '../negotiate.js';
import { en, type EmailMessages } from './en.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { el } from './el.js';
import { es } from './es.js';
import { fa } from './fa.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { hi } from './hi.js';
import { ht } from './ht.js';
import { id } from './id.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { ptBR } from './pt-BR.js';
import { ru } from './ru.js';
import { sv } from './sv.js';
import { th } from './th.js';
import { tl } from './tl.js';
import { tr } from './tr.js';
import { uk } from './uk.js';
import { vi } from './vi.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

export type { EmailMessages, PluralMessage } from './en.js';

export const EMAIL_CATALOGS: Readonly<Record<EmailLocale, EmailMessages>> = {
  en, ar, de, el, es, fa, fr, he, hi, ht, id, it, ja, ko, nl, pl, 'pt-BR': ptBR, ru, sv, th, tl, tr, uk, vi, 'zh-Hans': zhHans, 'zh-Hant': zhHant,
};

/** The catalog of a locale (English for one without). */
export const catalogFor = (locale: string): EmailMessages => EMAIL_CATALOGS[locale as EmailLocale] ?? en;
