/// <reference types="vite/client" />
// The snippet builder page (dist/snippet-builder.html, demo/snippet-builder.html): the form, the
// real <login-help> as a preview (from the login-help.js loaded by the page's own script tag),
// and the HTML and CSS to copy. No markup strings, no inline style: it runs under
// `script-src 'self'; style-src 'self'` (and Trusted Types).
import { allLocales } from '../../src/i18n/locale-codes.js';
import type { LoginHelpShow } from '../../src/login-help.js';
import { isTheme, type Locale } from '../demo-settings.js';
import { buildForm, h, showAdvice, showError, type Field } from './form.js';
import { readIntegrity } from './integrity.js';
import { checkValues, contrastWithWhite, siteCss, slotsOf, snippetHtml, type BuilderValues, type Problems } from './snippet.js';
import { builderTexts, SLOT_NAMES } from './texts.js';

const texts = builderTexts(document.documentElement.lang || 'en');
const isColour = (value: string) => CSS.supports('color', value);

function required<T extends Element>(selector: string, scope: ParentNode = document): T {
  const found = scope.querySelector<T>(selector);
  if (!found) throw new Error(`snippet builder: ${selector} is missing from the page`);
  return found;
}

// ---- page ------------------------------------------------------------------------------------

document.title = texts.pageTitle;
required('#sb-title').textContent = texts.heading;
required('#sb-intro').textContent = texts.intro;
const main = required<HTMLElement>('#sb-main');
const { form, fields, summary } = buildForm(texts);
const summaryList = required<HTMLUListElement>('.sb-error-summary-list', summary);
// Says a field's new error out loud: it appears as the person leaves the field.
const formStatus = h('p', { class: 'sb-visually-hidden', role: 'status' });
form.append(formStatus);

const preview = document.createElement('login-help');
const previewStatus = h('p', { class: 'sb-preview-status', role: 'status' });
const previewProblem = h('p', { class: 'sb-preview-problem', hidden: true }, texts.previewLoadFailed);
const previewSection = h(
  'section',
  { class: 'sb-preview', 'aria-labelledby': 'sb-preview-heading' },
  h('h2', { class: 'sb-section-heading', id: 'sb-preview-heading' }, texts.previewHeading),
  h('p', { class: 'sb-hint' }, texts.previewHint),
  previewProblem,
  h('div', { class: 'sb-preview-frame' }, preview),
  previewStatus,
);

const snippetOutput = h('textarea', { class: 'sb-output-text', id: 'sb-snippet', readonly: true, rows: '8', spellcheck: 'false', 'aria-describedby': 'sb-snippet-hint' });
const cssOutput = h('textarea', { class: 'sb-output-text', id: 'sb-css', readonly: true, rows: '8', spellcheck: 'false', 'aria-describedby': 'sb-css-hint' });
const blocked = h('p', { class: 'sb-blocked', id: 'sb-blocked', hidden: true });
const copyStatus = h('p', { class: 'sb-copy-status', role: 'status' });
const copySnippet = h('button', { type: 'button', class: 'sb-button', id: 'sb-copy-snippet' }, texts.copySnippet);
const copyCss = h('button', { type: 'button', class: 'sb-button sb-button--secondary', id: 'sb-copy-css' }, texts.copyCss);
const integrityNote = h('p', { class: 'sb-hint', id: 'sb-integrity-note' });
const integrityValue = h('code', { class: 'sb-integrity', id: 'sb-integrity' });
const snippetBox = h(
  'div',
  { class: 'sb-output-box' },
  h('label', { class: 'sb-label', for: 'sb-snippet' }, texts.snippetLabel),
  h('p', { class: 'sb-hint', id: 'sb-snippet-hint' }, texts.snippetHint),
  snippetOutput,
);
const cssBox = h(
  'div',
  { class: 'sb-output-box' },
  h('label', { class: 'sb-label', for: 'sb-css' }, texts.cssLabel),
  cssOutput,
);
const outputSection = h(
  'section',
  { class: 'sb-output', 'aria-labelledby': 'sb-output-heading' },
  h('h2', { class: 'sb-section-heading', id: 'sb-output-heading' }, texts.outputHeading),
  blocked,
  snippetBox,
  h('div', { class: 'sb-actions' }, copySnippet),
  h('h3', { class: 'sb-subheading' }, texts.cssHeading),
  h('p', { class: 'sb-hint', id: 'sb-css-hint' }, texts.cssHint),
  cssBox,
  h('div', { class: 'sb-actions' }, copyCss),
  copyStatus,
  h('h3', { class: 'sb-subheading' }, texts.integrityHeading),
  integrityNote,
  h('p', {}, integrityValue),
);
main.replaceChildren(form, previewSection, outputSection);

// ---- state -----------------------------------------------------------------------------------

/** Fields whose error may show: left once (change), or all of them after a copy attempt. */
const touched = new Set<string>();
/** The SRI hash for the snippet's script tag, once known (integrity.ts). */
const bundle: { integrity?: string } = {};
let measured: { height: number; width: number } | undefined;
let problems: Problems = {};

const value = (key: string) => fields.get(key)?.control.value ?? '';
const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';

function readValues(): BuilderValues {
  const lang = value('lang');
  const theme = checked('theme');
  const show = checked('show');
  const level = Number(value('heading-level'));
  return {
    endpoint: value('endpoint'),
    baseUrl: value('base-url'),
    supportEmail: value('support-email'),
    lang: (allLocales as readonly string[]).includes(lang) ? (lang as Locale) : '',
    theme: isTheme(theme) ? theme : '',
    colour: value('colour'),
    show: show === 'username' || show === 'password' ? (show as LoginHelpShow) : 'both',
    headingLevel: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2,
    slots: Object.fromEntries(SLOT_NAMES.map((name) => [name, value(`slot-${name}`)])),
    ascii: form.querySelector<HTMLInputElement>('#sb-ascii')?.checked ?? true,
  };
}

// ---- errors ----------------------------------------------------------------------------------

/** Shows the errors of touched fields at each field and in the summary; returns the new ones. */
function showErrors(): string[] {
  const visible: [Field, string][] = [];
  const added: string[] = [];
  for (const [key, one] of fields) {
    const message = touched.has(key) ? problems[key as keyof Problems] : undefined;
    if (showError(one, message) && message) added.push(message);
    if (message) visible.push([one, message]);
  }
  summary.hidden = visible.length === 0;
  summaryList.replaceChildren(
    ...visible.map(([one, message]) => {
      const link = h('a', { href: `#${one.control.id}` }, message);
      // Land on the field itself, with its label in view (GOV.UK's error summary does the same).
      link.addEventListener('click', (event) => {
        event.preventDefault();
        one.group.scrollIntoView({ block: 'start' });
        one.control.focus({ preventScroll: true });
      });
      return h('li', {}, link);
    }),
  );
  return added;
}

function colourAdvice(values: BuilderValues): string | undefined {
  const colour = values.colour.trim();
  if (!colour || problems.colour || values.theme === 'dark') return undefined;
  const rgb = rgbOf(colour);
  if (!rgb) return undefined;
  const ratio = contrastWithWhite(rgb);
  return ratio < 4.5 ? texts.colourLowContrast(ratio.toFixed(1)) : undefined;
}

/** The colour as the browser paints it (opaque colours only). */
function rgbOf(colour: string): [number, number, number] | undefined {
  const context = h('canvas', { width: '1', height: '1' }).getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return a === 255 ? [r, g, b] : undefined;
}

// ---- preview ---------------------------------------------------------------------------------

let previewSlots = '';

function updatePreview(values: BuilderValues): void {
  const attributes: [string, string | undefined][] = [
    ['endpoint', values.endpoint.trim()],
    ['support-email', values.supportEmail.trim() || undefined],
    ['lang', values.lang || undefined],
    ['theme', values.theme || undefined],
    ['show', values.show],
    ['heading-level', String(values.headingLevel)],
  ];
  for (const [name, attribute] of attributes) {
    if (attribute === undefined) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== attribute) preview.setAttribute(name, attribute);
  }
  // CSSOM, not a style attribute: allowed under style-src 'self'.
  if (values.colour.trim() && !problems.colour) preview.style.setProperty('--login-help-color-accent', values.colour.trim());
  else preview.style.removeProperty('--login-help-color-accent');

  const slots = slotsOf(values);
  const key = JSON.stringify(slots);
  if (key !== previewSlots) {
    previewSlots = key;
    preview.replaceChildren(...slots.map(([name, text]) => h('span', { slot: name }, text)));
  }
}

// Submitting in the preview sends nothing: the request is cancelled (SPEC §5).
preview.addEventListener('login-help-request', (event) => {
  event.preventDefault();
  announce(previewStatus, texts.previewNothingSent);
});

new ResizeObserver(([entry]) => {
  if (!customElements.get('login-help') || Object.keys(problems).length) return;
  const box = entry.borderBoxSize[0];
  measured = { height: Math.ceil(box.blockSize), width: Math.round(box.inlineSize) };
  cssOutput.value = siteCss(readValues(), texts, measured);
}).observe(preview);

// ---- output ----------------------------------------------------------------------------------

function update(): string[] {
  const values = readValues();
  problems = checkValues(values, texts, isColour);
  const added = showErrors();
  const colour = fields.get('colour');
  if (colour) showAdvice(colour, colourAdvice(values));
  updatePreview(values);

  const count = Object.keys(problems).length;
  blocked.hidden = count === 0;
  blocked.textContent = count ? texts.snippetBlocked(count) : '';
  snippetBox.hidden = count > 0;
  cssBox.hidden = count > 0;
  snippetOutput.value = count ? '' : snippetHtml(values, bundle.integrity);
  cssOutput.value = count ? '' : siteCss(values, texts, measured);
  return added;
}

form.addEventListener('input', () => void update());
form.addEventListener('change', (event) => {
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) touched.add(target.name);
  const added = update();
  if (added.length) announce(formStatus, added.map((message) => `${texts.errorPrefix} ${message}`).join(' '));
});

/** Sets a live region's text so that the same words are announced again. */
function announce(region: HTMLElement, text: string): void {
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

async function copy(output: HTMLTextAreaElement): Promise<void> {
  for (const key of fields.keys()) touched.add(key);
  update();
  if (Object.keys(problems).length) {
    announce(copyStatus, texts.fixFirst);
    summary.focus();
    return;
  }
  try {
    await navigator.clipboard.writeText(output.value);
    announce(copyStatus, texts.copied);
  } catch {
    // No clipboard access (permission, an old browser, a page without a secure context).
    output.focus();
    output.select();
    announce(copyStatus, texts.copyFallback);
  }
}

copySnippet.addEventListener('click', () => void copy(snippetOutput));
copyCss.addEventListener('click', () => void copy(cssOutput));

update();

const source = await readIntegrity();
bundle.integrity = source.integrity;
integrityValue.textContent = source.integrity ?? '';
integrityNote.textContent = source.kind === 'built' ? texts.integrityBuilt : source.kind === 'dev' ? texts.integrityDev : texts.integrityMissing;
update();

// The bundle arrives by its own script tag (with the same integrity hash in the built page).
const defined = await Promise.race([
  customElements.whenDefined('login-help').then(() => true),
  new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 8000)),
]);
previewProblem.hidden = defined;
if (!defined) previewProblem.setAttribute('role', 'alert');
