// Turns an email, described once as a list of blocks, into its plain-text and HTML parts, so the
// two always say the same thing. Every value is cleaned of line breaks and bidi controls; in HTML
// every character of a message (template and value) is escaped, and each value is isolated in
// <bdi> so a Latin name stays readable inside Arabic text and an Arabic name inside English.

/** Values for a message's `{placeholder}`s. */
export type Values = Readonly<Record<string, string>>;

/** A message from a catalog with the values for its placeholders. */
export interface Line {
  template: string;
  values?: Values;
}

/** One piece of an email, top to bottom. */
export type Block =
  | { kind: 'paragraph'; line: Line }
  /** A heading line and the lines listed under it (a practice and its user names). */
  | { kind: 'group'; heading: Line; items: Line[] }
  /** A prominent link (HTML: a button) followed by the URL as text, on its own line. */
  | { kind: 'link'; label: string; before: string; fallback: string; url: string }
  | { kind: 'footer'; line: Line };

export interface Composed {
  subject: string;
  text: string;
  html: string;
  locale: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in a double- or single-quoted attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/**
 * A value as shown: line breaks and other control characters become a space (a value cannot add
 * lines to the text part), and bidi embedding/override/isolate controls are dropped (a value
 * cannot reorder the text around it).
 */
// eslint-disable-next-line no-control-regex
const cleanValue = (value: string): string => value.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message with its values, in one pass (a value holding `{email}` stays as typed). */
function fillText({ template, values = {} }: Line): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? cleanValue(values[name] ?? '') : whole));
}

function fillHtml({ template, values = {} }: Line): string {
  let html = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, name = ''] = match;
    html += escapeHtml(template.slice(last, match.index));
    html += name in values ? `<bdi>${escapeHtml(cleanValue(values[name] ?? ''))}</bdi>` : escapeHtml(whole);
    last = match.index + whole.length;
  }
  return html + escapeHtml(template.slice(last));
}

function textOf(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return fillText(block.line);
    case 'group':
      return [fillText(block.heading), ...block.items.map((item) => `  - ${fillText(item)}`)].join('\n');
    case 'link':
      return `${block.before}\n${block.url}`;
    case 'footer':
      return `-- \n${fillText(block.line)}`;
  }
}

const FONT = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328";
const P = 'margin:0 0 16px';

function htmlOf(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${P}">${fillHtml(block.line)}</p>`;
    case 'group':
      return (
        `<p style="margin:0 0 4px;font-weight:bold">${fillHtml(block.heading)}</p>` +
        `<ul style="margin:0 0 16px;padding:0 24px">${block.items.map((item) => `<li>${fillHtml(item)}</li>`).join('')}</ul>`
      );
    case 'link': {
      const href = escapeHtml(block.url);
      return (
        `<p style="${P}">${escapeHtml(block.before)}</p>` +
        `<p style="margin:0 0 24px"><a href="${href}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:#0b5cad;color:#ffffff;font-weight:bold;text-decoration:none">${escapeHtml(block.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:14px;color:#57606a">${escapeHtml(block.fallback)}<br><span dir="ltr" style="word-break:break-all;color:#1f2328">${href}</span></p>`
      );
    }
    case 'footer':
      return `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #d0d7de;font-size:13px;color:#57606a">${fillHtml(block.line)}</p>`;
  }
}

/** The email's two parts: plain text, and a small self-contained HTML document. */
export function compose(locale: string, dir: 'ltr' | 'rtl', subject: string, blocks: readonly Block[]): Composed {
  const text = `${subject}\n\n${blocks.map(textOf).join('\n\n')}\n`;
  const align = dir === 'rtl' ? 'right' : 'left';
  const html = [
    '<!doctype html>',
    `<html lang="${escapeHtml(locale)}" dir="${dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      `<meta name="color-scheme" content="light"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #d0d7de;border-radius:8px"><tr><td dir="${dir}" style="padding:24px;text-align:${align};${FONT}">`,
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${escapeHtml(subject)}</h1>`,
    ...blocks.map(htmlOf),
    '</td></tr></table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html, locale };
}
