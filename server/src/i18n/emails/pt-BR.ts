// Portuguese (Brazil) (pt-BR). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const ptBR: EmailMessages = {
  greeting: 'Olá,',
  automatic: 'Este e-mail foi enviado automaticamente. As respostas a ele não são lidas.',
  minutes: { one: '{count} minuto', other: '{count} minutos' },

  forgotUsername: {
    subject: 'Solicitação de nome de usuário esquecido',
    intro: 'Alguém solicitou o nome de usuário associado a {email}. Estes são os dados que temos cadastrados:',
    practice: 'Clínica: {practiceName}',
    userName: 'Nome de usuário: {userName}',
    notRequested: 'Se você não fez essa solicitação, pode ignorar este e-mail. Nada foi alterado na sua conta.',
  },

  resetPassword: {
    subject: 'Redefina sua senha',
    intro: '{requestedBy} solicitou ajuda com a senha do nome de usuário {userName} em {practiceName}.',
    action: 'Para criar uma nova senha, abra este link:',
    button: 'Criar uma nova senha',
    copyLink: 'Se o botão não funcionar, copie este endereço no seu navegador:',
    expires: 'O link só funciona uma vez e expira em {duration}.',
    notRequested: 'Se você não esperava este e-mail, pode ignorá-lo. Sua senha continua a mesma.',
  },

  passwordChanged: {
    subject: 'Sua senha foi alterada',
    intro: 'A senha do nome de usuário {userName} em {practiceName} foi alterada.',
    when: 'Data e hora: {time}',
    madeIt: 'Se foi você quem fez essa alteração, não é preciso fazer mais nada.',
    notYou: 'Se não foi você quem fez essa alteração, entre em contato imediatamente com o seu suporte.',
    notYouEmail: 'Se não foi você quem fez essa alteração, entre em contato imediatamente com o suporte pelo e-mail {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { one: 'Use pelo menos {count} caractere.', other: 'Use pelo menos {count} caracteres.' },
    tooLong: { one: 'Use no máximo {count} caractere.', other: 'Use no máximo {count} caracteres.' },
    tooCommon: 'Esta senha é comum demais e fácil de adivinhar. Escolha outra, como algumas palavras sem relação entre si.',
    userName: 'Não crie sua senha com base no seu nome de usuário.',
    breached: 'Esta senha apareceu em um vazamento de dados, então invasores vão testá-la. Escolha outra, como algumas palavras sem relação entre si.',
    tooManyBytes: { one: 'Use uma senha mais curta: o acesso ao seu portal considera apenas o primeiro byte (uma letra sem acento).', other: 'Use uma senha mais curta: o acesso ao seu portal considera apenas os primeiros {count} bytes ({count} letras sem acento; menos com letras acentuadas, ç ou letras de outros alfabetos).' },
    nulCharacter: 'Sua senha não pode conter o caractere NUL.',
  },
};
