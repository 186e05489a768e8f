// Takes the reset token out of the page address (fragment or query) so it leaves the address
// bar and the history at once.
/** The reset token taken out of a page address, and the address without it. */
export interface TokenInUrl {
  token?: string;
  /** The same address without any `token` parameter; every other part kept as written. */
  href: string;
}

const PARAMETER = /(^|&)token(=[^&]*)?(?=&|$)/g;

/**
 * Reads the reset token from a page address: the fragment (`#token=…`, what the email links to)
 * first, then the query (`?token=…`). Returns the address without it, for
 * `history.replaceState`, so the token leaves the address bar, the history and any later
 * Referer. An empty value counts as no token.
 */
export function takeTokenFromUrl(href: string): TokenInUrl {
  const url = new URL(href);
  let token: string | undefined;
  for (const part of ['hash', 'search'] as const) {
    const list = url[part].slice(1);
    token ||= new URLSearchParams(list).get('token') || undefined;
    // Only the token pairs go; the others stay byte for byte (no re-encoding by URLSearchParams).
    url[part] = list.replace(PARAMETER, '').replace(/^&/, '');
  }
  return token === undefined ? { href: url.href } : { token, href: url.href };
}
