// Every text the widget shows, in English, each through @lit/localize's msg with an explicit
// id: the ids are the `<trans-unit>`s of xliff/<locale>.xlf, where each language's translation lives.
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { ErrorReason } from '../request/outcome.js';
import type { FieldProblem } from '../validation.js';
import { activeLocale } from './active-locale.js';
import { directionOf, type Locale } from './localization.js';
// Installs the widget's per-element lookup as @lit/localize's msg (a side effect only).
import './install-msg.js';

// Every text a person can see or send lives here, so translators find one file and the
// templates read like the page. Ids are stable: the XLIFF files key on them.

export const panelTexts = () => ({
  heading: msg('Login Help', { id: 'panel.heading' }),
  intro: msg('You can reset your own password, but if you are having issues, we can help!', { id: 'panel.intro' }),
  options: msg('You can select from two options for login help: user help or password help.', { id: 'panel.options' }),
  usernameOption: msg('Option 1) User name help', { id: 'panel.option-username' }),
  passwordOption: msg('Option 2) Password help', { id: 'panel.option-password' }),
});

export const formTexts = () => ({
  usernameHeading: msg('Forgot User Name?', { id: 'username.heading' }),
  passwordHeading: msg('Password Help?', { id: 'password.heading' }),
  email: msg('Clinic Email', { id: 'field.email' }),
  userName: msg('User Name', { id: 'field.user-name' }),
  requestedBy: msg('Requested By', { id: 'field.requested-by' }),
  submit: msg('Submit', { id: 'form.submit' }),
  sending: msg('Sending your request…', { id: 'form.sending' }),
  errorPrefix: msg('Error:', { id: 'form.error-prefix' }),
  summaryTitle: msg('There is a problem', { id: 'form.summary-title' }),
});

/** The message shown at a field that failed a check before sending. */
export function problemText(field: 'email' | 'userName' | 'requestedBy', problem: FieldProblem): string {
  switch (problem) {
    case 'required':
      if (field === 'email') return msg('Enter your clinic email address.', { id: 'problem.email-required' });
      if (field === 'userName') return msg('Enter the user name.', { id: 'problem.user-name-required' });
      return msg('Enter the name of the person asking for help.', { id: 'problem.requested-by-required' });
    case 'email-format':
      return msg('Enter an email address in the correct format, like name@clinic.com.', { id: 'problem.email-format' });
    case 'too-long':
      if (field === 'email') return msg('The clinic email must be 254 characters or fewer.', { id: 'problem.email-too-long' });
      if (field === 'userName') return msg('The user name must be 200 characters or fewer.', { id: 'problem.user-name-too-long' });
      return msg('Requested By must be 200 characters or fewer.', { id: 'problem.requested-by-too-long' });
    case 'control-characters':
      return msg('Remove line breaks and invisible characters (such as zero-width spaces) from this field.', { id: 'problem.control-characters' });
  }
}

/**
 * Wraps a typed value in Unicode isolates when the sentence is right-to-left, so an English
 * address inside Arabic text keeps its own direction (a plain string cannot hold <bdi>).
 */
const iso = (value: string) => (directionOf(activeLocale() as Locale) === 'rtl' ? `\u2068${value}\u2069` : value);

export const sentText = {
  username: (email: string) =>
    msg(str`We sent an email titled “Forgot User Name Request” with your clinic's user name to ${iso(email)}.`, {
      id: 'sent.username',
    }),
  password: (userName: string, requestedBy: string) =>
    msg(
      str`We sent an email titled “Reset Your Password” to the address on file for the user name ${iso(userName)}. It names ${iso(requestedBy)} as the person who asked and holds a link to create a new password.`,
      { id: 'sent.password' },
    ),
};

export const acceptedText = {
  username: (email: string) =>
    msg(
      str`If ${iso(email)} is on file for a practice, an email titled “Forgot User Name Request” is on its way to it. Please check that inbox in a few minutes.`,
      { id: 'accepted.username' },
    ),
  password: (userName: string) =>
    msg(
      str`If the user name ${iso(userName)} is on file, an email titled “Reset Your Password” is on its way to the address on file for it. Please check that inbox in a few minutes.`,
      { id: 'accepted.password' },
    ),
};

/** How long to wait, in the active locale's words and plural rules: "45 seconds", "1 minute". */
export function waitText(seconds: number): string {
  const [amount, unit] = seconds < 60 ? [Math.max(1, seconds), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(activeLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

/** The inline message for every outcome that is neither sent nor not found. */
export function errorText(reason: ErrorReason, retryAfterSeconds?: number): string {
  switch (reason) {
    case 'invalid':
      return msg('Some of what you entered was not accepted. Correct it and submit again.', { id: 'error.invalid' });
    case 'rate-limited':
      return retryAfterSeconds === undefined
        ? msg('Too many requests were made. Please wait a few minutes, then submit again.', { id: 'error.rate-limited' })
        : msg(str`Too many requests were made. Please wait ${waitText(retryAfterSeconds)}, then submit again.`, {
            id: 'error.rate-limited-wait',
          });
    case 'server':
      return retryAfterSeconds === undefined
        ? msg('Something went wrong on our side and your request was not completed. Please submit again in a few minutes.', {
            id: 'error.server',
          })
        : msg(str`The service is briefly unavailable and your request was not completed. Please wait ${waitText(retryAfterSeconds)}, then submit again.`, {
            id: 'error.server-wait',
          });
    case 'network':
      return msg('We could not reach the server. Check your internet connection, then submit again.', { id: 'error.network' });
    case 'timeout':
      return msg('The server took too long to answer. Please submit again.', { id: 'error.timeout' });
    case 'config':
      return msg("This form is not set up correctly, so nothing was sent. Please tell the website's administrator.", {
        id: 'error.config',
      });
  }
}

export const dialogTexts = () => ({
  title: msg('Attention', { id: 'dialog.title' }),
  ok: msg('OK', { id: 'dialog.ok' }),
  emailUs: msg('email us', { id: 'dialog.email-us' }),
});

/** The Attention sentence; `value` and `emailUs` are rendered as text / a link, never as markup. */
export const notFoundText = {
  username: (email: string, emailUs: unknown): TemplateResult =>
    msg(
      html`The email address <strong>${email}</strong> is not associated with any active practices. Please ${emailUs} for assistance with finding your user name.`,
      { id: 'not-found.username' },
    ),
  password: (userName: string, emailUs: unknown): TemplateResult =>
    msg(
      html`The user name <strong>${userName}</strong> is not associated with any active practices. Please ${emailUs} for assistance with finding your user name and resetting your password.`,
      { id: 'not-found.password' },
    ),
};

/** Subject and body of the "email us" message; the body carries what the person entered. */
export const supportMailText = {
  username: (email: string) => ({
    subject: msg('Help finding my clinic user name', { id: 'mail.username-subject' }),
    body: msg(
      str`Hello,

I asked for my clinic's user name with the email address ${email}, but it is not associated with any active practice. Please help me find my user name.

Thank you.`,
      { id: 'mail.username-body' },
    ),
  }),
  password: (userName: string, requestedBy: string) => ({
    subject: msg('Help resetting my password', { id: 'mail.password-subject' }),
    body: msg(
      str`Hello,

I asked for a password reset for the user name ${userName} (requested by ${requestedBy}), but it is not associated with any active practice. Please help me find my user name and reset my password.

Thank you.`,
      { id: 'mail.password-body' },
    ),
  }),
};

/** The lines that let the support desk find the submission in its logs. */
export const supportMailFooter = (reference: string, time: string, lang: string) =>
  msg(
    str`Reference: ${reference}
Time: ${time}
Language: ${lang}`,
    { id: 'mail.footer' },
  );

// <login-help-reset> (SPEC §8). Every text of the reset page has a `reset.` id, and the reset page
// uses no other: its bundle ships only these (dist/locales/<locale>-reset.js), and the panel's
// bundle never ships them (scripts/locale-chunks.js).

export const resetTexts = () => ({
  heading: msg('Create a New Password', { id: 'reset.heading' }),
  checking: msg('Checking your link…', { id: 'reset.checking' }),
  userName: msg('User Name', { id: 'reset.user-name' }),
  newPassword: msg('New Password', { id: 'reset.new-password' }),
  confirmPassword: msg('Confirm New Password', { id: 'reset.confirm-password' }),
  show: msg('Show', { id: 'reset.show' }),
  hide: msg('Hide', { id: 'reset.hide' }),
  showNew: msg('Show new password', { id: 'reset.show-new' }),
  hideNew: msg('Hide new password', { id: 'reset.hide-new' }),
  showConfirm: msg('Show password confirmation', { id: 'reset.show-confirm' }),
  hideConfirm: msg('Hide password confirmation', { id: 'reset.hide-confirm' }),
  shown: msg('Your password is visible.', { id: 'reset.shown' }),
  hidden: msg('Your password is hidden.', { id: 'reset.hidden' }),
  save: msg('Save Password', { id: 'reset.save' }),
  saving: msg('Saving your new password…', { id: 'reset.saving' }),
  changed: msg('Your password has been changed.', { id: 'reset.changed' }),
  signInLink: msg('Sign in with your new password', { id: 'reset.sign-in-link' }),
  signInText: msg('You can now sign in with your new password.', { id: 'reset.sign-in-text' }),
  newLink: msg('Request a new link', { id: 'reset.new-link' }),
  newLinkText: msg('Please request a new link on the Login Help page.', { id: 'reset.new-link-text' }),
  tryAgain: msg('Try again', { id: 'reset.try-again' }),
  errorPrefix: msg('Error:', { id: 'reset.error-prefix' }),
  summaryTitle: msg('There is a problem', { id: 'reset.summary-title' }),
});

/** The password rule shown under New Password. */
export const resetRuleText = (minLength: number) =>
  msg(str`Use at least ${minLength} characters. Spaces and any other characters are allowed.`, { id: 'reset.rule' });

/** Why the link cannot be used. */
export function resetLinkText(link: 'expired' | 'used' | 'invalid'): string {
  switch (link) {
    case 'expired':
      return msg('This link has expired.', { id: 'reset.link-expired' });
    case 'used':
      return msg('This link was already used.', { id: 'reset.link-used' });
    case 'invalid':
      return msg('This link is not valid.', { id: 'reset.link-invalid' });
  }
}

/** The message at a password field that failed a check before sending. */
export function resetProblemText(problem: 'required' | 'too-short' | 'too-long' | 'confirm-required' | 'mismatch', minLength: number): string {
  switch (problem) {
    case 'required':
      return msg('Enter a new password.', { id: 'reset.problem-required' });
    case 'too-short':
      return msg(str`Your password must be at least ${minLength} characters.`, { id: 'reset.problem-too-short' });
    case 'too-long':
      return msg('Your password must be 256 characters or fewer.', { id: 'reset.problem-too-long' });
    case 'confirm-required':
      return msg('Enter your new password again.', { id: 'reset.problem-confirm-required' });
    case 'mismatch':
      return msg('The passwords do not match. Enter the same password in both fields.', { id: 'reset.problem-mismatch' });
  }
}

/** The inline message when the link could not be checked or the password could not be saved. */
export function resetErrorText(reason: 'invalid' | 'rate-limited' | 'server' | 'network' | 'timeout' | 'config', retryAfterSeconds?: number): string {
  switch (reason) {
    case 'invalid':
      return msg('Your new password was not accepted. Choose another one and try again.', { id: 'reset.error-invalid' });
    case 'rate-limited':
      return retryAfterSeconds === undefined
        ? msg('Too many attempts were made. Please wait a few minutes, then try again.', { id: 'reset.error-rate-limited' })
        : msg(str`Too many attempts were made. Please wait ${waitText(retryAfterSeconds)}, then try again.`, { id: 'reset.error-rate-limited-wait' });
    case 'server':
      return retryAfterSeconds === undefined
        ? msg('Something went wrong on our side. Please try again in a few minutes.', { id: 'reset.error-server' })
        : msg(str`The service is briefly unavailable. Please wait ${waitText(retryAfterSeconds)}, then try again.`, { id: 'reset.error-server-wait' });
    case 'network':
      return msg('We could not reach the server. Check your internet connection, then try again.', { id: 'reset.error-network' });
    case 'timeout':
      return msg('The server took too long to answer. Please try again.', { id: 'reset.error-timeout' });
    case 'config':
      return msg("This page is not set up correctly, so nothing was sent. Please tell the website's administrator.", { id: 'reset.error-config' });
  }
}
