// Dutch (nl). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const nl: EmailMessages = {
  greeting: 'Goedendag,',
  automatic: 'Deze e-mail is automatisch verstuurd. Antwoorden hierop worden niet gelezen.',
  minutes: { one: '{count} minuut', other: '{count} minuten' },

  forgotUsername: {
    subject: 'Aanvraag vergeten gebruikersnaam',
    intro: 'Iemand heeft de gebruikersnaam bij {email} opgevraagd. Dit is wat wij hebben geregistreerd:',
    practice: 'Praktijk: {practiceName}',
    userName: 'Gebruikersnaam: {userName}',
    notRequested: 'Als u dit niet hebt aangevraagd, kunt u deze e-mail negeren. Er is niets aan uw account veranderd.',
  },

  resetPassword: {
    subject: 'Stel uw wachtwoord opnieuw in',
    intro: '{requestedBy} heeft hulp bij het wachtwoord aangevraagd voor de gebruikersnaam {userName} bij {practiceName}.',
    action: 'Open deze link om een nieuw wachtwoord aan te maken:',
    button: 'Nieuw wachtwoord aanmaken',
    copyLink: 'Werkt de knop niet? Kopieer dan dit adres naar uw browser:',
    expires: 'De link werkt maar één keer en verloopt over {duration}.',
    notRequested: 'Als u deze e-mail niet verwachtte, kunt u hem negeren. Uw wachtwoord blijft hetzelfde.',
  },

  passwordChanged: {
    subject: 'Uw wachtwoord is gewijzigd',
    intro: 'Het wachtwoord voor de gebruikersnaam {userName} bij {practiceName} is gewijzigd.',
    when: 'Tijdstip: {time}',
    madeIt: 'Hebt u dit zelf gewijzigd, dan hoeft u verder niets te doen.',
    notYou: 'Hebt u dit niet zelf gewijzigd? Neem dan meteen contact op met uw helpdesk.',
    notYouEmail: 'Hebt u dit niet zelf gewijzigd? Neem dan meteen contact op met de helpdesk via {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { one: 'Gebruik ten minste {count} teken.', other: 'Gebruik ten minste {count} tekens.' },
    tooLong: { one: 'Gebruik hoogstens {count} teken.', other: 'Gebruik hoogstens {count} tekens.' },
    tooCommon: 'Dit wachtwoord komt te vaak voor en is makkelijk te raden. Kies een ander wachtwoord, bijvoorbeeld een paar woorden die niets met elkaar te maken hebben.',
    userName: 'Baseer uw wachtwoord niet op uw gebruikersnaam.',
    breached: 'Dit wachtwoord is in een datalek opgedoken, dus aanvallers zullen het uitproberen. Kies een ander wachtwoord, bijvoorbeeld een paar woorden die niets met elkaar te maken hebben.',
    tooManyBytes: { one: 'Gebruik een korter wachtwoord: bij het inloggen op uw portaal telt alleen de eerste byte mee (één gewone letter).', other: 'Gebruik een korter wachtwoord: bij het inloggen op uw portaal tellen alleen de eerste {count} bytes mee ({count} gewone letters, minder met accenten of andere schriften).' },
    nulCharacter: 'Uw wachtwoord mag geen NUL-teken bevatten.',
  },
};
