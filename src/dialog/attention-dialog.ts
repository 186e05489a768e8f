// The Attention dialog a panel form opens for "not on file": its template and styles, apart from
// the form so the form reads as its fields and request.
import { css, html, nothing, type TemplateResult } from 'lit';
import { dialogTexts } from '../i18n/texts.js';

/** What the Attention dialog shows. */
export interface AttentionContent {
  /** The sentence, built by `notFoundText` with the "email us" piece in place. */
  message: TemplateResult;
}

/** The "email us" piece: a link when a support address is known, else the same words as text. */
export function emailUsTemplate(href: string | undefined): TemplateResult | string {
  const { emailUs } = dialogTexts();
  return href ? html`<a part="email-us" href=${href}>${emailUs}</a>` : emailUs;
}

/**
 * The Attention dialog: a native `<dialog>` the form opens with `showModal()`. Named by its
 * title, described by its message; OK (focused on open) and Escape close it, natively: OK
 * submits a `method="dialog"` form.
 */
export function attentionDialogTemplate(
  content: AttentionContent | undefined,
  { current: lang, dir }: { current: string; dir: 'ltr' | 'rtl' },
  onClose: () => void,
) {
  const { title, ok } = dialogTexts();
  return html`<dialog
    part="dialog"
    lang=${lang}
    dir=${dir}
    role="alertdialog"
    aria-modal="true"
    aria-labelledby="dialog-title"
    aria-describedby="dialog-message"
    @close=${onClose}
  >
    <h2 id="dialog-title" part="dialog-title">${title}</h2>
    <p id="dialog-message" part="dialog-message"><slot name="not-found">${content?.message ?? nothing}</slot></p>
    <form class="actions" method="dialog">
      <button part="ok">${ok}</button>
    </form>
  </dialog>`;
}

export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    max-inline-size: min(30rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.25);
    color: var(--_color-text);
    background: var(--_color-background);
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  dialog::backdrop {
    background: var(--_dialog-backdrop);
  }
  #dialog-title {
    margin-block: 0 0.75rem;
    font-size: 1.25em;
  }
  #dialog-message {
    margin-block: 0 var(--_space);
    overflow-wrap: anywhere;
  }
  #dialog-message strong {
    unicode-bidi: isolate;
  }
  #dialog-message a {
    color: var(--_color-accent);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
  }
`;
