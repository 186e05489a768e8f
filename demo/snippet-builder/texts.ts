// Every text the snippet builder shows, in one module so it can be translated: add a locale to
// BUILDER_TEXTS with the same keys and the page picks it from <html lang>. (The preview panel
// speaks the language chosen in the form; these are the builder's own words.)
import type { FieldProblem } from '../../src/validation.js';

export interface BuilderTexts {
  pageTitle: string;
  heading: string;
  intro: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  optional: string;

  connectionLegend: string;
  endpointLabel: string;
  endpointHint: string;
  endpointRequired: string;
  endpointInvalid: string;
  baseUrlLabel: string;
  baseUrlHint: string;
  baseUrlInvalid: string;
  supportEmailLabel: string;
  supportEmailHint: string;
  supportEmailInvalid: string;

  lookLegend: string;
  languageLabel: string;
  languageHint: string;
  languageFollowPage: string;
  /** One language in the language list: its name in the builder's language, and in its own. */
  languageOption: (name: string, ownName: string) => string;
  themeLegend: string;
  themeNone: string;
  themeNoneHint: string;
  themeLight: string;
  themeDark: string;
  themeAuto: string;
  themeAutoHint: string;
  colourLabel: string;
  colourHint: string;
  colourInvalid: string;
  /** Advice, not an error: white Submit text on the chosen colour is hard to read. */
  colourLowContrast: (ratio: string) => string;
  headingLevelLabel: string;
  headingLevelHint: string;
  headingLevelOption: (level: number) => string;

  showLegend: string;
  showBoth: string;
  showUsername: string;
  showPassword: string;

  wordingLegend: string;
  wordingHint: string;
  slotLabels: Record<SlotName, string>;
  slotProblem: (label: string, problem: FieldProblem, max: number) => string;
  asciiLabel: string;
  asciiHint: string;

  previewHeading: string;
  previewHint: string;
  previewNothingSent: string;
  previewLoadFailed: string;

  outputHeading: string;
  snippetLabel: string;
  snippetHint: string;
  snippetBlocked: (count: number) => string;
  copySnippet: string;
  cssHeading: string;
  cssLabel: string;
  cssHint: string;
  copyCss: string;
  copied: string;
  copyFallback: string;
  fixFirst: string;
  integrityHeading: string;
  integrityBuilt: string;
  integrityDev: string;
  integrityMissing: string;
  cssReserveComment: (height: number, width: number) => string;
  cssMeasureComment: string;
  cssBrandComment: string;
}

/** The slots `<login-help>` offers for wording (README "Wording for CMS editors (slots)"). */
export const SLOT_NAMES = [
  'heading',
  'intro',
  'username-option',
  'password-option',
  'username-heading',
  'password-heading',
  'username-not-found',
  'password-not-found',
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

const en: BuilderTexts = {
  pageTitle: 'Login Help snippet builder',
  heading: 'Build your Login Help snippet',
  intro:
    'Fill in the form: the panel beside it is the real Login Help panel, showing what your page will show. ' +
    'Then copy the snippet into your page\u2019s HTML, and the CSS into your site\u2019s stylesheet.',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  optional: '(optional)',

  connectionLegend: 'Where the panel sends requests',
  endpointLabel: 'Endpoint',
  endpointHint: 'The address of your Login Help backend, for example /api/login-help or https://portal.example/api/login-help.',
  endpointRequired: 'Enter the endpoint: the address of your Login Help backend',
  endpointInvalid:
    'Enter the endpoint as a web address that starts with https://, http:// or /, with no user name or password in it',
  baseUrlLabel: 'Where your site hosts login-help.js',
  baseUrlHint:
    'The folder (or full address) of login-help.js, for example /assets/login-help/ or https://cdn.example/login-help/. ' +
    'Put the locales folder next to it. Leave empty when it sits next to the page.',
  baseUrlInvalid: 'Enter the address of login-help.js as a web address that starts with https://, http:// or /',
  supportEmailLabel: 'Support email',
  supportEmailHint: 'Shown as the \u201cemail us\u201d link when nothing is on file, for example support@clinic.example.',
  supportEmailInvalid:
    'Enter the support email as a plain address like support@clinic.example, with no spaces, ?, &, : or % in it',

  lookLegend: 'Language and look',
  languageLabel: 'Language',
  languageHint: 'The language of every text in the panel.',
  languageFollowPage: 'Same as the page (its lang attribute)',
  languageOption: (name, ownName) => (name === ownName ? name : `${name} \u2013 ${ownName}`),
  themeLegend: 'Theme',
  themeNone: 'Follow the page',
  themeNoneHint: 'The panel follows your page\u2019s colour scheme and leaves the background to the page.',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeAuto: 'Automatic',
  themeAutoHint: 'Light or dark, as each person\u2019s device prefers.',
  colourLabel: 'Brand colour',
  colourHint: 'The colour of the Submit buttons and links, as a CSS colour, for example #0f766e. It goes into the CSS below.',
  colourInvalid: 'Enter the brand colour as a CSS colour, for example #0f766e',
  colourLowContrast: (ratio) =>
    `White text on this colour has a contrast of ${ratio}:1; the Submit button needs at least 4.5:1 to be readable. Choose a darker colour.`,
  headingLevelLabel: 'Heading level',
  headingLevelHint: 'Level of the panel\u2019s \u201cLogin Help\u201d heading in your page\u2019s outline: 2 when it sits under the page\u2019s main heading.',
  headingLevelOption: (level) => `Level ${level}`,

  showLegend: 'Which forms to show',
  showBoth: 'Both forms',
  showUsername: 'Forgot User Name? only',
  showPassword: 'Password Help? only',

  wordingLegend: 'Wording',
  wordingHint: 'Leave a field empty to keep the panel\u2019s own wording in the chosen language.',
  slotLabels: {
    heading: 'Heading (instead of \u201cLogin Help\u201d)',
    intro: 'Introduction (instead of the two sentences under the heading)',
    'username-option': 'Option 1 heading (instead of \u201cOption 1) User name help\u201d)',
    'password-option': 'Option 2 heading (instead of \u201cOption 2) Password help\u201d)',
    'username-heading': 'User name form heading (instead of \u201cForgot User Name?\u201d)',
    'password-heading': 'Password form heading (instead of \u201cPassword Help?\u201d)',
    'username-not-found': 'When an email is not on file (the whole Attention sentence)',
    'password-not-found': 'When a user name is not on file (the whole Attention sentence)',
  },
  slotProblem: (label, problem, max) =>
    problem === 'too-long'
      ? `${label} must be ${max} characters or fewer`
      : `Remove the line breaks and invisible characters (like zero-width spaces) from ${label}`,
  asciiLabel: 'Write accented and non-Latin letters as HTML character references',
  asciiHint: 'Keeps the snippet plain ASCII (\u00e9 becomes &#xE9;), so it reads the same on a page without a character set.',

  previewHeading: 'Preview',
  previewHint: 'The real panel with your settings. Submitting here sends nothing.',
  previewNothingSent: 'Preview: nothing was sent.',
  previewLoadFailed:
    'The preview could not load login-help.js. It must be the file built together with this page: rebuild both, or reload.',

  outputHeading: 'Your snippet',
  snippetLabel: 'HTML snippet',
  snippetHint: 'Paste it where the panel should appear, in your page\u2019s HTML (source) view.',
  snippetBlocked: (count) =>
    count === 1 ? 'Fix the problem in the form to get your snippet.' : `Fix the ${count} problems in the form to get your snippet.`,
  copySnippet: 'Copy the HTML snippet',
  cssHeading: 'CSS for your site\u2019s stylesheet',
  cssLabel: 'CSS',
  cssHint:
    'Add these lines to your site\u2019s stylesheet, not to the page: a CMS page may forbid <style>. ' +
    'They keep the panel\u2019s space free while login-help.js loads (no layout shift), and set the brand colour.',
  copyCss: 'Copy the CSS',
  copied: 'Copied',
  copyFallback: 'The text is selected: press Ctrl+C (or Command+C) to copy it.',
  fixFirst: 'There is a problem in the form: fix it first.',
  integrityHeading: 'Integrity (SRI)',
  integrityBuilt:
    'The snippet\u2019s integrity hash is that of the login-help.js built with this page. Host that exact file, and paste a new snippet whenever you update it.',
  integrityDev: 'Development server: the integrity hash was computed in the browser from dist/login-help.js.',
  integrityMissing: 'The integrity hash of login-help.js is not known here: the snippet has none. Run npm run sri to get it.',
  cssReserveComment: (height, width) =>
    `Login Help: keep the panel's space (${height}px: its height in the preview, ${width}px wide)`,
  cssMeasureComment:
    "Measure it on your page: document.querySelector('login-help').getBoundingClientRect().height",
  cssBrandComment: 'Login Help: brand colour (Submit buttons and links)',
};

export const BUILDER_TEXTS: Record<string, BuilderTexts> = { en };

/** The texts for a page language (`pt-BR` falls back to `pt`, then English). */
export function builderTexts(lang: string): BuilderTexts {
  const tag = lang.trim();
  return BUILDER_TEXTS[tag] ?? BUILDER_TEXTS[tag.split('-')[0]] ?? en;
}
