// Fails (exit 1, listing each problem) when an email locale lacks a message, has an empty one,
// has one the source does not, or carries `{placeholders}` that differ from English (missing,
// doubled or invented); and when the email locales are not the widget's (lit-localize.json).
// The email counterpart of the widget's scripts/check-locales.js. Run from anywhere:
//   node --import tsx server/scripts/check-email-locales.ts
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EMAIL_CATALOGS } from '../src/i18n/emails/index.js';
import { en } from '../src/i18n/emails/en.js';
import { EMAIL_LOCALES } from '../src/i18n/negotiate.js';

const PLURAL_FORMS: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

type Tree = { readonly [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A source node that is a plural message: `{ other, one?, … }`. */
const isPlural = (node: Tree): boolean => typeof node['other'] === 'string' && Object.keys(node).every((key) => PLURAL_FORMS.includes(key));

/** The `{placeholder}` names of a message, sorted (a doubled one counts twice). */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => name).sort();

const same = (a: readonly string[], b: readonly string[]): boolean => a.join() === b.join();
const shown = (names: readonly string[]): string => `[${names.join(', ')}]`;

function checkPlural(locale: string, path: string, source: Tree, target: unknown, problems: string[]): void {
  if (!isTree(target)) {
    problems.push(`${locale}: "${path}" is missing or not a plural message`);
    return;
  }
  const want = placeholdersOf(String(source['other']));
  if (typeof target['other'] !== 'string') problems.push(`${locale}: "${path}.other" is missing`);
  for (const [form, text] of Object.entries(target)) {
    if (!PLURAL_FORMS.includes(form)) problems.push(`${locale}: "${path}.${form}" is not a plural form (${PLURAL_FORMS.join(', ')})`);
    else if (typeof text !== 'string' || text.trim() === '') problems.push(`${locale}: "${path}.${form}" is empty`);
    else {
      const got = placeholdersOf(text);
      // `other` must carry every placeholder; another form may name its number in words ("one minute").
      const ok = form === 'other' ? same(got, want) : got.every((name) => want.includes(name)) && new Set(got).size === got.length;
      if (!ok) problems.push(`${locale}: "${path}.${form}" has placeholders ${shown(got)}, the source has ${shown(want)}`);
    }
  }
}

function checkTree(locale: string, prefix: string, source: Tree, target: Tree, problems: string[]): void {
  for (const [key, node] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const value = target[key];
    if (isTree(node)) {
      if (isPlural(node)) checkPlural(locale, path, node, value, problems);
      else if (isTree(value)) checkTree(locale, path, node, value, problems);
      else problems.push(`${locale}: "${path}" is missing`);
    } else if (value === undefined) problems.push(`${locale}: "${path}" is missing`);
    else if (typeof value !== 'string' || value.trim() === '') problems.push(`${locale}: "${path}" is empty`);
    else {
      const want = placeholdersOf(String(node));
      const got = placeholdersOf(value);
      if (!same(want, got)) problems.push(`${locale}: "${path}" has placeholders ${shown(got)}, the source has ${shown(want)}`);
    }
  }
  for (const key of Object.keys(target)) {
    if (!(key in source)) problems.push(`${locale}: "${prefix ? `${prefix}.${key}` : key}" is not a message of the source`);
  }
}

/**
 * Every problem of a set of email catalogs against the source (English) catalog: a locale
 * without a catalog or one not expected, a missing, empty or unknown message, or placeholders
 * that differ from the source's. Pure; an empty list means complete.
 */
export function checkEmailCatalogs(catalogs: Readonly<Record<string, unknown>>, source: Tree = en, locales: readonly string[] = EMAIL_LOCALES): string[] {
  const problems: string[] = [];
  for (const locale of locales) if (!(locale in catalogs)) problems.push(`${locale}: no catalog`);
  for (const [locale, catalog] of Object.entries(catalogs)) {
    if (!locales.includes(locale)) problems.push(`${locale}: a catalog for a locale that is not in EMAIL_LOCALES`);
    if (isTree(catalog)) checkTree(locale, '', source, catalog, problems);
    else problems.push(`${locale}: the catalog is not an object`);
  }
  return problems;
}

/** The widget's locales (lit-localize.json at the repository root), when this runs inside it. */
function widgetLocales(): string[] | undefined {
  const file = fileURLToPath(new URL('../../lit-localize.json', import.meta.url));
  if (!existsSync(file)) return undefined;
  const config = JSON.parse(readFileSync(file, 'utf8')) as { sourceLocale: string; targetLocales: string[] };
  return [config.sourceLocale, ...config.targetLocales];
}

function main(): void {
  const problems = checkEmailCatalogs(EMAIL_CATALOGS);
  const widget = widgetLocales();
  if (widget && !same([...widget].sort(), [...EMAIL_LOCALES].sort())) {
    problems.push(`EMAIL_LOCALES ${shown(EMAIL_LOCALES)} differ from the widget's lit-localize.json ${shown(widget)}`);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`${problems.length} email locale problem(s).`);
    process.exit(1);
  }
  console.log(`${EMAIL_LOCALES.length} email locales complete, placeholders match the source.`);
}

/** True when this file was run, not imported (by the tests). */
function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) main();
