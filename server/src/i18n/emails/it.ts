// Italian (it). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const it: EmailMessages = {
  greeting: 'Buongiorno,',
  automatic: 'Questa email è stata inviata automaticamente. Le risposte a questo indirizzo non vengono lette.',
  minutes: { one: '{count} minuto', other: '{count} minuti' },

  forgotUsername: {
    subject: 'Richiesta di nome utente dimenticato',
    intro: 'Qualcuno ha chiesto il nome utente associato a {email}. Ecco i dati registrati:',
    practice: 'Clinica: {practiceName}',
    userName: 'Nome utente: {userName}',
    notRequested: 'Se non ha fatto questa richiesta, può ignorare questa email. Il suo account non è stato modificato.',
  },

  resetPassword: {
    subject: 'Reimpostazione della password',
    intro: '{requestedBy} ha chiesto assistenza per la password del nome utente {userName} presso {practiceName}.',
    action: 'Per creare una nuova password, apra questo link:',
    button: 'Crea una nuova password',
    copyLink: 'Se il pulsante non funziona, copi questo indirizzo nel browser:',
    expires: 'Il link funziona una sola volta e scade tra {duration}.',
    notRequested: 'Se non si aspettava questa email, può ignorarla. La sua password resta invariata.',
  },

  passwordChanged: {
    subject: 'La sua password è stata modificata',
    intro: 'La password del nome utente {userName} presso {practiceName} è stata modificata.',
    when: 'Data e ora: {time}',
    madeIt: 'Se ha effettuato lei questa modifica, non deve fare altro.',
    notYou: 'Se non ha effettuato lei questa modifica, contatti subito il servizio di assistenza.',
    notYouEmail: 'Se non ha effettuato lei questa modifica, contatti subito il servizio di assistenza all’indirizzo {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { one: 'Usi almeno {count} carattere.', other: 'Usi almeno {count} caratteri.' },
    tooLong: { one: 'Usi al massimo {count} carattere.', other: 'Usi al massimo {count} caratteri.' },
    tooCommon: 'Questa password è troppo comune e facile da indovinare. Ne scelga un’altra, ad esempio alcune parole senza legami tra loro.',
    userName: 'Non crei la password a partire dal suo nome utente.',
    breached: 'Questa password è comparsa in una violazione di dati, quindi i malintenzionati la proveranno. Ne scelga un’altra, ad esempio alcune parole senza legami tra loro.',
    tooManyBytes: { one: 'Usi una password più corta: l’accesso al suo portale considera solo il primo byte (una lettera semplice).', other: 'Usi una password più corta: l’accesso al suo portale considera solo i primi {count} byte ({count} lettere semplici, meno con lettere accentate o di altri alfabeti).' },
    nulCharacter: 'La password non può contenere il carattere NUL.',
  },
};
