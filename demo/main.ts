// The demo page: start the mock backend, then define the elements (so no submit can beat the
// worker), then log every login-help-* event the panel fires. The Language and Theme selects set
// the panel's lang and theme attributes and keep them in the URL (?lang=es&theme=dark).
import type { LoginHelpErrorDetail, LoginHelpSentDetail } from '../src/events.js';
import { isLocale, isTheme, LOCALE_NAMES, setAttributeOn, settingsFromUrl, settingsToUrl } from './demo-settings.js';
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

const panel = element<HTMLElement>('login-help');
const langSelect = element<HTMLSelectElement>('#demo-lang');
const themeSelect = element<HTMLSelectElement>('#demo-theme');

for (const [code, name] of Object.entries(LOCALE_NAMES)) {
  const option = new Option(name, code);
  option.lang = code; // so a screen reader says "Español" in Spanish
  langSelect.add(option);
}

/** The selects' current choice: null for English / "Follow the page". */
function chosen() {
  const lang = isLocale(langSelect.value) ? langSelect.value : null;
  const theme = isTheme(themeSelect.value) ? themeSelect.value : null;
  return { lang, theme };
}

function apply(): void {
  const { lang, theme } = chosen();
  setAttributeOn([panel], 'lang', lang ?? 'en');
  setAttributeOn([panel], 'theme', theme);
}

// Before the tags are defined, so the panel renders in the asked state from the start.
const fromUrl = settingsFromUrl();
langSelect.value = fromUrl.lang ?? 'en';
themeSelect.value = fromUrl.theme ?? '';
apply();
for (const select of [langSelect, themeSelect]) {
  select.addEventListener('change', () => {
    apply();
    settingsToUrl(chosen());
  });
}

element<HTMLElement>('#mock-failed').hidden = mockBackendStarted;
for (const type of EVENT_TYPES) panel.addEventListener(type, logEvent);
clear.addEventListener('click', () => {
  log.replaceChildren();
  showEmptyState();
});
showEmptyState();

await import('../src/define.js');
