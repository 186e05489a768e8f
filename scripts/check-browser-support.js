// `npm run lint`: the README's "Browser support" table names every floor of
// scripts/browser-support.js (the builds' syntax target), with its version and what sets it, and
// the served reset page's fallback names the same versions.
import { readFileSync } from 'node:fs';
import { FLOORS } from './browser-support.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = /^## Browser support\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
if (!section) {
  console.error('README.md has no "## Browser support" section.');
  process.exit(1);
}
const rows = section.split('\n').filter((line) => line.startsWith('|'));
const problems = FLOORS.filter(({ browser, version, setBy }) => !rows.some((row) => row.includes(`| ${browser} | ${version} |`) && row.includes(setBy))).map(
  ({ browser, version, setBy }) => `no row "| ${browser} | ${version} | … ${setBy} …" in README.md's "Browser support" table`,
);
// login-help-server is its own package: its page says the versions in words.
const resetPage = readFileSync(new URL('../server/src/routes/reset-page.ts', import.meta.url), 'utf8');
const fallback = /const BROWSERS = '([^']*)'/.exec(resetPage)?.[1] ?? '';
for (const { browser, version } of FLOORS) {
  const name = browser.split(/[ ,]/)[0];
  if (!new RegExp(`${name}[^,]* ${version.replace('.', '\\.')}\\b`).test(fallback)) {
    problems.push(`server/src/routes/reset-page.ts: the fallback's BROWSERS ("${fallback}") does not name ${name} ${version}`);
  }
}
if (problems.length) {
  console.error(`${problems.join('\n')}\n(scripts/browser-support.js sets the builds' target: keep the two together)`);
  process.exit(1);
}
console.log(`README "Browser support" matches the build target (${FLOORS.map(({ browser, version }) => `${browser} ${version}`).join(', ')}).`);
