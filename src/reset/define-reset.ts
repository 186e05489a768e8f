// Registers <login-help-reset> once: the side effect that reset/index.ts (its public API) must not have.
import { LoginHelpReset } from './login-help-reset.js';

/**
 * Registers `<login-help-reset>` once. Loading its bundle twice, or the bundle and the npm
 * package, must not throw: a tag already defined is left alone (with a note when another copy owns it).
 */
export function defineLoginHelpReset(): void {
  const existing = customElements.get('login-help-reset');
  if (!existing) customElements.define('login-help-reset', LoginHelpReset);
  else if (existing !== LoginHelpReset) console.info('login-help: <login-help-reset> is already defined by another copy; keeping that one.');
}

defineLoginHelpReset();
