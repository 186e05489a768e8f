// The whole seed on one machine (SPEC §7), in this process: login-help-server (server/dist, built
// by `npm run build`) on its embedded database with the demo clinic, and a tiny static server for
// the demo page (demo/server.html with the script-tag bundle dist/login-help.js) on another port,
// under a strict Content-Security-Policy. Used by `npm start` (scripts/start-demo.js) and by the
// seed end-to-end test (test/seed/run.js).
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = path.join(ROOT, '.login-help-data');
export const SUPPORT_EMAIL = 'support@happypaws.example';

const SERVER_ENTRY = path.join(ROOT, 'server', 'dist', 'index.js');
const PAGE_TEMPLATE = path.join(ROOT, 'demo', 'server.html');
const BUNDLE = path.join(ROOT, 'dist', 'login-help.js');
const LOCALES_DIR = path.join(ROOT, 'dist', 'locales');

/** The server address demo/server.html is written for; replaced by the real one when served. */
const TEMPLATE_ORIGIN = 'http://127.0.0.1:8787';
const TEMPLATE_API = `${TEMPLATE_ORIGIN}/api/login-help`;
const TEMPLATE_RESET = `${TEMPLATE_ORIGIN}/reset`;

const JS = 'text/javascript; charset=utf-8';
/** The page's files besides the page itself: path → [file, content type]. */
const STATIC = new Map([
  ['/dist/login-help.js', [BUNDLE, JS]],
  ['/demo.css', [path.join(ROOT, 'demo', 'demo.css'), 'text/css; charset=utf-8']],
  ['/favicon.svg', [path.join(ROOT, 'demo', 'favicon.svg'), 'image/svg+xml']],
]);
const LOCALE_PATH = /^\/dist\/locales\/([A-Za-z0-9-]+\.js)$/;

/** A failure worded for the person who ran `npm start`; `code` is e.g. 'EADDRINUSE'. */
export class DemoStackError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'DemoStackError';
    this.code = code;
  }
}

const escapeHtml = (value) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The locales the demo page can be asked for (`/?lang=ur`): lit-localize.json's. */
const DEMO_LOCALES = new Set(JSON.parse(await readFile(path.join(ROOT, 'lit-localize.json'), 'utf8')).targetLocales);

/**
 * demo/server.html with the real server's addresses in place of the template's, and in `lang`
 * (the page's `?lang=`, one of the shipped locales; English otherwise): the panel follows it.
 */
export function renderPage(template, { apiBase, origin, resetUrl }, lang = null) {
  if (!template.includes(`endpoint="${TEMPLATE_API}"`)) {
    throw new Error(`demo/server.html no longer holds endpoint="${TEMPLATE_API}", which the demo replaces with the real address`);
  }
  return template
    .replace('<html lang="en">', `<html lang="${DEMO_LOCALES.has(lang) ? lang : 'en'}">`)
    .replaceAll(TEMPLATE_RESET, escapeHtml(resetUrl))
    .replaceAll(TEMPLATE_API, escapeHtml(apiBase))
    .replaceAll(TEMPLATE_ORIGIN, escapeHtml(origin));
}

/** The page's Content-Security-Policy: only its own scripts and styles, requests to the server only. */
export function pagePolicy(serverOrigin) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${serverOrigin}`,
    "img-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address().port);
    });
  });
}

function closeServer(server) {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const hostForUrl = (host) => (host.includes(':') ? `[${host}]` : host);

function portInUse(what, host, port, variable) {
  return new DemoStackError(
    `Port ${port} on ${host} is already in use, so the ${what} cannot start there. ` +
      `Another "npm start" (or another program) may be running: stop it, or pick another port, e.g. ${variable}=${port + 1} npm start`,
    'EADDRINUSE',
  );
}

/** Resolves when nothing listens on host:port (port 0: a free port, chosen now), to that port. */
async function reservePort(host, port, what, variable) {
  const probe = net.createServer();
  try {
    return await listen(probe, port, host);
  } catch (error) {
    if (error.code === 'EADDRINUSE') throw portInUse(what, host, port, variable);
    throw new DemoStackError(`The ${what} cannot listen on ${host}:${port}: ${error.message}`, error.code);
  } finally {
    await new Promise((resolve) => probe.close(() => resolve()));
  }
}

async function loadServer() {
  try {
    return await import(pathToFileURL(SERVER_ENTRY).href);
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(SERVER_ENTRY)) {
      throw new DemoStackError('login-help-server is not built (server/dist/index.js is missing): run "npm run build" first', 'ENOBUILD');
    }
    throw error;
  }
}

/** The static server for the page; `state.server` (the running service's addresses) is filled in later. */
function createPageServer(state) {
  return http.createServer(async (request, response) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
    const common = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { ...common, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
        return;
      }
      if (pathname === '/' || pathname === '/index.html') {
        if (!state.server) {
          response.writeHead(503, { ...common, 'Retry-After': '1', 'Content-Type': 'text/plain; charset=utf-8' }).end('login-help-server is still starting: reload in a moment.');
          return;
        }
        const html = renderPage(await readFile(PAGE_TEMPLATE, 'utf8'), state.server, searchParams.get('lang'));
        response.writeHead(200, { ...common, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': pagePolicy(state.server.origin) });
        response.end(request.method === 'HEAD' ? undefined : html);
        return;
      }
      const known = STATIC.get(pathname);
      const locale = LOCALE_PATH.exec(pathname);
      const [file, type] = known ?? (locale ? [path.join(LOCALES_DIR, locale[1]), JS] : []);
      const body = file ? await readFile(file).catch(() => null) : null;
      if (body === null) {
        response.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end(file && !known ? 'No such locale.' : 'Not found.');
        return;
      }
      response.writeHead(200, { ...common, 'Content-Type': type });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { ...common, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`The demo page server failed: ${error.message}`);
    }
  });
}

/**
 * Starts login-help-server (with the demo clinic) and the demo page server.
 *
 * @param {object} [options]
 * @param {NodeJS.ProcessEnv} [options.env] the server's variables (SPEC §9); HOST and PORT there are
 *   the defaults of `host` and `serverPort`. The test passes `{}`, `npm start` process.env.
 * @param {string} [options.host] where the server listens (default env.HOST or 127.0.0.1)
 * @param {number} [options.serverPort] default env.PORT or 8787; 0 picks a free port
 * @param {string} [options.pageHost] where the page listens (default 127.0.0.1)
 * @param {number} [options.pagePort] default 5173; 0 picks a free port
 * @param {string} [options.dataDir] the embedded database's folder (default env.LOGIN_HELP_DATA or ./.login-help-data)
 * @returns {Promise<{ pageUrl: string, serverUrl: string, apiBase: string, mailboxUrl: string,
 *   resetUrl: string, dataDir: string, databaseUrl?: string, config: object, service: object, close(): Promise<void> }>}
 */
export async function startDemoStack(options = {}) {
  const env = options.env ?? process.env;
  const host = options.host ?? (env.HOST?.trim() || '127.0.0.1');
  const requestedServerPort = options.serverPort ?? Number(env.PORT?.trim() || 8787);
  const pageHost = options.pageHost ?? '127.0.0.1';
  const requestedPagePort = options.pagePort ?? 5173;
  const dataDir = path.resolve(options.dataDir ?? (env.LOGIN_HELP_DATA?.trim() || DEFAULT_DATA_DIR));
  for (const [name, value] of [['PORT', requestedServerPort], ['DEMO_PORT', requestedPagePort]]) {
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      throw new DemoStackError(`${name} must be a whole number from 0 to 65535, not "${value}"`, 'EINVAL');
    }
  }

  const { loadConfig, startService, addDemo } = await loadServer();

  // The server's port must be known before it starts: RESET_URL's default names it.
  const serverPort = await reservePort(host, requestedServerPort, 'login-help-server', 'PORT');
  const state = { server: null };
  const pageServer = createPageServer(state);
  let pagePort;
  try {
    pagePort = await listen(pageServer, requestedPagePort, pageHost);
  } catch (error) {
    if (error.code === 'EADDRINUSE') throw portInUse('demo page', pageHost, requestedPagePort, 'DEMO_PORT');
    throw new DemoStackError(`The demo page cannot listen on ${pageHost}:${requestedPagePort}: ${error.message}`, error.code);
  }
  const pageOrigin = `http://${hostForUrl(pageHost)}:${pagePort}`;
  const pageOrigins = pageHost === '127.0.0.1' ? [pageOrigin, `http://localhost:${pagePort}`] : [pageOrigin];

  let service;
  try {
    const extraOrigins = (env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
    const config = loadConfig({
      ...env,
      HOST: host,
      PORT: String(serverPort),
      LOGIN_HELP_DATA: dataDir,
      ALLOWED_ORIGINS: [...new Set([...pageOrigins, ...extraOrigins])].join(','),
      SUPPORT_EMAIL: env.SUPPORT_EMAIL?.trim() || SUPPORT_EMAIL,
      // The service logs each request at "info"; the demo's terminal shows warnings and errors.
      LOG_LEVEL: env.LOG_LEVEL?.trim() || 'warn',
    });
    try {
      service = await startService(config);
    } catch (error) {
      if (error.code === 'EADDRINUSE') throw portInUse('login-help-server', host, serverPort, 'PORT');
      throw error;
    }
    // With DIRECTORY_SQL_URL the demo clinic lives in the portal's own tables (npm run start:portal-db).
    if (!config.directorySql) await addDemo(service.db);

    const listening = new URL(service.url || `http://${hostForUrl(host)}:${serverPort}`);
    // A wildcard address is where it listens, not where a browser can reach it.
    if (['0.0.0.0', '[::]'].includes(listening.hostname)) listening.hostname = '127.0.0.1';
    const origin = listening.origin;
    const apiBase = origin + config.basePath;
    state.server = { origin, apiBase, resetUrl: config.resetUrl };

    let closing;
    return {
      pageUrl: `${pageOrigin}/`,
      pageOrigins,
      serverUrl: origin,
      apiBase,
      mailboxUrl: service.mailbox ? `${origin}/dev/mailbox` : undefined,
      resetUrl: config.resetUrl,
      dataDir,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      config,
      service,
      close() {
        closing ??= Promise.allSettled([closeServer(pageServer), service.close()]).then((results) => {
          const failed = results.find((result) => result.status === 'rejected');
          if (failed) throw failed.reason;
        });
        return closing;
      },
    };
  } catch (error) {
    await Promise.allSettled([closeServer(pageServer), service?.close()]);
    throw error;
  }
}
