// The snippet builder's logic, without DOM: what the form's values mean, which of them the
// widget would refuse (checked with the widget's own functions, so the builder never writes an
// attribute that <login-help> would ignore), and the HTML and CSS to copy.
import type { LoginHelpShow } from '../../src/login-help.js';
import { resolveTarget } from '../../src/request/endpoint.js';
import { plainSupportAddress } from '../../src/support-email.js';
import { checkText } from '../../src/validation.js';
import type { Locale, Theme } from '../demo-settings.js';
import { SLOT_NAMES, type BuilderTexts, type SlotName } from './texts.js';

/** What the form holds, as typed (the functions below trim and normalize). */
export interface BuilderValues {
  endpoint: string;
  baseUrl: string;
  supportEmail: string;
  /** Empty: no `lang` attribute (the element follows the page). */
  lang: Locale | '';
  /** Empty: no `theme` attribute (the element follows the page's colour scheme). */
  theme: Theme | '';
  colour: string;
  show: LoginHelpShow;
  headingLevel: number;
  slots: Partial<Record<SlotName, string>>;
  /** Write every non-ASCII character as a numeric character reference. */
  ascii: boolean;
}

/** The fields that can be wrong, by the id suffix the page gives them. */
export type FieldKey = 'endpoint' | 'base-url' | 'support-email' | 'colour' | `slot-${SlotName}`;
export type Problems = Partial<Record<FieldKey, string>>;

/** Longest text accepted in a wording slot (in characters). */
export const MAX_SLOT_LENGTH = 500;
/** The panel's height before anything was measured (README, BENCHMARKS.md: English, 1280 px wide). */
export const DEFAULT_RESERVED_HEIGHT = 676;
export const DEFAULT_HEADING_LEVEL = 2;

// The CMS page's address is not known here; a relative endpoint is resolved against a stand-in
// https page, which is what matters: whether it stays an http(s) URL without credentials.
const SOME_PAGE = 'https://cms-page.invalid/any/page.html';

/** A slot's text as it will be written: line breaks are spaces in HTML anyway. */
export const slotText = (value: string | undefined): string => (value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** Where the script tag points: the base URL's folder plus login-help.js (or the file itself). */
export function scriptSrc(baseUrl: string): string {
  const base = baseUrl.trim();
  if (base === '') return 'login-help.js';
  if (/(^|\/)login-help\.js$/.test(base)) return base;
  return base.endsWith('/') ? `${base}login-help.js` : `${base}/login-help.js`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value, SOME_PAGE);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

const hasControls = (value: string) => value !== '' && checkText(value, Infinity) === 'control-characters';

/** A CSS colour that is safe to write into a declaration (no way out of it). */
export function checkColour(value: string, isColour: (value: string) => boolean): boolean {
  const colour = value.trim();
  return colour === '' || (!/[;{}<>\\]|\/\*|\*\//.test(colour) && isColour(colour));
}

/**
 * What is wrong with the values, by field, in the order the form shows them. `isColour` says
 * whether the browser takes a value as a CSS colour (`CSS.supports('color', value)`).
 */
export function checkValues(values: BuilderValues, texts: BuilderTexts, isColour: (value: string) => boolean): Problems {
  const problems: Problems = {};
  const endpoint = values.endpoint.trim();
  // The widget's own check (what it reports as a configuration error on submit); and no line
  // breaks or invisible characters, which the URL parser would quietly drop from the address.
  if (endpoint === '') problems.endpoint = texts.endpointRequired;
  else if ('problem' in resolveTarget('username', endpoint, undefined, SOME_PAGE) || hasControls(endpoint)) problems.endpoint = texts.endpointInvalid;

  if (!isHttpUrl(scriptSrc(values.baseUrl)) || hasControls(values.baseUrl.trim())) problems['base-url'] = texts.baseUrlInvalid;

  const supportEmail = values.supportEmail.trim();
  // The widget silently ignores such an address (no "email us" link): say so here instead.
  if (supportEmail !== '' && plainSupportAddress(supportEmail) === undefined) problems['support-email'] = texts.supportEmailInvalid;

  if (!checkColour(values.colour, isColour)) problems.colour = texts.colourInvalid;

  for (const name of SLOT_NAMES) {
    const text = slotText(values.slots[name]);
    const problem = text === '' ? undefined : checkText(text, MAX_SLOT_LENGTH);
    if (problem) problems[`slot-${name}`] = texts.slotProblem(texts.slotLabels[name], problem, MAX_SLOT_LENGTH);
  }
  return problems;
}

/** Every character outside printable ASCII as `&#x…;` (one reference per code point). */
const asciiOnly = (text: string): string =>
  text.replace(/[^\x20-\x7e]/gu, (char) => `&#x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()};`);

export function escapeText(text: string, ascii: boolean): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return ascii ? asciiOnly(escaped) : escaped;
}

export function escapeAttribute(text: string, ascii: boolean): string {
  return escapeText(text, ascii).replace(/"/g, '&quot;');
}

/** The element's attributes, in the order the README lists them; defaults are left out. */
export function attributesOf(values: BuilderValues): [string, string][] {
  const attributes: [string, string][] = [['endpoint', values.endpoint.trim()]];
  const supportEmail = values.supportEmail.trim();
  if (supportEmail) attributes.push(['support-email', supportEmail]);
  if (values.lang) attributes.push(['lang', values.lang]);
  if (values.show !== 'both') attributes.push(['show', values.show]);
  if (values.theme) attributes.push(['theme', values.theme]);
  if (values.headingLevel !== DEFAULT_HEADING_LEVEL) attributes.push(['heading-level', String(values.headingLevel)]);
  return attributes;
}

/** The slots the values fill, with the text to put in each. */
export function slotsOf(values: BuilderValues): [SlotName, string][] {
  return SLOT_NAMES.map((name): [SlotName, string] => [name, slotText(values.slots[name])]).filter(([, text]) => text !== '');
}

/** The HTML to paste: the script tag (with SRI when the hash is known), then the element. */
export function snippetHtml(values: BuilderValues, integrity: string | undefined): string {
  const { ascii } = values;
  const sri = integrity ? ` integrity="${escapeAttribute(integrity, true)}" crossorigin="anonymous"` : '';
  const script = `<script type="module" src="${escapeAttribute(scriptSrc(values.baseUrl), ascii)}"${sri}></script>`;
  const attributes = attributesOf(values)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value, ascii)}"`)
    .join('');
  const children = slotsOf(values).map(([name, text]) => `\n  <span slot="${name}">${escapeText(text, ascii)}</span>`);
  const close = children.length ? `${children.join('')}\n</login-help>` : '</login-help>';
  return `${script}\n<login-help${attributes}>${close}\n`;
}

/** The CSS for the site's stylesheet: the space reservation and, when chosen, the brand colour. */
export function siteCss(values: BuilderValues, texts: BuilderTexts, measured?: { height: number; width: number }): string {
  const height = measured && measured.height > 0 ? measured.height : DEFAULT_RESERVED_HEIGHT;
  const reserve = measured && measured.height > 0 ? texts.cssReserveComment(height, measured.width) : texts.cssMeasureComment;
  const lines = [
    `/* ${reserve} */`,
    ...(measured && measured.height > 0 ? [`/* ${texts.cssMeasureComment} */`] : []),
    'login-help:not(:defined) {',
    '  display: block;',
    `  min-block-size: ${height}px;`,
    '}',
  ];
  const colour = values.colour.trim();
  if (colour) lines.push(`/* ${texts.cssBrandComment} */`, 'login-help {', `  --login-help-color-accent: ${colour};`, '}');
  return `${lines.join('\n')}\n`;
}

/** WCAG 2 contrast ratio of white against an sRGB colour (0–255 channels). */
export function contrastWithWhite([r, g, b]: [number, number, number]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return 1.05 / (luminance + 0.05);
}
