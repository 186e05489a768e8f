// Each element's language as a Lit reactive controller: which locale it asks for, whether its
// texts are in, and a re-render when its `lang` (or <html lang>) changes or its texts arrive.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, isReady, loadLocale, matchLocale, type Locale, type LocalePart } from './localization.js';

/** The nearest `lang` attribute at or above `element`, crossing shadow-root boundaries. */
function inheritedLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang?.trim()) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return undefined;
}

/**
 * Follows the element's language: its `lang` attribute, else the nearest ancestor's (through
 * shadow roots), else `<html lang>`, else English. Watches the element's and `<html>`'s `lang`
 * and re-renders when either changes; fetches the locale's messages first, showing English
 * until they arrive.
 */
export class LocaleController implements ReactiveController {
  /** The locale the element asks for (it may still be loading). */
  requested: Locale = 'en';

  /** The language tag as the page wrote it (`fr-CA`), for the support desk; `en` when none. */
  tag = 'en';

  readonly #observer = new MutationObserver(() => this.#follow());
  #wantsOutcomes?: boolean;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The locale to render in now. */
  get current(): Locale {
    return isReady(this.requested) ? this.requested : 'en';
  }

  /** The writing direction of `current`. */
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.current);
  }

  /**
   * The element will show an outcome: fetch the outcome texts of its locale (now and after any
   * later change of language). Returns what to await before showing one: a promise that settles
   * once both halves of the locale are in (`current` needs the page half) or failed, or after
   * `bound` ms at most, so an outcome waits for its words but a lost file never hides it (it reads
   * in English then); `undefined` when both are already in, so it shows as promptly as ever.
   */
  needOutcomes(bound = 3000): Promise<unknown> | undefined {
    const locale = this.requested;
    this.#wantsOutcomes = true;
    // [page, outcome]: each a load in progress, or undefined when ready.
    const loads = [this.#load(locale, 'page'), this.#load(locale, 'outcome')];
    return loads[0] || loads[1] ? Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, bound))]) : undefined;
  }

  hostConnected(): void {
    const options = { attributes: true, attributeFilter: ['lang'] };
    this.#observer.observe(this.#host, options);
    this.#observer.observe(document.documentElement, options);
    this.#follow();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  #follow(): void {
    const tag = inheritedLang(this.#host)?.trim() ?? 'en';
    const wanted = matchLocale(tag);
    this.tag = tag;
    if (wanted === this.requested) return;
    this.requested = wanted;
    this.#host.requestUpdate();
    this.#load(wanted, 'page');
    if (this.#wantsOutcomes) this.#load(wanted, 'outcome');
  }

  #load(locale: Locale, part: LocalePart): Promise<void> | undefined {
    if (isReady(locale, part)) return undefined;
    return loadLocale(locale, part).then((ready) => {
      if (ready && this.requested === locale) this.#host.requestUpdate();
    });
  }
}
