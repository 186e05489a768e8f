// The styles the panel's forms and the reset page share: fields, errors, the error summary, the
// buttons and the live regions.
import { css } from 'lit';

export const formStyles = css`
  form {
    display: grid;
    gap: var(--_space);
    max-inline-size: 32rem;
  }
  .heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .label-row {
    display: flex;
    gap: 0.25em;
    align-items: baseline;
  }
  label {
    font-weight: 600;
  }
  .required {
    color: var(--_color-error);
  }
  input {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding-block: 0.375rem;
    padding-inline: 0.5rem;
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  input[aria-invalid='true'] {
    border-color: var(--_color-error);
    border-inline-start-width: 6px;
  }
  .error {
    margin: 0;
    font-weight: 600;
    color: var(--_color-error);
    overflow-wrap: anywhere;
  }
  button {
    justify-self: start;
    min-block-size: 2.5rem;
    min-inline-size: 6rem;
    padding-block: 0.375rem;
    padding-inline: 1.25rem;
    font: inherit;
    font-weight: 600;
    color: var(--_color-accent-text);
    background: var(--_color-accent);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .summary {
    padding: 0.75rem 1rem;
    border: 4px solid var(--_color-error);
    border-radius: var(--_radius);
  }
  .summary-title {
    font-weight: 700;
  }
  .summary ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  /* An inline block keeps the 24 px target; aligned by its top, not its last line's baseline, so a
     wrapped item's bullet stays on its first line. */
  .summary a {
    display: inline-block;
    vertical-align: top;
    min-block-size: 24px;
    color: var(--_color-error);
    font-weight: 600;
  }
  .status,
  .alert {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* Empty live regions stay rendered (in the accessibility tree, so their first words are
     announced) but take no place in the form's grid. */
  .status:empty,
  .alert:empty {
    position: absolute;
    padding: 0;
    border: 0;
  }
  .status.sent {
    color: var(--_color-success);
    font-weight: 600;
  }
  .alert {
    padding: 0.5rem 0.75rem;
    color: var(--_color-error);
    font-weight: 600;
    border-inline-start: 6px solid var(--_color-error);
  }
  .alert ul {
    margin-block: 0.25rem 0;
    padding-inline-start: 1.25rem;
  }
`;
