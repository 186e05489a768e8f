// English-only stand-in for src/i18n/localization.ts (scripts/feature-cost.js).
export type Locale = 'en';
export const directionOf = (_locale: string): 'ltr' => 'ltr';
