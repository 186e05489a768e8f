// Subresource Integrity for the script-tag bundle: `npm run sri` after `npm run build`.
// Prints the sha384 hash of dist/login-help.js and a <script> tag to paste. The hash changes with
// every build: paste it again whenever you deploy a new dist/login-help.js.
// Usage: node scripts/sri.js [base URL, default "https://cdn.example/login-help/"]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'login-help.js');

if (!existsSync(BUNDLE)) {
  console.error('No dist/login-help.js: run "npm run build" first.');
  process.exit(1);
}
const base = process.argv[2] ?? 'https://cdn.example/login-help/';
const src = new URL('login-help.js', base.endsWith('/') ? base : `${base}/`).href;
const integrity = `sha384-${createHash('sha384').update(readFileSync(BUNDLE)).digest('base64')}`;

console.log(integrity);
console.log('');
console.log(`<script type="module" src="${src}" integrity="${integrity}" crossorigin="anonymous"></script>`);
console.log('');
console.log('crossorigin="anonymous" needs the file served with Access-Control-Allow-Origin when it is on another origin.');
