// The source catalogue of every text the server writes for a person: the three emails, the reset's
// password refusals and the reset page. xliff/<locale>.xlf holds each language's translation as
// `server.*` units (npm run localize:extract adds and updates them from here); a `{placeholder}`
// must stay as written. Data only: src/mail/templates renders it.

/**
 * A count's text in each plural form the locale has (Intl.PluralRules categories); `other` is
 * required, and a form may drop `{count}` where the language names the number ("one minute").
 */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export const en = {
  /** Opens every email. */
  greeting: 'Hello,',
  /** Closes every email: no one reads replies to the sending address. */
  automatic: 'This email was sent automatically. Replies to it are not read.',
  /** `{duration}` in resetPassword.expires, chosen by the count of minutes. */
  minutes: { one: '{count} minute', other: '{count} minutes' } as PluralMessage,

  forgotUsername: {
    subject: 'Forgot User Name Request',
    intro: 'Someone asked for the user name that goes with {email}. This is what we have on file:',
    practice: 'Practice: {practiceName}',
    userName: 'User name: {userName}',
    notRequested: 'If you did not ask for this, you can ignore this email. Nothing in your account has changed.',
  },

  resetPassword: {
    subject: 'Reset Your Password',
    intro: 'Password help was requested by {requestedBy} for the user name {userName} at {practiceName}.',
    action: 'To create a new password, open this link:',
    button: 'Create a new password',
    copyLink: 'If the button does not work, copy this address into your browser:',
    expires: 'The link works only once and expires in {duration}.',
    notRequested: 'If you did not expect this email, you can ignore it. Your password stays the same.',
  },

  passwordChanged: {
    subject: 'Your password was changed',
    intro: 'The password for the user name {userName} at {practiceName} was changed.',
    when: 'When: {time}',
    madeIt: 'If you made this change, there is nothing else to do.',
    notYou: 'If you did not make this change, contact your support desk right away.',
    notYouEmail: 'If you did not make this change, contact the support desk right away at {helpEmail}.',
  },

  /** The served reset page (GET /reset); its heading and title are the widget's `reset.heading`. */
  resetPage: {
    /** Shown only by a browser that cannot run the page's script. `{browsers}`: "Chrome 98, Edge 98, Firefox 101, Safari 16.4". */
    needsNewerBrowser: 'This page needs a newer browser with JavaScript on: {browsers} or later. Open the link from your email in one of them.',
  },

  /** Why a new password is refused: the reset answer's `errors.password`, shown at New Password. */
  passwordRefusals: {
    /** `{count}`: PASSWORD_MIN_LENGTH (8 to 256). */
    tooShort: { other: 'Use at least {count} characters.' } as PluralMessage,
    /** `{count}`: the upper bound, 256. */
    tooLong: { other: 'Use {count} characters or fewer.' } as PluralMessage,
    tooCommon: 'This password is too common and easy to guess. Choose another, such as a few unrelated words.',
    userName: 'Do not base your password on your user name.',
    /** Found by the range lookup of passwords seen in breaches (BREACHED_PASSWORDS_URL). */
    breached: 'This password has appeared in a data breach, so attackers will try it. Choose another, such as a few unrelated words.',
    /** With PASSWORD_HASH_FORMAT=bcrypt: `{count}` is bcrypt's limit, 72 (UTF-8 bytes). */
    tooManyBytes: { other: "Use a shorter password: your portal's sign-in reads only the first {count} bytes ({count} plain letters, fewer with accents or other scripts)." } as PluralMessage,
    /** With PASSWORD_HASH_FORMAT=bcrypt: a NUL character (U+0000) ends the password for bcrypt. */
    nulCharacter: 'Your password cannot contain a NUL character.',
  },
};

/** The shape every locale's catalog has: the English one's, with any text. */
export type EmailMessages = typeof en;
