// The host pages the benchmarks load. Plain HTML, like a CMS page.

const head = (title, extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title}</title>${extra}</head>`;

/** Page text around the widget, so that a late panel pushes visible content down. */
const ABOVE = '<header><h1>Clinic portal</h1><p>Sign in to see your appointments, invoices and lab results.</p></header>';
const BELOW =
  '<footer><h2>Opening hours</h2><p>Monday to Friday 8:00–18:00, Saturday 9:00–13:00.</p>' +
  '<p>Emergencies: call the clinic. This text sits below the Login Help panel.</p></footer>';

/** (a) The widget from the script-tag bundle. */
export const bundlePage = () =>
  head('bench: bundle', '<script type="module" src="/dist/login-help.js"></script>') +
  `<body>${ABOVE}<main><login-help endpoint="/api"></login-help></main>${BELOW}</body></html>`;

/** (a) Baseline: the same headings, texts and fields as plain HTML, no script. */
export const baselinePage = () =>
  head('bench: plain HTML form') +
  `<body>${ABOVE}<main><section><h2>Login Help</h2>` +
  '<p>You can reset your own password, but if you are having issues, we can help!</p>' +
  '<p>You can select from two options for login help: user help or password help.</p>' +
  '<h3>Option 1) User name help</h3><form action="/api/forgot-username" method="post" aria-label="Forgot User Name?">' +
  '<h4>Forgot User Name?</h4><label for="email">Clinic Email *</label> <input id="email" name="email" type="email" required maxlength="254"> ' +
  '<button type="submit">Submit</button></form>' +
  '<h3>Option 2) Password help</h3><form action="/api/password-help" method="post" aria-label="Password Help?">' +
  '<h4>Password Help?</h4><label for="user">User Name *</label> <input id="user" name="userName" required maxlength="200"> ' +
  '<label for="by">Requested By *</label> <input id="by" name="requestedBy" required maxlength="200"> ' +
  `<button type="submit">Submit</button></form></section></main>${BELOW}</body></html>`;

/** (b) An empty page with the bundle: the cycles create and remove the elements. */
export const cyclePage = () =>
  head('bench: create/remove cycles', '<script type="module" src="/dist/login-help.js"></script>') + '<body><main id="host"></main></body></html>';

/** The recipe that reserves the panel's height until the element is defined. */
export const reservationCss = (desktopPx, narrowPx, narrowMaxWidth) =>
  `login-help:not(:defined) { display: block; min-block-size: ${desktopPx}px; }\n` +
  `@media (max-width: ${narrowMaxWidth}px) { login-help:not(:defined) { min-block-size: ${narrowPx}px; } }`;

/** Sums layout shifts (CLS as a plain sum; no input happens on these pages). */
const CLS_OBSERVER =
  '<script>globalThis.__cls = 0; globalThis.__shifts = 0;' +
  "new PerformanceObserver((list) => { for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { globalThis.__cls += entry.value; globalThis.__shifts += 1; } } })" +
  ".observe({ type: 'layout-shift', buffered: true });</script>";

/** (c) The bundle arrives late (`/late/…`); `css` is the page's own style sheet, if any. */
export const latePage = (css = '') =>
  head('bench: late script', `${CLS_OBSERVER}${css ? `<style>${css}</style>` : ''}<script type="module" src="/late/login-help.js"></script>`) +
  `<body>${ABOVE}<main><login-help endpoint="/api"></login-help></main>${BELOW}</body></html>`;
