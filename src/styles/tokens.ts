import { css } from 'lit';

/**
 * Public theme tokens (`--login-help-*`) mapped to private ones (`--_*`) on the host, so the
 * rest of the styles read one name and a page can override any token from outside.
 */
export const tokens = css`
  :host {
    --_color-text: var(--login-help-color-text, #1b1b1b);
    --_color-muted: var(--login-help-color-muted, #505a5f);
    --_color-background: var(--login-help-color-background, #ffffff);
    --_color-border: var(--login-help-color-border, #6f777b);
    --_color-accent: var(--login-help-color-accent, #1d5fa8);
    --_color-accent-text: var(--login-help-color-accent-text, #ffffff);
    --_color-error: var(--login-help-color-error, #b3261e);
    --_color-success: var(--login-help-color-success, #1e6b34);
    --_color-focus: var(--login-help-color-focus, #0b57d0);
    --_radius: var(--login-help-radius, 0.375rem);
    --_space: var(--login-help-space, 1rem);
    --_dialog-backdrop: var(--login-help-dialog-backdrop, rgb(0 0 0 / 0.5));
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
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
`;
