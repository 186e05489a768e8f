// English-only stand-in for src/i18n/localization.ts (scripts/i18n-cost.js).
export type Locale = 'en';
export const directionOf = (_locale: string): 'ltr' => 'ltr';
