// Retry-After in seconds, so a rate limit or a pause can say how long to wait; pure, for
// fast-check properties.
/**
 * Reads an HTTP `Retry-After` value (delay-seconds or an HTTP-date) as whole seconds from `now`.
 * Returns `undefined` for a missing or unreadable value so the caller can fall back to vague
 * wording instead of inventing a wait.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds : undefined;
  }
  // Date.parse accepts far more than HTTP-dates ("1", "tomorrow"-like fragments); require a
  // weekday-less or weekday-led date that at least names a year and a time.
  if (!/\d{4}/.test(text) || !/\d{1,2}:\d{2}/.test(text)) return undefined;
  const when = Date.parse(text);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, Math.ceil((when - now) / 1000));
}
