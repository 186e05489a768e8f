// Haitian Creole (ht). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const ht: EmailMessages = {
  greeting: 'Bonjou,',
  automatic: 'Imèl sa a soti otomatikman. Pèsonn pa li repons yo voye sou li.',
  minutes: { other: '{count} minit' },

  forgotUsername: {
    subject: 'Demann pou Non Itilizatè ou Bliye',
    intro: 'Yon moun mande non itilizatè ki ale ak {email}. Men sa nou genyen nan dosye nou:',
    practice: 'Klinik: {practiceName}',
    userName: 'Non itilizatè: {userName}',
    notRequested: 'Si se pa ou ki te mande sa, ou ka inyore imèl sa a. Anyen pa chanje nan kont ou.',
  },

  resetPassword: {
    subject: 'Reyinisyalize Modpas Ou',
    intro: '{requestedBy} mande èd pou modpas non itilizatè {userName} nan {practiceName}.',
    action: 'Pou kreye yon nouvo modpas, louvri lyen sa a:',
    button: 'Kreye yon nouvo modpas',
    copyLink: 'Si bouton an pa mache, kopye adrès sa a nan navigatè ou:',
    expires: 'Lyen an mache yon sèl fwa sèlman, epi li ap ekspire nan {duration}.',
    notRequested: 'Si ou pa t ap tann imèl sa a, ou ka inyore l. Modpas ou rete menm jan an.',
  },

  passwordChanged: {
    subject: 'Yo chanje modpas ou',
    intro: 'Yo chanje modpas non itilizatè {userName} nan {practiceName}.',
    when: 'Ki lè: {time}',
    madeIt: 'Si se ou ki fè chanjman sa a, ou pa bezwen fè anyen ankò.',
    notYou: 'Si se pa ou ki fè chanjman sa a, kontakte sèvis sipò a touswit.',
    notYouEmail: 'Si se pa ou ki fè chanjman sa a, kontakte sèvis sipò a touswit nan {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { other: 'Sèvi ak omwen {count} karaktè.' },
    tooLong: { other: 'Pa sèvi ak plis pase {count} karaktè.' },
    tooCommon: 'Modpas sa a twò komen e li fasil pou moun devine l. Chwazi yon lòt, tankou kèk mo ki pa gen rapò youn ak lòt.',
    userName: 'Pa baze modpas ou a sou non itilizatè ou.',
    breached: 'Modpas sa a te parèt nan yon fwit done, kidonk atakè yo pral eseye l. Chwazi yon lòt, tankou kèk mo ki pa gen rapò youn ak lòt.',
    tooManyBytes: { other: 'Sèvi ak yon modpas ki pi kout: koneksyon sou pòtay ou a li sèlman {count} premye byte yo ({count} lèt senp, mwens si gen lèt ak aksan oswa lèt lòt alfabè).' },
    nulCharacter: 'Modpas ou a pa ka gen karaktè NUL ladan l.',
  },
};
