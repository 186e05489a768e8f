// `npm run localize` and `npm run localize:extract`: lit-localize over the one catalogue per
// language, xliff/<locale>.xlf, which also holds the server's texts (units `server.*`, whose
// English is server/src/i18n/en.ts) that lit-localize does not know about.
// - build: `lit-localize build`, minus its one warning per server unit and locale ("does not
//   exist in canonical messages"); every other line passes through.
// - extract: `lit-localize extract` (which drops the units it does not know), then the server's
//   units written back in en.ts's order: translations kept, sources refreshed, new texts added
//   untranslated, texts gone from en.ts removed.
// Run with tsx (it reads en.ts): node --import tsx scripts/localize.js build|extract
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { serverSources } from '../server/scripts/check-catalogues.ts';
import { escapeXml, readUnits } from '../server/scripts/xliff-units.ts';

const command = process.argv[2];
if (command !== 'build' && command !== 'extract') {
  console.error('usage: node --import tsx scripts/localize.js build|extract');
  process.exit(2);
}
const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const file = (locale) => `${config.interchange.xliffDir}${locale}.xlf`;
const SERVER_UNIT = /<trans-unit id="server\.[^"]*">[\s\S]*?<\/trans-unit>\n?/g;

/** The server's units of a catalogue: id → its target as written (undefined when untranslated). */
const serverTargets = (xml) => new Map(readUnits(xml).filter(({ id }) => id.startsWith('server.')).map(({ id, target }) => [id, target]));

const saved = new Map();
if (command === 'extract') for (const locale of config.targetLocales) saved.set(locale, serverTargets(readFileSyncOr(file(locale))));

const run = spawnSync('npx', ['lit-localize', command], { encoding: 'utf8' });
const quiet = (text) => text.split('\n').filter((line) => !/^\S+ message server\.\S+ does not exist in canonical messages, skipping$/.test(line)).join('\n');
process.stdout.write(quiet(run.stdout ?? ''));
process.stderr.write(quiet(run.stderr ?? ''));
if (run.status !== 0) process.exit(run.status ?? 1);

if (command === 'extract') {
  const sources = serverSources();
  for (const locale of config.targetLocales) {
    const targets = saved.get(locale);
    const units = [...sources].map(([id, source]) => {
      const target = targets.get(id);
      return `<trans-unit id="${id}">\n  <source>${escapeXml(source)}</source>\n${target === undefined ? '' : `  <target>${target}</target>\n`}</trans-unit>\n`;
    });
    const xml = readFileSync(file(locale), 'utf8').replace(SERVER_UNIT, '');
    writeFileSync(file(locale), xml.replace(/<\/body>/, `${units.join('')}</body>`));
  }
  console.log(`server texts: ${sources.size} units in each of ${config.targetLocales.length} catalogues`);
}

function readFileSyncOr(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
