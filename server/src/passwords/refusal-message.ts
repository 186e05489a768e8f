// Why a new password is refused, in the words of the request's language (Accept-Language, the
// catalogue the emails use): the reset answer's `errors.password`, shown at New Password.
import { countText, intlLocale } from '../i18n/count-text.js';
import { catalogueFor } from '../i18n/catalogue.js';
import { negotiateLocale } from '../i18n/negotiate.js';
import { BCRYPT_MAX_BYTES } from './formats/bcrypt.js';
import type { FormatRefusal } from './formats/hash-format.js';
import { PASSWORD_MAX_LENGTH, type PasswordProblem } from './policy.js';

/** A refusal: the rule's problems, a password seen in a breach (the range lookup), or one the portal's hash format cannot hold. */
export type PasswordRefusal = PasswordProblem | 'breached' | FormatRefusal;

/** The sentence for `refusal` in the best locale for `acceptLanguage` (English when none fits). */
export function refusalMessage(refusal: PasswordRefusal, acceptLanguage: string | undefined, minLength: number): string {
  const locale = negotiateLocale(acceptLanguage);
  const m = catalogueFor(locale).passwordRefusals;
  const intl = intlLocale(locale);
  switch (refusal) {
    case 'too-short':
      return countText(minLength, intl, m.tooShort);
    case 'too-long':
      return countText(PASSWORD_MAX_LENGTH, intl, m.tooLong);
    case 'too-common':
      return m.tooCommon;
    case 'user-name':
      return m.userName;
    case 'breached':
      return m.breached;
    case 'too-many-bytes':
      return countText(BCRYPT_MAX_BYTES, intl, m.tooManyBytes);
    case 'nul-character':
      return m.nulCharacter;
  }
}
