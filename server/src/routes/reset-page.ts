// `GET /reset` (the RESET_URL default): the page the "Reset Your Password" link opens. It holds
// `<login-help-reset>` from the widget's self-contained bundle, served from /reset-assets/, under
// a strict Content-Security-Policy with Trusted Types (no inline script or style). Inside the element,
// what a browser that cannot run the bundle shows instead (the element's shadow root, which has no
// default slot, hides it everywhere else); the stylesheet holds it back for 2 s, so a browser that
// is only slow to load the bundle never flashes it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Config } from '../config.js';
import { escapeHtml } from '../html/escape.js';
import { catalogueFor } from '../i18n/catalogue.js';
import { negotiateLocale, RTL_LOCALES } from '../i18n/negotiate.js';

/** Where `npm run build` copies dist/login-help-reset.js and its locale modules (server/dist/reset-assets). */
export const DEFAULT_RESET_ASSETS = path.join(fileURLToPath(new URL('../../', import.meta.url)), 'dist', 'reset-assets');

const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const STYLES = `html{color-scheme:light dark}body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem}
main{max-width:32rem;margin:2rem auto}login-help-reset:not(:defined){display:block;min-height:24rem}
login-help-reset:not(:defined)>div{animation:lh-fallback 0s 2s both}@keyframes lh-fallback{from{visibility:hidden}to{visibility:visible}}`;

/** The oldest browsers that run the reset bundle (README "Browser support"); product names, so not translated. */
const BROWSERS = 'Chrome 98, Edge 98, Firefox 101, Safari 16.4';

function page(config: Config, lang: string): string {
  // The page's one level-one heading is the element's (axe page-has-heading-one).
  const attributes = [`endpoint="${escapeHtml(config.basePath)}"`, 'heading-level="1"'];
  if (config.helpUrl) attributes.push(`help-url="${escapeHtml(config.helpUrl)}"`);
  if (config.loginUrl) attributes.push(`login-url="${escapeHtml(config.loginUrl)}"`);
  const dir = RTL_LOCALES.has(lang) ? 'rtl' : 'ltr';
  const texts = catalogueFor(lang);
  const title = escapeHtml(texts.widget['reset.heading']);
  const needsNewerBrowser = escapeHtml(texts.resetPage.needsNewerBrowser.replaceAll('{browsers}', () => BROWSERS));
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/reset-assets/reset-page.css">
<script type="module" src="/reset-assets/login-help-reset.js"></script>
</head>
<body>
<main>
<login-help-reset ${attributes.join(' ')}>
<div>
<h1>${title}</h1>
<p>${needsNewerBrowser}</p>
</div>
</login-help-reset>
</main>
</body>
</html>`;
}

function javascript(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.header('Cache-Control', 'public, max-age=3600').type('text/javascript; charset=utf-8').send(body);
}

/** The reset page's routes; `assets` is the folder holding login-help-reset.js and locales/. */
export function resetPageRoutes(config: Config, assets = DEFAULT_RESET_ASSETS): FastifyPluginAsync {
  return async (app) => {
    app.get('/reset', async (request, reply) => {
      const header = request.headers['accept-language'];
      return reply
        .header('Content-Security-Policy', PAGE_CSP)
        .type('text/html; charset=utf-8')
        .send(page(config, negotiateLocale(typeof header === 'string' ? header : undefined)));
    });
    app.get('/reset-assets/reset-page.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(STYLES));
    app.get<{ Params: { file: string } }>('/reset-assets/:file', async (request, reply) => serve(reply, path.join(assets, request.params.file), request.params.file));
    app.get<{ Params: { file: string } }>('/reset-assets/locales/:file', async (request, reply) =>
      serve(reply, path.join(assets, 'locales', request.params.file), request.params.file),
    );
  };
}

async function serve(reply: FastifyReply, file: string, name: string): Promise<FastifyReply> {
  // Plain module names only: no path can leave the assets folder.
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.js$/.test(name)) return reply.code(404).type('text/plain; charset=utf-8').send('Not found.');
  try {
    return javascript(reply, await readFile(file));
  } catch {
    const missing = name === 'login-help-reset.js';
    return reply
      .code(missing ? 503 : 404)
      .type('text/plain; charset=utf-8')
      .send(missing ? 'The reset page script is not built: run `npm run build` at the repository root.' : 'Not found.');
  }
}
