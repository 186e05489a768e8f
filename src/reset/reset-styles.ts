// What the reset page adds to the shared form styles: the Show/Hide row, the read-only user
// name and its links.
import { css } from 'lit';

/** What the reset page adds to the forms' styles: the Show/Hide row, the read-only user name, links. */
export const resetStyles = css`
  .reset {
    display: grid;
    gap: var(--_space);
    max-inline-size: 32rem;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--_color-accent);
    font-weight: 600;
  }
  .input-row {
    display: flex;
    gap: 0.5rem;
  }
  .input-row input {
    flex: auto;
    min-inline-size: 0;
  }
  input[readonly] {
    border-style: dashed;
    background: transparent;
  }
  .toggle {
    flex: none;
    min-inline-size: 4.5rem;
    padding-inline: 0.75rem;
    color: var(--_color-accent);
    background: var(--_color-background);
    border-color: var(--_color-accent);
  }
  .summary {
    overflow-wrap: anywhere;
  }
  .alert {
    display: grid;
    gap: 0.5rem;
  }
`;
