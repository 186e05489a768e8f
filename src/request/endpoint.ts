import type { FormKind } from './outcome.js';

/** The path each form posts to under `endpoint` (SPEC §4). */
export const FORM_PATHS: Record<FormKind, string> = {
  username: 'forgot-username',
  password: 'password-help',
};

/** Where a form's request goes, or which attribute is to blame when it cannot go anywhere. */
export type Target = { url: URL } | { problem: 'endpoint' | 'username-action' | 'password-action'; value: string };

function httpUrl(value: string, base: string): URL | undefined {
  try {
    const url = new URL(value, base);
    // fetch() refuses a URL with a user name or password in it: that is a setup error, not a network one.
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves a form's request URL against the page: the form's own action when set, else
 * `{endpoint}/{path}` with exactly one slash between, whatever the base ends with.
 */
export function resolveTarget(
  form: FormKind,
  endpoint: string | undefined,
  action: string | undefined,
  pageUrl: string,
): Target {
  const actionAttribute = form === 'username' ? 'username-action' : 'password-action';
  const actionValue = action?.trim();
  if (actionValue) {
    const url = httpUrl(actionValue, pageUrl);
    return url ? { url } : { problem: actionAttribute, value: actionValue };
  }
  const base = endpoint?.trim() ?? '';
  const url = base ? httpUrl(base, pageUrl) : undefined;
  if (!url) return { problem: 'endpoint', value: base };
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${FORM_PATHS[form]}`;
  url.hash = '';
  return { url };
}
