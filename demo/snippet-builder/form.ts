// The builder's form, made with DOM calls only (no markup strings, no inline style), so the
// page runs under `script-src 'self'; style-src 'self'` and Trusted Types alike. Field markup
// follows GOV.UK Frontend: label, hint, an error message starting with a visually hidden
// "Error:", and `aria-describedby` naming the hint and, while it shows, the error.
import { LOCALE_NAMES, THEMES } from '../demo-settings.js';
import { SLOT_NAMES, type BuilderTexts } from './texts.js';

type Child = Node | string;

/** `document.createElement` with properties/attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/** One text-like field: label, hint, (hidden) error message, control. */
export interface Field {
  key: string;
  group: HTMLDivElement;
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  hintId: string | undefined;
  error: HTMLParagraphElement;
  /** Advice under the field that is not an error (the brand colour's contrast). */
  advice: HTMLParagraphElement;
}

function field(
  key: string,
  label: string,
  hint: string | undefined,
  control: Field['control'],
  errorPrefix: string,
): Field {
  const id = `sb-${key}`;
  const hintId = hint ? `${id}-hint` : undefined;
  control.id = id;
  control.name = key;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  const error = h('p', { class: 'sb-error-message', id: `${id}-error`, hidden: true });
  error.dataset.prefix = errorPrefix;
  const advice = h('p', { class: 'sb-advice', id: `${id}-advice`, hidden: true });
  const group = h(
    'div',
    { class: 'sb-field' },
    h('label', { class: 'sb-label', for: id }, label),
    ...(hint ? [h('p', { class: 'sb-hint', id: hintId }, hint)] : []),
    error,
    control,
    advice,
  );
  return { key, group, control, hintId, error, advice };
}

const textInput = (attributes: Record<string, string | boolean> = {}) =>
  h('input', { type: 'text', class: 'sb-input', spellcheck: 'false', autocomplete: 'off', ...attributes });

function radios(name: string, legend: string, choices: [value: string, label: string, hint?: string][], checked: string): HTMLFieldSetElement {
  const items = choices.map(([value, label, hint]) => {
    const id = `sb-${name}-${value || 'none'}`;
    const input = h('input', { type: 'radio', class: 'sb-radio-input', id, name, value, checked: value === checked });
    if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
    return h(
      'div',
      { class: 'sb-radio' },
      input,
      h('label', { class: 'sb-radio-label', for: id }, label),
      ...(hint ? [h('p', { class: 'sb-hint sb-radio-hint', id: `${id}-hint` }, hint)] : []),
    );
  });
  return h('fieldset', { class: 'sb-fieldset sb-fieldset--inner' }, h('legend', { class: 'sb-legend sb-legend--small' }, legend), ...items);
}

/** The whole form; `fields` maps each key to its field, for errors and reading values. */
export function buildForm(texts: BuilderTexts): { form: HTMLFormElement; fields: Map<string, Field>; summary: HTMLDivElement } {
  const fields = new Map<string, Field>();
  const add = (one: Field) => {
    fields.set(one.key, one);
    return one.group;
  };
  const optional = (label: string) => `${label} ${texts.optional}`;

  const summaryList = h('ul', { class: 'sb-error-summary-list' });
  const summary = h(
    'div',
    { class: 'sb-error-summary', id: 'sb-error-summary', tabindex: '-1', hidden: true, 'aria-labelledby': 'sb-error-summary-title' },
    h('h2', { class: 'sb-error-summary-title', id: 'sb-error-summary-title' }, texts.errorSummaryTitle),
    summaryList,
  );

  const language = h('select', { class: 'sb-select' });
  language.add(new Option(texts.languageFollowPage, ''));
  const names = languageNames(document.documentElement.lang || 'en');
  for (const [code, ownName] of Object.entries(LOCALE_NAMES)) {
    language.add(new Option(texts.languageOption(names(code) ?? ownName, ownName), code));
  }
  const headingLevel = h('select', { class: 'sb-select sb-select--short' });
  for (let level = 1; level <= 6; level++) headingLevel.add(new Option(texts.headingLevelOption(level), String(level), level === 2, level === 2));

  const themeLabels: Record<(typeof THEMES)[number], [string, string?]> = {
    light: [texts.themeLight],
    dark: [texts.themeDark],
    auto: [texts.themeAuto, texts.themeAutoHint],
  };

  const form = h(
    'form',
    { class: 'sb-form', novalidate: true, 'aria-labelledby': 'sb-title' },
    summary,
    h(
      'fieldset',
      { class: 'sb-fieldset' },
      h('legend', { class: 'sb-legend' }, texts.connectionLegend),
      add(field('endpoint', texts.endpointLabel, texts.endpointHint, textInput({ inputmode: 'url', value: '/api/login-help' }), texts.errorPrefix)),
      add(field('support-email', optional(texts.supportEmailLabel), texts.supportEmailHint, textInput({ type: 'email' }), texts.errorPrefix)),
      add(field('base-url', optional(texts.baseUrlLabel), texts.baseUrlHint, textInput({ inputmode: 'url' }), texts.errorPrefix)),
    ),
    h(
      'fieldset',
      { class: 'sb-fieldset' },
      h('legend', { class: 'sb-legend' }, texts.lookLegend),
      add(field('lang', texts.languageLabel, texts.languageHint, language, texts.errorPrefix)),
      radios('theme', texts.themeLegend, [['', texts.themeNone, texts.themeNoneHint], ...THEMES.map((theme): [string, string, string?] => [theme, ...themeLabels[theme]])], ''),
      add(field('colour', optional(texts.colourLabel), texts.colourHint, textInput(), texts.errorPrefix)),
      add(field('heading-level', texts.headingLevelLabel, texts.headingLevelHint, headingLevel, texts.errorPrefix)),
    ),
    radios('show', texts.showLegend, [['both', texts.showBoth], ['username', texts.showUsername], ['password', texts.showPassword]], 'both'),
    h(
      'fieldset',
      { class: 'sb-fieldset', 'aria-describedby': 'sb-wording-hint' },
      h('legend', { class: 'sb-legend' }, optional(texts.wordingLegend)),
      h('p', { class: 'sb-hint', id: 'sb-wording-hint' }, texts.wordingHint),
      ...SLOT_NAMES.map((name) => {
        const long = name === 'intro' || name.endsWith('not-found');
        const control = long ? h('textarea', { class: 'sb-textarea', rows: '3', spellcheck: 'true' }) : textInput({ spellcheck: 'true' });
        return add(field(`slot-${name}`, texts.slotLabels[name], undefined, control, texts.errorPrefix));
      }),
      h(
        'div',
        { class: 'sb-checkbox' },
        h('input', { type: 'checkbox', class: 'sb-checkbox-input', id: 'sb-ascii', name: 'ascii', checked: true, 'aria-describedby': 'sb-ascii-hint' }),
        h('label', { class: 'sb-checkbox-label', for: 'sb-ascii' }, texts.asciiLabel),
        h('p', { class: 'sb-hint sb-checkbox-hint', id: 'sb-ascii-hint' }, texts.asciiHint),
      ),
    ),
  );
  // Nothing to submit: the snippet follows the fields as they change.
  form.addEventListener('submit', (event) => event.preventDefault());
  return { form, fields, summary };
}

/** A language's name in the page's language, when the browser knows it. */
function languageNames(pageLang: string): (code: string) => string | undefined {
  try {
    const names = new Intl.DisplayNames([pageLang], { type: 'language' });
    return (code) => names.of(code);
  } catch {
    return () => undefined;
  }
}

/** Shows or clears one field's error, GOV.UK style; returns whether it changed. */
export function showError(one: Field, message: string | undefined): boolean {
  const shown = one.error.hidden ? undefined : one.error.dataset.message;
  if (shown === message) return false;
  one.group.classList.toggle('sb-field--error', message !== undefined);
  one.error.hidden = message === undefined;
  one.error.dataset.message = message ?? '';
  one.error.replaceChildren(...(message ? [h('span', { class: 'sb-visually-hidden' }, `${one.error.dataset.prefix} `), message] : []));
  if (message) one.control.setAttribute('aria-invalid', 'true');
  else one.control.removeAttribute('aria-invalid');
  describe(one);
  return true;
}

/** Shows or clears advice under a field (not an error: the value is still used). */
export function showAdvice(one: Field, message: string | undefined): void {
  one.advice.hidden = message === undefined;
  one.advice.textContent = message ?? '';
  describe(one);
}

function describe(one: Field): void {
  const ids = [one.hintId, one.error.hidden ? undefined : one.error.id, one.advice.hidden ? undefined : one.advice.id].filter(Boolean);
  if (ids.length) one.control.setAttribute('aria-describedby', ids.join(' '));
  else one.control.removeAttribute('aria-describedby');
}
