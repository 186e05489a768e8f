// The development mailbox (`/dev/mailbox`): where mail goes when no SMTP_URL is set. A page lists
// each message with its links clickable; `/dev/mailbox/messages` gives the same as JSON for
// scripts and tests; `/dev/mailbox/:id/html` shows a message's HTML part in a sandbox.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { escapeHtml, linkify } from '../html/escape.js';
import { mailboxRaw, type DevMailbox, type MailboxMessage } from '../mail/transport.js';

// img-src data: for the empty icon: without one, Firefox asks for /favicon.ico, which the policy
// refuses with a CSP violation on every load (the seed in Firefox, issue 25).
const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// An email's HTML has inline styles and nothing else: no script, no remote images, in a sandbox.
const MESSAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-popups allow-popups-to-escape-sandbox; base-uri 'none'";

const STYLES = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem}article{border:1px solid #b1b4b6;border-radius:.25rem;margin:1rem 0;padding:1rem}
h2{font-size:1.2rem;margin:0 0 .5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f2f1;padding:1rem;margin:0}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}pre{background:#222}a{color:#8cb4ff}}`;

function messageHtml(message: MailboxMessage): string {
  return `<article aria-labelledby="m${message.id}">
<h2 id="m${message.id}">${escapeHtml(message.subject)}</h2>
<dl>
<dt>From</dt><dd>${escapeHtml(message.from)}</dd>
<dt>To</dt><dd>${escapeHtml(message.to)}</dd>
<dt>Date</dt><dd><time datetime="${message.date.toISOString()}">${escapeHtml(message.date.toUTCString())}</time></dd>
<dt>Language</dt><dd>${escapeHtml(message.locale)}</dd>
<dt>Message-ID</dt><dd>${escapeHtml(message.messageId)}</dd>
</dl>
<pre lang="${escapeHtml(message.locale)}" dir="auto">${linkify(message.text)}</pre>
<p><a href="/dev/mailbox/${message.id}/html">View the HTML version</a> · <a href="/dev/mailbox/${message.id}/raw">View the raw message</a></p>
</article>`;
}

function page(messages: MailboxMessage[]): string {
  const list = messages.length === 0 ? '<p>No messages yet. Submit a form on the demo page and reload.</p>' : messages.map(messageHtml).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Development mailbox (${messages.length})</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dev/mailbox.css">
</head>
<body>
<main>
<h1>Development mailbox</h1>
<p>Every email login-help-server sends arrives here while no <code>SMTP_URL</code> is set. Newest first; kept in memory until the service stops.</p>
${list}
</main>
</body>
</html>`;
}

function html(reply: FastifyReply, csp: string, body: string): FastifyReply {
  return reply.header('Content-Security-Policy', csp).type('text/html; charset=utf-8').send(body);
}

/** True for a client on this machine. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** The mailbox's routes. */
export function devMailboxRoutes(mailbox: DevMailbox): FastifyPluginAsync {
  return async (app) => {
    // The messages hold live reset links: only a browser on this machine may read them, even
    // when the service listens on every interface or sits behind a reverse proxy.
    app.addHook('onRequest', async (request, reply) => {
      const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
      if (proxied || !isLoopback(request.socket.remoteAddress ?? '')) {
        return reply.code(404).type('application/json; charset=utf-8').send({ status: 'no_such_endpoint' });
      }
      return undefined;
    });
    app.get('/dev/mailbox', async (_request, reply) => html(reply, PAGE_CSP, page(mailbox.list())));
    app.get('/dev/mailbox.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(STYLES));
    app.get('/dev/mailbox/messages', async () => ({
      messages: mailbox.list(),
    }));
    app.get<{ Params: { id: string } }>('/dev/mailbox/:id/html', async (request, reply) => {
      const message = mailbox.get(Number(request.params.id));
      if (!message) return reply.code(404).type('text/plain; charset=utf-8').send('No such message.');
      return html(reply, MESSAGE_CSP, message.html);
    });
    app.get<{ Params: { id: string } }>('/dev/mailbox/:id/raw', async (request, reply) => {
      const message = mailbox.get(Number(request.params.id));
      if (!message) return reply.code(404).type('text/plain; charset=utf-8').send('No such message.');
      return reply.type('text/plain; charset=utf-8').send(await mailboxRaw(message));
    });
  };
}
