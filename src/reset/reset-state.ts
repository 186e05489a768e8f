// What <login-help-reset> holds between renders (its view, its fields' errors) and the pure
// rules that change it, apart from the element so the element file reads as its lifecycle.
import { resetProblemText } from '../i18n/texts.js';
import type { checkPasswords, DeadLink, ResetFault } from './reset-outcome.js';

export type Field = 'password' | 'confirm';
export const FIELDS: readonly Field[] = ['password', 'confirm'];

/** A field's error: a client check (worded at render, in the current locale) or the backend's own text. */
export type FieldError = { problem: Parameters<typeof resetProblemText>[0] } | { message: string };
export type FieldErrors = Partial<Record<Field, FieldError>>;

/** What the element shows. */
export type View =
  | { view: 'checking' }
  | { view: 'form'; userName: string; minLength: number }
  | { view: 'done' }
  | { view: 'dead'; link: DeadLink }
  /** The link could not be checked; without a reason, a listener cancelled the check. */
  | { view: 'fault'; fault?: { reason: ResetFault; status?: number; retryAfterSeconds?: number } };

/** Why the last Save Password did not go through (the typed values stay). */
export type SaveFault = { reason: ResetFault | 'invalid'; retryAfterSeconds?: number };

type Problems = ReturnType<typeof checkPasswords>;

/** The errors Save Password shows: one per field that fails its client check. */
export function clientErrors(problems: Problems): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of FIELDS) if (problems[field]) errors[field] = { problem: problems[field] };
  return errors;
}

/**
 * The errors still shown after an edit of `edited`: a client check's goes as soon as its field
 * would pass; the backend's goes once its own field is edited. The same object when none went.
 */
export function errorsAfterInput(errors: FieldErrors, problems: Problems, edited: string): FieldErrors {
  const kept: FieldErrors = {};
  for (const field of FIELDS) {
    const error = errors[field];
    if (error && (problems[field] || ('message' in error && edited !== field))) kept[field] = error;
  }
  return Object.keys(kept).length < Object.keys(errors).length ? kept : errors;
}

/** A field's error message in the current locale, or `undefined`. */
export function errorText(error: FieldError | undefined, minLength: number): string | undefined {
  return error && ('message' in error ? error.message : resetProblemText(error.problem, minLength));
}
