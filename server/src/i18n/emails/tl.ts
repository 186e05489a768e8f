// Tagalog (tl). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const tl: EmailMessages = {
  greeting: 'Magandang araw,',
  automatic: 'Awtomatikong ipinadala ang email na ito. Hindi binabasa ang mga sagot dito.',
  minutes: { other: '{count} minuto' },

  forgotUsername: {
    subject: 'Kahilingan para sa Nakalimutang User Name',
    intro: 'May humiling ng user name na nakaugnay sa {email}. Ito ang nakatala sa amin:',
    practice: 'Klinika: {practiceName}',
    userName: 'User name: {userName}',
    notRequested: 'Kung hindi kayo ang humiling nito, maaari ninyong balewalain ang email na ito. Walang nagbago sa inyong account.',
  },

  resetPassword: {
    subject: 'I-reset ang Inyong Password',
    intro: 'May humiling ng tulong sa password para sa user name na {userName} sa {practiceName}. Pangalan ng humiling: {requestedBy}.',
    action: 'Para gumawa ng bagong password, buksan ang link na ito:',
    button: 'Gumawa ng bagong password',
    copyLink: 'Kung hindi gumagana ang button, kopyahin ang address na ito sa inyong browser:',
    expires: 'Isang beses lang gagana ang link, at mag-e-expire ito pagkalipas ng {duration}.',
    notRequested: 'Kung hindi ninyo inaasahan ang email na ito, maaari ninyo itong balewalain. Hindi magbabago ang inyong password.',
  },

  passwordChanged: {
    subject: 'Napalitan ang inyong password',
    intro: 'Napalitan ang password ng user name na {userName} sa {practiceName}.',
    when: 'Kailan: {time}',
    madeIt: 'Kung kayo ang gumawa ng pagbabagong ito, wala na kayong kailangang gawin.',
    notYou: 'Kung hindi kayo ang gumawa ng pagbabagong ito, makipag-ugnayan agad sa inyong support desk.',
    notYouEmail: 'Kung hindi kayo ang gumawa ng pagbabagong ito, makipag-ugnayan agad sa support desk sa {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { other: 'Gumamit ng hindi bababa sa {count} na character.' },
    tooLong: { other: 'Gumamit ng hindi hihigit sa {count} na character.' },
    tooCommon: 'Masyadong karaniwan at madaling hulaan ang password na ito. Pumili ng iba, gaya ng ilang salitang walang kaugnayan sa isa’t isa.',
    userName: 'Huwag ibatay ang inyong password sa inyong user name.',
    breached: 'Lumabas na ang password na ito sa isang data breach, kaya susubukan ito ng mga attacker. Pumili ng iba, gaya ng ilang salitang walang kaugnayan sa isa’t isa.',
    tooManyBytes: { other: 'Gumamit ng mas maikling password: ang unang {count} na byte lang ang binabasa ng sign-in ng inyong portal ({count} na karaniwang titik, mas kaunti kung may titik na may accent o titik ng ibang alpabeto).' },
    nulCharacter: 'Hindi maaaring maglaman ng NUL character ang inyong password.',
  },
};
