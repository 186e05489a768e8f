// English-only stand-in for src/i18n/active-locale.ts (scripts/feature-cost.js).
export const activeLocale = (): string => 'en';
export const inLocale = <T>(_locale: string, work: () => T): T => work();
