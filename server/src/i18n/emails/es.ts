// Spanish (es). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const es: EmailMessages = {
  greeting: 'Hola:',
  automatic: 'Este correo se envió automáticamente. Las respuestas a este mensaje no se leen.',
  minutes: { one: '{count} minuto', other: '{count} minutos' },

  forgotUsername: {
    subject: 'Solicitud de nombre de usuario olvidado',
    intro: 'Alguien solicitó el nombre de usuario asociado a {email}. Estos son los datos que tenemos registrados:',
    practice: 'Clínica: {practiceName}',
    userName: 'Nombre de usuario: {userName}',
    notRequested: 'Si usted no lo solicitó, puede ignorar este correo. No se ha modificado nada en su cuenta.',
  },

  resetPassword: {
    subject: 'Restablezca su contraseña',
    intro: '{requestedBy} solicitó ayuda con la contraseña del nombre de usuario {userName} en {practiceName}.',
    action: 'Para crear una contraseña nueva, abra este enlace:',
    button: 'Crear una contraseña nueva',
    copyLink: 'Si el botón no funciona, copie esta dirección en su navegador:',
    expires: 'El enlace solo se puede usar una vez y caduca en {duration}.',
    notRequested: 'Si no esperaba este correo, puede ignorarlo. Su contraseña no cambiará.',
  },

  passwordChanged: {
    subject: 'Se cambió su contraseña',
    intro: 'Se cambió la contraseña del nombre de usuario {userName} en {practiceName}.',
    when: 'Fecha y hora: {time}',
    madeIt: 'Si usted hizo este cambio, no necesita hacer nada más.',
    notYou: 'Si usted no hizo este cambio, comuníquese de inmediato con su servicio de asistencia.',
    notYouEmail: 'Si usted no hizo este cambio, escriba de inmediato al servicio de asistencia: {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { one: 'Use al menos {count} carácter.', other: 'Use al menos {count} caracteres.' },
    tooLong: { one: 'Use {count} carácter como máximo.', other: 'Use {count} caracteres como máximo.' },
    tooCommon: 'Esta contraseña es demasiado común y fácil de adivinar. Elija otra; por ejemplo, unas cuantas palabras sin relación entre sí.',
    userName: 'No base su contraseña en su nombre de usuario.',
    breached: 'Esta contraseña ha aparecido en una filtración de datos, por lo que los atacantes la probarán. Elija otra; por ejemplo, unas cuantas palabras sin relación entre sí.',
    tooManyBytes: { one: 'Use una contraseña más corta: el inicio de sesión de su portal solo tiene en cuenta el primer byte (una letra sin tilde).', other: 'Use una contraseña más corta: el inicio de sesión de su portal solo tiene en cuenta los primeros {count} bytes ({count} letras sin tilde; menos con tildes, eñes o letras de otros alfabetos).' },
    nulCharacter: 'Su contraseña no puede contener el carácter NUL.',
  },
};
