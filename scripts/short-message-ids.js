// A build-only Vite plugin: in the bundle, every message id ('panel.heading', …) becomes a short
// token ('a', 'b', …) — in the msg() calls of src/i18n/texts.ts and in the keys of each locale
// module — so neither the English bundle nor a locale chunk carries 44 long names. The source and
// the XLIFF files keep the readable ids; the mapping is the sorted list of ids in the XLIFF.
import { readFileSync, readdirSync } from 'node:fs';

function messageIds() {
  const dir = JSON.parse(readFileSync('lit-localize.json', 'utf8')).interchange.xliffDir;
  const file = readdirSync(dir).find((name) => name.endsWith('.xlf'));
  if (!file) return [];
  return [...readFileSync(`${dir}${file}`, 'utf8').matchAll(/<trans-unit id="([^"]+)">/g)].map(([, id]) => id).sort();
}

export function shortMessageIdsPlugin() {
  let tokens = new Map();
  const short = (id, where) => {
    const token = tokens.get(id);
    if (token === undefined) throw new Error(`${where}: message id "${id}" is not in the XLIFF files (run npm run localize)`);
    return token;
  };
  return {
    name: 'login-help-short-message-ids',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      tokens = new Map(messageIds().map((id, index) => [id, index.toString(36)]));
    },
    transform(code, id) {
      if (id.endsWith('/src/i18n/texts.ts')) {
        const out = code.replace(/(\bid:\s*)'([^']+)'/g, (_, key, name) => `${key}'${short(name, id)}'`);
        const calls = (code.match(/\bmsg\(/g) ?? []).length;
        const replaced = (out.match(/\bid:\s*'[0-9a-z]{1,2}'/g) ?? []).length;
        if (replaced !== calls) this.error(`${id}: ${calls} msg() calls but ${replaced} short ids: every msg() needs an { id: '…' }`);
        return { code: out, map: null };
      }
      if (/\/src\/i18n\/locales\/[^/]+\.ts$/.test(id)) {
        return { code: code.replace(/^(\s*)'([^']+)':/gm, (_, indent, name) => `${indent}'${short(name, id)}':`), map: null };
      }
      return null;
    },
  };
}
