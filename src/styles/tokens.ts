// The theme: public --login-help-* tokens mapped to private --_* ones, and the base styles every
// element starts from.
import { css } from 'lit';

/**
 * Public theme tokens (`--login-help-*`) mapped to private ones (`--_*`) on the host, so the
 * rest of the styles read one name and a page can override any token from outside. Each
 * default is a light-dark() pair: the widget follows the page's `color-scheme` (a page that
 * says `color-scheme: light dark` gets the dark palette when the person prefers dark), and the
 * `theme` attribute forces one. An engine without light-dark() (Safari before 17.5, Firefox
 * before 120, Chrome before 123) finds every colour invalid and uses the page's own: readable,
 * unbranded (a fallback palette would not fit the size budget; README "Browser support").
 */
export const tokens = css`
  :host {
    --_color-text: var(--login-help-color-text, light-dark(#1b1b1b, #e8eaed));
    --_color-background: var(--login-help-color-background, light-dark(#ffffff, #1f2023));
    --_color-border: var(--login-help-color-border, light-dark(#6f777b, #9aa0a6));
    --_color-accent: var(--login-help-color-accent, light-dark(#1d5fa8, #8ab4f8));
    --_color-accent-text: var(--login-help-color-accent-text, light-dark(#ffffff, #1f2023));
    --_color-error: var(--login-help-color-error, light-dark(#b3261e, #f5a19b));
    --_color-success: var(--login-help-color-success, light-dark(#1e6b34, #8fd6a3));
    --_color-focus: var(--login-help-color-focus, light-dark(#0b57d0, #a8c7fa));
    --_radius: var(--login-help-radius, 0.375rem);
    --_space: var(--login-help-space, 1rem);
    --_dialog-backdrop: var(--login-help-dialog-backdrop, #0009); /* black at 60% (0x99) */
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  /* A chosen theme paints its own padded background, so it reads on any page. */
  :host([theme='light']),
  :host([theme='dark']),
  :host([theme='auto']) {
    padding: var(--_space);
    background: var(--_color-background);
    border-radius: var(--_radius);
  }
`;

/** Shared pieces: visually hidden text and the focus ring. */
export const base = css`
  :host {
    display: block;
    color: var(--_color-text);
    font: inherit;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  /* No !important: nothing outside the shadow root can reach these spans. */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
`;
