// Lone UTF-16 surrogates make encodeURIComponent throw a URIError; a person can paste one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces lone surrogates with U+FFFD so the text can always be percent-encoded. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Builds `mailto:{address}?subject=…&body=…`. The address must already be a plain one
 * (see `plainSupportAddress`); subject and body may hold anything a person typed: every
 * character that could end a parameter or start a header (`&`, `=`, `?`, CR, LF, `%`) is encoded.
 * Line breaks in the body become CRLF, as RFC 6068 asks.
 */
export function buildMailto(address: string, subject: string, body: string): string {
  const crlfBody = body.replace(/\r\n|\r|\n/g, '\r\n');
  return `mailto:${address}?subject=${encodeURIComponent(wellFormed(subject))}&body=${encodeURIComponent(wellFormed(crlfBody))}`;
}
