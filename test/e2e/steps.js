// Steps and checks the cases share: typing and submitting like a person, counting what reached
// the backend, and reading what the page's init script recorded (see WATCH_PAGE in run.js).
import { check, equal, sleep, until } from './harness.js';
import { env } from './env.js';
import { emailField, passwordForm, requestedByField, submitButton, userNameField, usernameForm } from './ui.js';

/** Types the Clinic Email and presses Submit. `scope` is the page or one `<login-help>`. */
export async function submitUsername(scope, email) {
  const form = usernameForm(scope);
  await emailField(scope).fill(email);
  await submitButton(form).click();
  return form;
}

/** Types User Name and Requested By and presses Submit. */
export async function submitPassword(scope, userName, requestedBy) {
  const form = passwordForm(scope);
  await userNameField(scope).fill(userName);
  await requestedByField(scope).fill(requestedBy);
  await submitButton(form).click();
  return form;
}

/**
 * Waits until exactly `count` POSTs to `path` arrived (and no more during `settleMs`), and that
 * they are all the POSTs the backend saw.
 */
export async function expectPosts(path, count, settleMs = 150) {
  const seen = () => env.backend.posts(path).length;
  await until(() => seen() >= count, `expected ${count} POST ${path}, got ${seen()}`);
  await sleep(settleMs);
  equal(seen(), count, `number of POST ${path}`);
  equal(env.backend.posts().length, count, 'number of POSTs to the backend in all');
  return env.backend.posts(path);
}

/** Nothing at all reached the backend (not even a preflight) during `settleMs`. */
export async function expectNothingSent(settleMs = 300) {
  await sleep(settleMs);
  equal(env.backend.requests.length, 0, 'requests that reached the backend');
}

export function expectBody(post, expected) {
  check(post.bodyError === null && post.body && typeof post.body === 'object', `request body is not a JSON object: ${JSON.stringify(post.rawBody)}`);
  const keys = Object.keys(post.body).sort();
  equal(JSON.stringify(keys), JSON.stringify(Object.keys(expected).sort()), 'request body keys');
  for (const [key, value] of Object.entries(expected)) equal(post.body[key], value, `request body "${key}"`);
}

export async function expectValue(field, expected, what) {
  equal(await field.inputValue(), expected, `${what} kept`);
}

/** What the init script recorded on the page: `rejections`, `csp`, `alerts`, `events`, `pwned`. */
export const recorded = (page) =>
  page.evaluate(() => ({
    rejections: globalThis.__rejections ?? null,
    csp: globalThis.__csp ?? null,
    alerts: globalThis.__alerts ?? null,
    events: globalThis.__events ?? null,
    pwned: globalThis.__pwned,
  }));

/** The `login-help-*` events seen so far, as `type` or `type:reason` strings. */
export async function eventNames(page) {
  const { events } = await recorded(page);
  return events.map((event) => (event.reason ? `${event.type}:${event.reason}` : event.type));
}
