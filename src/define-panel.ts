// Registers the panel's three tags, once and without throwing when another copy got there first:
// the side effect that index.ts (the public API) must not have.
import { LoginHelpPassword } from './forms/login-help-password.js';
import { LoginHelpUsername } from './forms/login-help-username.js';
import { LoginHelp } from './login-help.js';

const TAGS = {
  'login-help': LoginHelp,
  'login-help-username': LoginHelpUsername,
  'login-help-password': LoginHelpPassword,
} as const;

/**
 * Registers every tag once. Loading the bundle twice, or the bundle and the npm package, must
 * not throw: a tag that is already defined is left alone (with a note when another copy owns it).
 */
export function defineLoginHelp(): void {
  for (const [tag, element] of Object.entries(TAGS)) {
    const existing = customElements.get(tag);
    if (!existing) customElements.define(tag, element);
    else if (existing !== element) console.info(`login-help: <${tag}> is already defined by another copy; keeping that one.`);
  }
}

defineLoginHelp();
