// The demo page: start the mock backend, then define the elements (so no submit can beat the
// worker), then log every login-help-* event the panel fires.
import type { LoginHelpErrorDetail, LoginHelpSentDetail } from '../src/events.js';
import { mockBackendStarted } from './mock-backend.js';

const EVENT_TYPES = ['login-help-request', 'login-help-sent', 'login-help-not-found', 'login-help-error'] as const;

function element<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`login-help demo: ${selector} is missing from the page`);
  return found;
}

const log = element<HTMLOListElement>('#event-log');
const empty = element<HTMLParagraphElement>('#event-log-empty');
const clear = element<HTMLButtonElement>('#event-log-clear');

function showEmptyState(): void {
  const isEmpty = log.childElementCount === 0;
  empty.hidden = !isEmpty;
  log.hidden = isEmpty;
  clear.disabled = isEmpty;
}

/** One log line: the event type and the parts of its detail that tell outcomes apart. */
function logEvent(event: Event): void {
  const detail = (event as CustomEvent<Partial<LoginHelpSentDetail & LoginHelpErrorDetail>>).detail ?? {};
  const { form, reason, accepted, status } = detail;
  const item = document.createElement('li');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString('en', { hour12: false });
  const type = document.createElement('code');
  type.className = 'event-type';
  type.textContent = event.type;
  const summary = document.createElement('code');
  summary.className = 'event-detail';
  // JSON.stringify leaves out whatever this event does not carry; one space after each `,` and
  // `:` (still JSON) lets a long line wrap between fields rather than inside a value.
  summary.textContent = JSON.stringify({ form, reason, accepted, status }, null, 1).replace(/\n\s*/g, ' ');
  item.append(time, ' ', type, ' ', summary);
  log.append(item);
  log.scrollTop = log.scrollHeight;
  showEmptyState();
}

element<HTMLElement>('#mock-failed').hidden = mockBackendStarted;
for (const type of EVENT_TYPES) element<HTMLElement>('login-help').addEventListener(type, logEvent);
clear.addEventListener('click', () => {
  log.replaceChildren();
  showEmptyState();
});
showEmptyState();

await import('../src/define.js');
