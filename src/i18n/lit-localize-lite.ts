// The script-tag bundle's @lit/localize (vite.config.ts aliases `@lit/localize` here for Vite
// builds and the demo server). The bundle's msg() is the widget's own lookup, called with
// explicit ids, so @lit/localize's default msg, id hashing and locale-status machinery would ship
// unused, and there is nothing to install (src/i18n/install-msg.ts is left out too). The npm
// package and the tests use the real @lit/localize.
import { localizedMsg } from './localization.js';

/** @lit/localize's msg(), as the widget's lookup. */
export const msg = localizedMsg as typeof import('@lit/localize').msg;

/** @lit/localize's str``: records its arguments, as the real tag does. */
export const str = (strings: TemplateStringsArray, ...values: unknown[]) => ({ strTag: true as const, strings, values });
