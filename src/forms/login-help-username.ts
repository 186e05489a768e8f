// <login-help-username>, the Forgot User Name? form: its one field (Clinic Email) and its texts;
// everything else comes from LoginHelpForm.
import type { TemplateResult } from 'lit';
import { acceptedText, formTexts, notFoundText, sentText, supportMailText } from '../i18n/texts.js';
import type { UsernameRequestData } from '../request/outcome.js';
import { checkEmail } from '../validation.js';
import { LoginHelpForm, type FieldSpec } from './login-help-form.js';

type Values = { email?: string };

/**
 * The **Forgot User Name?** form: one Clinic Email field. The backend emails the clinic's user
 * name to that address; when the address is not on file, the Attention dialog says so.
 *
 * @tagname login-help-username
 * @summary Forgot User Name? form with its own Attention dialog.
 *
 * @fires login-help-request - Before the request; cancelable; `detail.headers` may be added to.
 * @fires login-help-sent - The backend said sent (`detail.accepted` for the neutral answer).
 * @fires login-help-not-found - The backend said the address is not on file.
 * @fires login-help-error - Any other outcome; `detail.reason` says which.
 */
export class LoginHelpUsername extends LoginHelpForm {
  protected readonly form = 'username';
  protected readonly fields: readonly FieldSpec[] = [
    { name: 'email', label: () => formTexts().email, type: 'email', autocomplete: 'email', check: checkEmail },
  ];

  protected heading(): string {
    return formTexts().usernameHeading;
  }

  protected requestData({ email = '' }: Values): UsernameRequestData {
    return { email };
  }

  protected successText({ email = '' }: Values, accepted: boolean): string {
    return accepted ? acceptedText.username(email) : sentText.username(email);
  }

  protected notFoundMessage({ email = '' }: Values, emailUs: TemplateResult | string): TemplateResult {
    return notFoundText.username(email, emailUs);
  }

  protected supportMail({ email = '' }: Values) {
    return supportMailText.username(email);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-help-username': LoginHelpUsername;
  }
}
