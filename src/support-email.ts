// Which support address may become a mailto: link: only a plain name@domain, from the page or the
// backend.
/** Longest address a mail system accepts (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

// A plain `name@domain.tld`: nothing that could add mailto header fields (`?`, `&`), change the
// scheme (`:`), or split lines. Deliberately narrower than RFC 5322.
const PLAIN_ADDRESS = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * Returns the address when it is safe to put behind `mailto:` as is, otherwise `undefined`.
 * Used for the `support-email` attribute and for `supportEmail` in a backend answer.
 */
export function plainSupportAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length > MAX_EMAIL_LENGTH || value.includes('%')) return undefined;
  return PLAIN_ADDRESS.test(value) ? value : undefined;
}
