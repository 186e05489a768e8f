// Polish (pl). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const pl: EmailMessages = {
  greeting: 'Dzień dobry,',
  automatic: 'Ta wiadomość została wysłana automatycznie. Odpowiedzi na nią nie są czytane.',
  minutes: { one: '{count} minutę', few: '{count} minuty', many: '{count} minut', other: '{count} minuty' },

  forgotUsername: {
    subject: 'Prośba o przypomnienie nazwy użytkownika',
    intro: 'Ktoś poprosił o nazwę użytkownika powiązaną z adresem {email}. Oto dane zapisane w naszym systemie:',
    practice: 'Placówka: {practiceName}',
    userName: 'Nazwa użytkownika: {userName}',
    notRequested: 'Jeśli to nie Państwo o to prosili, można zignorować tę wiadomość. Na koncie nic się nie zmieniło.',
  },

  resetPassword: {
    subject: 'Resetowanie hasła',
    intro: 'Zgłoszono prośbę o pomoc z hasłem dla nazwy użytkownika {userName} w placówce {practiceName}. Osoba zgłaszająca: {requestedBy}.',
    action: 'Aby utworzyć nowe hasło, proszę otworzyć ten link:',
    button: 'Utwórz nowe hasło',
    copyLink: 'Jeśli przycisk nie działa, proszę skopiować ten adres do przeglądarki:',
    expires: 'Link działa tylko raz i wygaśnie za {duration}.',
    notRequested: 'Jeśli ta wiadomość nie była oczekiwana, można ją zignorować. Hasło pozostaje bez zmian.',
  },

  passwordChanged: {
    subject: 'Hasło zostało zmienione',
    intro: 'Hasło dla nazwy użytkownika {userName} w placówce {practiceName} zostało zmienione.',
    when: 'Data i godzina: {time}',
    madeIt: 'Jeśli to Państwo wprowadzili tę zmianę, nie trzeba nic więcej robić.',
    notYou: 'Jeśli to nie Państwo wprowadzili tę zmianę, proszę niezwłocznie skontaktować się z pomocą techniczną.',
    notYouEmail: 'Jeśli to nie Państwo wprowadzili tę zmianę, proszę niezwłocznie napisać do pomocy technicznej: {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { one: 'Liczba znaków: co najmniej {count}.', few: 'Liczba znaków: co najmniej {count}.', many: 'Liczba znaków: co najmniej {count}.', other: 'Liczba znaków: co najmniej {count}.' },
    tooLong: { one: 'Hasło może mieć najwyżej {count} znak.', few: 'Hasło może mieć najwyżej {count} znaki.', many: 'Hasło może mieć najwyżej {count} znaków.', other: 'Hasło może mieć najwyżej {count} znaku.' },
    tooCommon: 'To hasło jest zbyt popularne i łatwe do odgadnięcia. Proszę wybrać inne, na przykład kilka niezwiązanych ze sobą słów.',
    userName: 'Proszę nie tworzyć hasła na podstawie nazwy użytkownika.',
    breached: 'To hasło pojawiło się w wycieku danych, więc atakujący będą je wypróbowywać. Proszę wybrać inne, na przykład kilka niezwiązanych ze sobą słów.',
    tooManyBytes: { one: 'Proszę użyć krótszego hasła: logowanie do portalu uwzględnia tylko pierwszy bajt (jedną zwykłą literę).', few: 'Proszę użyć krótszego hasła: logowanie do portalu uwzględnia tylko pierwsze {count} bajty (tyle samo zwykłych liter; mniej, jeśli hasło zawiera litery ze znakami diakrytycznymi, np. ą lub ę, albo znaki innych alfabetów).', many: 'Proszę użyć krótszego hasła: logowanie do portalu uwzględnia tylko pierwsze {count} bajtów (tyle samo zwykłych liter; mniej, jeśli hasło zawiera litery ze znakami diakrytycznymi, np. ą lub ę, albo znaki innych alfabetów).', other: 'Proszę użyć krótszego hasła: logowanie do portalu uwzględnia tylko pierwsze {count} bajta ({count} zwykłej litery; mniej, jeśli hasło zawiera litery ze znakami diakrytycznymi, np. ą lub ę, albo znaki innych alfabetów).' },
    nulCharacter: 'Hasło nie może zawierać znaku NUL.',
  },
};
