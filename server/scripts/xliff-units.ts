// Reads the one catalogue of each language, xliff/<locale>.xlf: every text of the widget (units
// written by lit-localize) and of the server (units whose id starts `server.`). Shared by the
// server's build (build-catalogues.ts), the completeness check (check-catalogues.ts) and
// scripts/localize.js.
// Pure functions over strings, plus one reader; no dependency beyond Node. Run with tsx.
import { readFileSync } from 'node:fs';

/** The CLDR plural categories, in the order a plural message lists them. */
export const PLURAL_FORMS: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** A plural message: its text per plural form, `other` always there. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** One `<trans-unit>`: its texts as written in the file. */
export type Unit = { id: string; source: string | undefined; target: string | undefined };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its five entities (and numeric references) turned back into characters. */
export const unescapeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_all, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number(/^#x/i.test(name) ? `0${name.slice(1)}` : name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? ''),
  );

/** Characters that XML text must not carry raw. */
export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Every `<trans-unit>` of an XLIFF 1.2 document, in order: `{ id, source, target }`, each text as
 * written in the file (entities and `<x/>` placeholders untouched); `target` undefined when absent.
 */
export function readUnits(xml: string): Unit[] {
  return [...xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id: id ?? '',
    source: /<source>([\s\S]*?)<\/source>/.exec(body)?.[1],
    target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1],
  }));
}

/** The `target-language` of the document's `<file>`. */
export const targetLanguage = (xml: string): string | undefined => /<file[^>]*\starget-language="([^"]+)"/.exec(xml)?.[1];

/**
 * A server message's text: a plain string, or an ICU plural `{count, plural, one {…} other {…}}`
 * as `{ one, other, … }` (each form's text literal: `{name}` placeholders stay as written, an
 * apostrophe is just an apostrophe). Throws on a malformed plural, naming what is wrong.
 */
export function parseMessage(text: string): string | PluralForms {
  const head = /^\{count, plural,\s*/.exec(text);
  if (!head) return text;
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  let at = head[0].length;
  while (true) {
    const rest = text.slice(at);
    if (/^\s*\}\s*$/.test(rest)) break;
    const form = /^\s*([a-z]+)\s*\{/.exec(rest);
    if (!form) throw new Error(`malformed plural near "${rest.slice(0, 30)}"`);
    const name = form[1] as Intl.LDMLPluralRule;
    if (!PLURAL_FORMS.includes(name)) throw new Error(`"${name}" is not a plural form (${PLURAL_FORMS.join(', ')})`);
    let depth = 1;
    let end = at + form[0].length;
    for (; end < text.length && depth > 0; end += 1) depth += text[end] === '{' ? 1 : text[end] === '}' ? -1 : 0;
    if (depth !== 0) throw new Error(`the plural form "${name}" has no closing brace`);
    if (name in forms) throw new Error(`the plural form "${name}" is given twice`);
    forms[name] = text.slice(at + form[0].length, end - 1);
    at = end;
  }
  if (forms.other === undefined) throw new Error('a plural message needs an "other" form');
  return forms as PluralForms;
}

/** A plural message `{ one, other, … }` written as the ICU text parseMessage reads. */
export const pluralText = (forms: PluralForms): string => `{count, plural, ${PLURAL_FORMS.filter((form) => form in forms).map((form) => `${form} {${forms[form]}}`).join(' ')}}`;

/** The units of `xliff/<locale>.xlf` under `dir`. */
export const readCatalogue = (dir: string, locale: string): Unit[] => readUnits(readFileSync(`${dir}/${locale}.xlf`, 'utf8'));
