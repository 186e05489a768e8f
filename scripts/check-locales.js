// Fails when a locale's XLIFF file lacks a message, has an empty one, or carries placeholders
// that differ from the source (a missing, doubled or invented <x id="…"/>). Run by `npm test`.
import { readFileSync, readdirSync } from 'node:fs';

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const dir = config.interchange.xliffDir;
const problems = [];

const units = (xml) =>
  [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id,
    source: /<source>([\s\S]*?)<\/source>/.exec(body)?.[1],
    target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1],
  }));
const placeholders = (text) => [...text.matchAll(/<x id="(\d+)"/g)].map(([, id]) => id).sort();

const files = readdirSync(dir).filter((name) => name.endsWith('.xlf'));
const locales = files.map((name) => name.replace(/\.xlf$/, ''));
for (const locale of config.targetLocales) if (!locales.includes(locale)) problems.push(`${locale}: no ${dir}${locale}.xlf`);

let reference;
for (const name of files) {
  const locale = name.replace(/\.xlf$/, '');
  const list = units(readFileSync(`${dir}${name}`, 'utf8'));
  reference ??= list.map(({ id }) => id).sort().join();
  if (list.map(({ id }) => id).sort().join() !== reference) problems.push(`${locale}: message ids differ from the other locales (run lit-localize extract)`);
  for (const { id, source, target } of list) {
    if (target === undefined || target.trim() === '') {
      problems.push(`${locale}: "${id}" has no translation`);
      continue;
    }
    const want = placeholders(source ?? '').join();
    const got = placeholders(target).join();
    if (want !== got) problems.push(`${locale}: "${id}" has placeholders [${got}], the source has [${want}]`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} locale problem(s).`);
  process.exit(1);
}
console.log(`${files.length} locales complete, placeholders match the source.`);
