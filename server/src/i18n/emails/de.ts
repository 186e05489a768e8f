// German (de). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const de: EmailMessages = {
  greeting: 'Guten Tag,',
  automatic: 'Diese E-Mail wurde automatisch gesendet. Antworten darauf werden nicht gelesen.',
  minutes: { one: '{count} Minute', other: '{count} Minuten' },

  forgotUsername: {
    subject: 'Anfrage: Benutzername vergessen',
    intro: 'Jemand hat den Benutzernamen zu {email} angefordert. Folgendes ist bei uns hinterlegt:',
    practice: 'Praxis: {practiceName}',
    userName: 'Benutzername: {userName}',
    notRequested: 'Wenn Sie dies nicht angefordert haben, können Sie diese E-Mail ignorieren. An Ihrem Konto hat sich nichts geändert.',
  },

  resetPassword: {
    subject: 'Passwort zurücksetzen',
    intro: '{requestedBy} hat Hilfe zum Passwort für den Benutzernamen {userName} bei {practiceName} angefordert.',
    action: 'Um ein neues Passwort zu erstellen, öffnen Sie diesen Link:',
    button: 'Neues Passwort erstellen',
    copyLink: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',
    expires: 'Der Link funktioniert nur einmal und läuft in {duration} ab.',
    notRequested: 'Wenn Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren. Ihr Passwort bleibt unverändert.',
  },

  passwordChanged: {
    subject: 'Ihr Passwort wurde geändert',
    intro: 'Das Passwort für den Benutzernamen {userName} bei {practiceName} wurde geändert.',
    when: 'Zeitpunkt: {time}',
    madeIt: 'Wenn Sie diese Änderung vorgenommen haben, ist nichts weiter zu tun.',
    notYou: 'Wenn Sie diese Änderung nicht vorgenommen haben, wenden Sie sich bitte umgehend an Ihren Support.',
    notYouEmail: 'Wenn Sie diese Änderung nicht vorgenommen haben, wenden Sie sich bitte umgehend an den Support unter {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { other: 'Verwenden Sie mindestens {count} Zeichen.' },
    tooLong: { other: 'Verwenden Sie höchstens {count} Zeichen.' },
    tooCommon: 'Dieses Passwort ist zu weit verbreitet und leicht zu erraten. Wählen Sie ein anderes, zum Beispiel einige Wörter, die nichts miteinander zu tun haben.',
    userName: 'Leiten Sie Ihr Passwort nicht von Ihrem Benutzernamen ab.',
    breached: 'Dieses Passwort ist in einem Datenleck aufgetaucht, daher werden Angreifer es ausprobieren. Wählen Sie ein anderes, zum Beispiel einige Wörter, die nichts miteinander zu tun haben.',
    tooManyBytes: { other: 'Verwenden Sie ein kürzeres Passwort: Die Anmeldung bei Ihrem Portal berücksichtigt nur die ersten {count} Bytes ({count} einfache Buchstaben, weniger bei Umlauten, Akzenten oder anderen Schriften).' },
    nulCharacter: 'Ihr Passwort darf kein NUL-Zeichen enthalten.',
  },
};
