// The one completeness check of every text the product has (run by `npm run lint`): each locale
// of lit-localize.json has its catalogue, xliff/<locale>.xlf, holding every unit of the widget
// (lit-localize's ids) and of the server (`server.*`, the texts of server/src/i18n/en.ts), each
// translated, with the source's placeholders (`<x id="…"/>` for the widget, `{name}` for the
// server) and, for a server plural, the plural forms the language uses. Exit 1 lists each problem.
//   node --import tsx server/scripts/check-catalogues.ts
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '../src/i18n/en.js';
import { parseMessage, pluralText, readUnits, targetLanguage, unescapeXml, type PluralForms, type Unit } from './xliff-units.js';

type Tree = { readonly [key: string]: unknown };

/** The server's source texts as the units they should be: id → ICU text. */
export function serverSources(tree: Tree = en, prefix = 'server'): Map<string, string> {
  const units = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const id = `${prefix}.${key}`;
    if (typeof value === 'string') units.set(id, value);
    else if (typeof (value as PluralForms).other === 'string') units.set(id, pluralText(value as PluralForms));
    else serverSources(value as Tree, id).forEach((text, child) => units.set(child, text));
  }
  return units;
}

/**
 * The plural forms that counts from 2 to 10,000 take in `locale`: what a translation must give.
 * A 0 or 1 form (`zero`, `one`) may be left out where it reads as `other` ("1 dakika", "5 dakika");
 * `other` stands in for it.
 */
export function pluralFormsUsed(locale: string): Set<Intl.LDMLPluralRule> {
  const supported = Intl.PluralRules.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  const rules = new Intl.PluralRules(supported);
  const forms = new Set<Intl.LDMLPluralRule>();
  for (let count = 2; count <= 10_000; count += 1) forms.add(rules.select(count));
  return forms;
}

/** Every plural category `locale` has (Intl's data; English's for a locale Intl lacks). */
const pluralCategories = (locale: string): Intl.LDMLPluralRule[] =>
  new Intl.PluralRules(Intl.PluralRules.supportedLocalesOf([locale]).length > 0 ? locale : 'en').resolvedOptions().pluralCategories;

const xPlaceholders = (text: string): string => [...text.matchAll(/<x id="(\d+)"/g)].map(([, id]) => id).sort().join();
const namedPlaceholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => name).sort();

function checkServerUnit(locale: string, unit: Unit, source: string, problems: string[]): void {
  const target = unescapeXml(unit.target ?? '');
  if (unescapeXml(unit.source ?? '') !== source) problems.push(`${locale}: "${unit.id}" has an old source text (run npm run localize:extract)`);
  let wanted: string | PluralForms;
  let given: string | PluralForms;
  try {
    wanted = parseMessage(source);
    given = parseMessage(target);
  } catch (error) {
    problems.push(`${locale}: "${unit.id}": ${(error as Error).message}`);
    return;
  }
  if (typeof wanted === 'string' || typeof given === 'string') {
    if (typeof wanted !== typeof given) problems.push(`${locale}: "${unit.id}" must be ${typeof wanted === 'string' ? 'plain text' : 'a plural message {count, plural, …}'}`);
    else if (namedPlaceholders(wanted as string).join() !== namedPlaceholders(given as string).join())
      problems.push(`${locale}: "${unit.id}" has placeholders [${namedPlaceholders(given as string).join(', ')}], the source has [${namedPlaceholders(wanted as string).join(', ')}]`);
    return;
  }
  const names = namedPlaceholders(wanted.other);
  const used = pluralFormsUsed(locale);
  const categories = pluralCategories(locale);
  for (const form of used) if (given[form] === undefined) problems.push(`${locale}: "${unit.id}" lacks the plural form "${form}" (${locale} uses ${[...used].join(', ')})`);
  for (const [form, text] of Object.entries(given) as [Intl.LDMLPluralRule, string][]) {
    if (!categories.includes(form)) problems.push(`${locale}: "${unit.id}" has the plural form "${form}", which ${locale} does not have (${categories.join(', ')})`);
    const got = namedPlaceholders(text);
    // `other` carries every placeholder; another form may name its number in words ("one minute").
    const ok = form === 'other' ? got.join() === names.join() : got.every((name) => got.filter((n) => n === name).length <= names.filter((n) => n === name).length);
    if (!ok) problems.push(`${locale}: "${unit.id}" form "${form}" has placeholders [${got.join(', ')}], the source has [${names.join(', ')}]`);
  }
}

/**
 * Every problem of the catalogues in `dir` for `locales`, against the server's source texts.
 * Pure but for reading the files; an empty list means complete.
 */
export function checkCatalogues(dir: string, locales: readonly string[], sources: Map<string, string> = serverSources()): string[] {
  const problems: string[] = [];
  const files = readdirSync(dir).filter((name) => name.endsWith('.xlf'));
  for (const locale of locales) if (!files.includes(`${locale}.xlf`)) problems.push(`${locale}: no ${path.basename(dir)}/${locale}.xlf`);
  let reference: string | undefined;
  for (const name of files) {
    const locale = name.replace(/\.xlf$/, '');
    if (!locales.includes(locale)) problems.push(`${locale}: ${name} is not a locale of lit-localize.json's targetLocales`);
    const xml = readFileSync(path.join(dir, name), 'utf8');
    if (targetLanguage(xml) !== locale) problems.push(`${locale}: its <file target-language> is "${targetLanguage(xml)}"`);
    const units = readUnits(xml);
    const widgetIds = units.filter(({ id }) => !id.startsWith('server.')).map(({ id }) => id).sort().join();
    reference ??= widgetIds;
    if (widgetIds !== reference) problems.push(`${locale}: the widget's message ids differ from the other locales' (run npm run localize:extract)`);
    const seen = new Set<string>();
    for (const unit of units) {
      if (seen.has(unit.id)) problems.push(`${locale}: "${unit.id}" appears twice`);
      seen.add(unit.id);
      if (unit.target === undefined || unit.target.trim() === '') {
        problems.push(`${locale}: "${unit.id}" has no translation`);
        continue;
      }
      if (unit.id.startsWith('server.')) {
        const source = sources.get(unit.id);
        if (source === undefined) problems.push(`${locale}: "${unit.id}" is not a text of server/src/i18n/en.ts (run npm run localize:extract)`);
        else checkServerUnit(locale, unit, source, problems);
      } else if (xPlaceholders(unit.source ?? '') !== xPlaceholders(unit.target)) {
        problems.push(`${locale}: "${unit.id}" has placeholders [${xPlaceholders(unit.target)}], the source has [${xPlaceholders(unit.source ?? '')}]`);
      }
    }
    for (const id of sources.keys()) if (!seen.has(id)) problems.push(`${locale}: no unit "${id}" (run npm run localize:extract)`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const config = JSON.parse(readFileSync(path.join(root, 'lit-localize.json'), 'utf8')) as { targetLocales: string[]; interchange: { xliffDir: string } };
  const problems = checkCatalogues(path.join(root, config.interchange.xliffDir), config.targetLocales);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`${problems.length} catalogue problem(s).`);
    process.exit(1);
  }
  console.log(`${config.targetLocales.length} catalogues complete (widget, reset page, server answers, emails); placeholders and plural forms match.`);
}
