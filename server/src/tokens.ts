// Reset tokens: 256 random bits, handed out once in the email link and stored only as a hash.
import { createHash, randomBytes } from 'node:crypto';

/** A new reset token (43 URL-safe characters, 256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, hex. A token is random, so no salt is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when `text` looks like a token we issued (so garbage never reaches a query). */
export function isTokenShaped(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

/** The link of the "Reset Your Password" email: the token in the fragment, never sent to a server log. */
export function resetLink(resetUrl: string, token: string): string {
  const url = new URL(resetUrl);
  url.hash = `token=${token}`;
  return url.toString();
}
