// Wires @lit/localize's msg() to the widget's per-element lookup (./localization.ts) for the npm
// package and the tests; imported for its side effect only (package.json "sideEffects").
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { localizedMsg } from './localization.js';

// Makes @lit/localize's msg() this widget's lookup (npm package and tests; the script-tag bundle
// has its own msg() and leaves this module out: src/i18n/lit-localize-lite.ts). @lit/localize is
// configured once per copy: when the page's app has configured the copy it shares with us, the
// widget speaks English rather than break the app.
try {
  _installMsgImplementation(localizedMsg as Parameters<typeof _installMsgImplementation>[0]);
} catch {
  console.warn('login-help: @lit/localize is already configured on this page; showing English. dist/login-help.js has its own copy.');
}
