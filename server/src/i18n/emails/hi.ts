// Hindi (hi). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const hi: EmailMessages = {
  greeting: 'नमस्ते,',
  automatic: 'यह ईमेल अपने-आप भेजा गया है। इसके जवाब पढ़े नहीं जाते।',
  minutes: { other: '{count} मिनट' },

  forgotUsername: {
    subject: 'भूले हुए उपयोगकर्ता नाम का अनुरोध',
    intro: 'किसी ने {email} से जुड़े उपयोगकर्ता नाम का अनुरोध किया है। हमारे रिकॉर्ड में यह जानकारी है:',
    practice: 'क्लिनिक: {practiceName}',
    userName: 'उपयोगकर्ता नाम: {userName}',
    notRequested: 'अगर आपने यह अनुरोध नहीं किया है, तो आप इस ईमेल को अनदेखा कर सकते हैं। आपके खाते में कुछ नहीं बदला है।',
  },

  resetPassword: {
    subject: 'अपना पासवर्ड रीसेट करें',
    intro: '{practiceName} में उपयोगकर्ता नाम {userName} के लिए पासवर्ड सहायता का अनुरोध किया गया है। अनुरोधकर्ता: {requestedBy}।',
    action: 'नया पासवर्ड बनाने के लिए यह लिंक खोलें:',
    button: 'नया पासवर्ड बनाएँ',
    copyLink: 'अगर बटन काम न करे, तो यह पता अपने ब्राउज़र में कॉपी करें:',
    expires: 'यह लिंक केवल एक बार काम करता है और {duration} में समाप्त हो जाएगा।',
    notRequested: 'अगर आपको इस ईमेल की उम्मीद नहीं थी, तो आप इसे अनदेखा कर सकते हैं। आपका पासवर्ड वही रहेगा।',
  },

  passwordChanged: {
    subject: 'आपका पासवर्ड बदल दिया गया है',
    intro: '{practiceName} में उपयोगकर्ता नाम {userName} का पासवर्ड बदल दिया गया है।',
    when: 'समय: {time}',
    madeIt: 'अगर यह बदलाव आपने किया है, तो आपको और कुछ करने की ज़रूरत नहीं है।',
    notYou: 'अगर यह बदलाव आपने नहीं किया है, तो तुरंत अपनी सहायता टीम से संपर्क करें।',
    notYouEmail: 'अगर यह बदलाव आपने नहीं किया है, तो तुरंत {helpEmail} पर सहायता टीम से संपर्क करें।',
  },
};
