// Part of the server's build: copies the widget's reset-page bundle (dist/login-help-reset.js at
// the repository root, and its locale modules) into server/dist/reset-assets, which GET /reset
// serves. Without the widget built first, it says so and the page answers 503 until it is.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const widgetDist = path.join(server, '..', 'dist');
const target = path.join(server, 'dist', 'reset-assets');
const bundle = path.join(widgetDist, 'login-help-reset.js');

rmSync(target, { recursive: true, force: true });
if (!existsSync(bundle)) {
  console.log(`login-help-server: ${path.relative(process.cwd(), bundle)} is not built; GET /reset answers 503 until \`npm run build\` runs at the repository root.`);
  process.exit(0);
}
mkdirSync(path.join(target, 'locales'), { recursive: true });
cpSync(bundle, path.join(target, 'login-help-reset.js'));
const locales = path.join(widgetDist, 'locales');
let count = 0;
if (existsSync(locales)) {
  for (const name of readdirSync(locales).filter((file) => file.endsWith('.js'))) {
    cpSync(path.join(locales, name), path.join(target, 'locales', name));
    count++;
  }
}
console.log(`login-help-server: reset page assets copied (login-help-reset.js and ${count} locale modules).`);
