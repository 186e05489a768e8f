// A failed try, reduced once for everything downstream: it crosses from the SMTP thread to the
// main thread, becomes `last_error` and a log line, and must never carry a message body or more
// than the mail server's first line.

/** A failed try as it crosses threads. */
export interface Failure {
  message: string;
  code?: string;
  responseCode?: number;
}

/** The SMTP code, the error code and the first line of the message, from an error or a Failure. */
export function toFailure(error: unknown): Failure {
  const e = error as { responseCode?: unknown; code?: unknown; message?: unknown } | undefined;
  return {
    message: String(e?.message ?? error).split('\n', 1)[0]?.slice(0, 200) ?? '',
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(typeof e?.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
  };
}

/** A short, safe description of a delivery failure (SMTP code and first line only). */
export function describeFailure(error: unknown): string {
  const { responseCode, code, message } = toFailure(error);
  return [responseCode, code, message].filter((part) => part !== undefined && part !== '').join(' ');
}
