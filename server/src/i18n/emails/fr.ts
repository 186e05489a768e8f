// French (fr). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const fr: EmailMessages = {
  greeting: 'Bonjour,',
  automatic: 'Cet e-mail a été envoyé automatiquement. Les réponses à cette adresse ne sont pas lues.',
  minutes: { one: '{count} minute', other: '{count} minutes' },

  forgotUsername: {
    subject: 'Demande de nom d’utilisateur oublié',
    intro: 'Une personne a demandé le nom d’utilisateur associé à {email}. Voici ce qui figure dans nos dossiers\u00a0:',
    practice: 'Clinique\u00a0: {practiceName}',
    userName: 'Nom d’utilisateur\u00a0: {userName}',
    notRequested: 'Si vous n’avez rien demandé, vous pouvez ignorer cet e-mail. Votre compte n’a pas été modifié.',
  },

  resetPassword: {
    subject: 'Réinitialisez votre mot de passe',
    intro: 'Une aide pour le mot de passe a été demandée par {requestedBy} pour le nom d’utilisateur {userName} de {practiceName}.',
    action: 'Pour créer un nouveau mot de passe, ouvrez ce lien\u00a0:',
    button: 'Créer un nouveau mot de passe',
    copyLink: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    expires: 'Le lien ne fonctionne qu’une seule fois et expire dans {duration}.',
    notRequested: 'Si vous n’attendiez pas cet e-mail, vous pouvez l’ignorer. Votre mot de passe reste inchangé.',
  },

  passwordChanged: {
    subject: 'Votre mot de passe a été modifié',
    intro: 'Le mot de passe du nom d’utilisateur {userName} de {practiceName} a été modifié.',
    when: 'Date\u00a0: {time}',
    madeIt: 'Si vous êtes à l’origine de ce changement, vous n’avez rien d’autre à faire.',
    notYou: 'Si vous n’êtes pas à l’origine de ce changement, contactez immédiatement votre service d’assistance.',
    notYouEmail: 'Si vous n’êtes pas à l’origine de ce changement, contactez immédiatement le service d’assistance à l’adresse {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { one: 'Utilisez au moins {count} caractère.', other: 'Utilisez au moins {count} caractères.' },
    tooLong: { one: 'Utilisez {count} caractère au maximum.', other: 'Utilisez {count} caractères au maximum.' },
    tooCommon: 'Ce mot de passe est trop courant et facile à deviner. Choisissez-en un autre, par exemple quelques mots sans rapport entre eux.',
    userName: 'Ne construisez pas votre mot de passe à partir de votre nom d’utilisateur.',
    breached: 'Ce mot de passe est apparu dans une fuite de données, et des pirates vont donc l’essayer. Choisissez-en un autre, par exemple quelques mots sans rapport entre eux.',
    tooManyBytes: { one: 'Utilisez un mot de passe plus court\u00a0: la connexion à votre portail ne prend en compte que le premier octet (une lettre simple).', other: 'Utilisez un mot de passe plus court\u00a0: la connexion à votre portail ne prend en compte que les {count} premiers octets ({count} lettres simples, moins avec des lettres accentuées ou d’autres écritures).' },
    nulCharacter: 'Votre mot de passe ne peut pas contenir le caractère NUL.',
  },
};
