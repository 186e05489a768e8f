// Swedish (sv). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const sv: EmailMessages = {
  greeting: 'Hej,',
  automatic: 'Det här meddelandet skickades automatiskt. Svar på det läses inte.',
  minutes: { one: '{count} minut', other: '{count} minuter' },

  forgotUsername: {
    subject: 'Begäran om bortglömt användarnamn',
    intro: 'Någon har bett om användarnamnet som hör till {email}. Det här finns registrerat hos oss:',
    practice: 'Klinik: {practiceName}',
    userName: 'Användarnamn: {userName}',
    notRequested: 'Om du inte har bett om detta kan du bortse från meddelandet. Inget i ditt konto har ändrats.',
  },

  resetPassword: {
    subject: 'Återställ ditt lösenord',
    intro: '{requestedBy} har begärt hjälp med lösenordet för användarnamnet {userName} på {practiceName}.',
    action: 'Öppna den här länken för att skapa ett nytt lösenord:',
    button: 'Skapa ett nytt lösenord',
    copyLink: 'Om knappen inte fungerar kan du kopiera den här adressen till webbläsaren:',
    expires: 'Länken fungerar bara en gång och slutar gälla om {duration}.',
    notRequested: 'Om du inte väntade dig det här meddelandet kan du bortse från det. Ditt lösenord förblir detsamma.',
  },

  passwordChanged: {
    subject: 'Ditt lösenord har ändrats',
    intro: 'Lösenordet för användarnamnet {userName} på {practiceName} har ändrats.',
    when: 'Tidpunkt: {time}',
    madeIt: 'Om det var du som gjorde ändringen behöver du inte göra något mer.',
    notYou: 'Om det inte var du som gjorde ändringen ska du genast kontakta din support.',
    notYouEmail: 'Om det inte var du som gjorde ändringen ska du genast kontakta supporten på {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { other: 'Använd minst {count} tecken.' },
    tooLong: { other: 'Använd högst {count} tecken.' },
    tooCommon: 'Det här lösenordet är för vanligt och lätt att gissa. Välj ett annat, till exempel några ord som inte hör ihop.',
    userName: 'Bygg inte ditt lösenord på ditt användarnamn.',
    breached: 'Det här lösenordet har förekommit i ett dataintrång, så angripare kommer att pröva det. Välj ett annat, till exempel några ord som inte hör ihop.',
    tooManyBytes: { other: 'Använd ett kortare lösenord: inloggningen i din portal läser bara in {count} byte ({count} vanliga bokstäver, färre med å, ä, ö, accenter eller andra skriftsystem).' },
    nulCharacter: 'Ditt lösenord får inte innehålla tecknet NUL.',
  },
};
