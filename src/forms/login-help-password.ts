// <login-help-password>, the Password Help? form: its two fields (User Name, Requested By) and
// its texts; everything else comes from LoginHelpForm.
import type { TemplateResult } from 'lit';
import { acceptedText, formTexts, notFoundText, sentText, supportMailText } from '../i18n/texts.js';
import type { PasswordRequestData } from '../request/outcome.js';
import { checkText } from '../validation.js';
import { LoginHelpForm, type FieldSpec } from './login-help-form.js';

type Values = { userName?: string; requestedBy?: string };

/**
 * The **Password Help?** form: User Name and Requested By. The backend emails a reset link to
 * the address on file for that user name; when the user name is not on file, the Attention
 * dialog says so.
 *
 * @tagname login-help-password
 * @summary Password Help? form with its own Attention dialog.
 *
 * @fires login-help-request - Before the request; cancelable; `detail.headers` may be added to.
 * @fires login-help-sent - The backend said sent (`detail.accepted` for the neutral answer).
 * @fires login-help-not-found - The backend said the user name is not on file.
 * @fires login-help-error - Any other outcome; `detail.reason` says which.
 */
export class LoginHelpPassword extends LoginHelpForm {
  protected readonly form = 'password';
  protected readonly fields: readonly FieldSpec[] = [
    { name: 'userName', label: () => formTexts().userName, type: 'text', autocomplete: 'username', check: checkText },
    { name: 'requestedBy', label: () => formTexts().requestedBy, type: 'text', autocomplete: 'name', check: checkText },
  ];

  protected heading(): string {
    return formTexts().passwordHeading;
  }

  protected requestData({ userName = '', requestedBy = '' }: Values): PasswordRequestData {
    return { userName, requestedBy };
  }

  protected successText({ userName = '', requestedBy = '' }: Values, accepted: boolean): string {
    return accepted ? acceptedText.password(userName) : sentText.password(userName, requestedBy);
  }

  protected notFoundMessage({ userName = '' }: Values, emailUs: TemplateResult | string): TemplateResult {
    return notFoundText.password(userName, emailUs);
  }

  protected supportMail({ userName = '', requestedBy = '' }: Values) {
    return supportMailText.password(userName, requestedBy);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-help-password': LoginHelpPassword;
  }
}
