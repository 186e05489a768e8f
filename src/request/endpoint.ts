// Where each panel form posts: its own action attribute, else a path under `endpoint`; and which
// attribute to name when neither is usable.
import type { FormKind } from './outcome.js';
import { httpUrl, joinPath } from './request-core.js';

/** The path each form posts to under `endpoint` (SPEC §4). */
export const FORM_PATHS: Record<FormKind, string> = {
  username: 'forgot-username',
  password: 'password-help',
};

/** Where a form's request goes, or which attribute is to blame when it cannot go anywhere. */
export type Target = { url: URL } | { problem: 'endpoint' | 'username-action' | 'password-action'; value: string };

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
  const url = httpUrl(base, pageUrl);
  return url ? { url: joinPath(url, FORM_PATHS[form]) } : { problem: 'endpoint', value: base };
}
