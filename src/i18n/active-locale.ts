// The locale the current render is in. Rendering is synchronous, so an element sets it for the
// length of its render (see `renderInLocale`) and every msg() call made meanwhile reads it: that
// is how two widgets on one page can speak two languages with @lit/localize's reentrant mode.

let active = 'en';

/** The locale of the render in progress (`en` outside any render). */
export const activeLocale = (): string => active;

/** Runs `work` with `locale` active, and restores the previous one even if it throws. */
export function inLocale<T>(locale: string, work: () => T): T {
  const previous = active;
  active = locale;
  try {
    return work();
  } finally {
    active = previous;
  }
}
