// English-only stand-in for src/i18n/locale-controller.ts (scripts/feature-cost.js).
export class LocaleController {
  readonly requested = 'en';
  readonly tag = 'en';
  readonly current = 'en';
  readonly dir = 'ltr';
  needOutcomes(): void {}
}
