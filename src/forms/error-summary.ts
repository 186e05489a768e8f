// The GOV.UK-style error summary that the panel's two forms and <login-help-reset> all draw: one
// template, so the three stay alike in markup, focus and styling (form-styles.ts).
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';

/**
 * "There is a problem", then a link to each invalid field (`[id, message]`; the field's input has
 * that id in the same shadow root). A labelled region, so its name is announced when focus lands
 * on it, with an alert inside. Nothing when there is no item.
 */
export function errorSummary(title: string, level: number, items: readonly (readonly [id: string, message: string | undefined])[]): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  return html`<div part="error-summary" class="summary" role="region" tabindex="-1" aria-labelledby="summary-title">
    <div role="alert">
      <div id="summary-title" class="summary-title" role="heading" aria-level=${Math.min(6, level + 1)}>${title}</div>
      <ul>
        ${items.map(([id, message]) => html`<li><a href="#${id}" @click=${followSummaryLink}><bdi>${message}</bdi></a></li>`)}
      </ul>
    </div>
  </div>`;
}

/** A summary link moves focus to its field without touching the page's URL (Lit calls it with the element as `this`). */
function followSummaryLink(this: ReactiveElement, event: Event): void {
  event.preventDefault();
  this.renderRoot.querySelector<HTMLElement>((event.currentTarget as HTMLAnchorElement).hash)?.focus();
}
