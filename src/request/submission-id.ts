// The ids a submission carries: the idempotency key (a UUID that works on plain http too) and
// the backend's X-Request-Id when it is usable in a support email.
/**
 * A random RFC 4122 version-4 UUID. `crypto.randomUUID` exists only in secure contexts, and a
 * clinic's intranet page may be plain http, so build it from `getRandomValues`, which is always
 * there: each `0` and `1` of the pattern becomes a random hex digit, each `8` one of 8, 9, a, b
 * (the variant), and the `4` (the version) stays.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(31));
  let next = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (Number(digit) ^ ((bytes[next++] ?? 0) & (15 >> (Number(digit) / 4)))).toString(16),
  );
}

// What a backend's X-Request-Id may look like before we put it in an e-mail body.
const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The backend's request id when it is a short, plain token; otherwise `undefined`. */
export function usableRequestId(value: string | null): string | undefined {
  return value && REQUEST_ID.test(value) ? value : undefined;
}
