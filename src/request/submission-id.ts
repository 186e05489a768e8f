/**
 * A random RFC 4122 version-4 UUID. `crypto.randomUUID` exists only in secure contexts, and a
 * clinic's intranet page may be plain http, so build it from `getRandomValues`, which is always there.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// What a backend's X-Request-Id may look like before we put it in an e-mail body.
const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The backend's request id when it is a short, plain token; otherwise `undefined`. */
export function usableRequestId(value: string | null): string | undefined {
  return value && REQUEST_ID.test(value) ? value : undefined;
}
