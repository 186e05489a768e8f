import fc from 'fast-check';

/**
 * One fixed seed for every property file, so a failure is reproducible from the log alone
 * (`seed` + the reported `path`). `numRuns` keeps each file well under two seconds.
 */
export const FC_SETTINGS = { seed: 20261127, numRuns: 300 } as const;

/** Any string, including lone surrogates (`binary`) and multi-code-point graphemes. */
export const anyString = (constraints: { minLength?: number; maxLength?: number } = {}) =>
  fc.oneof(fc.string({ unit: 'binary', ...constraints }), fc.string({ unit: 'grapheme', ...constraints }));

/** A token that no code path of ours produces by itself: finding it in an output means it came from the input. */
export const marker = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 12, maxLength: 12 }).map((hex) => `Zq${hex}Qz`);
