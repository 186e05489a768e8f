// What every case file shares: the running servers and browser (filled in by run.js before any
// case runs) and the few constants of the setup.

export const SUPPORT_EMAIL = 'support@clinic.example';
export const USERNAME_PATH = '/api/forgot-username';
export const PASSWORD_PATH = '/api/password-help';
/** The plain host page (run.js serves it): one `<login-help>` with `endpoint` and `support-email`. */
export const MAIN_PAGE = '/';

/** `browser`, `backend` (backend-server.js), `pages` (page-server.js), `deadPort`. */
export const env = { browser: null, backend: null, pages: null, deadPort: null };

/** The URL of a host page registered by a case file's `pages()`. */
export const pageUrl = (path) => env.pages.url(path);
