// Turkish (tr). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const tr: EmailMessages = {
  greeting: 'Merhaba,',
  automatic: 'Bu e-posta otomatik olarak gönderildi. Bu e-postaya verilen yanıtlar okunmaz.',
  minutes: { other: '{count} dakika' },

  forgotUsername: {
    subject: 'Unutulan Kullanıcı Adı Talebi',
    intro: 'Bir kişi, {email} adresiyle ilişkili kullanıcı adını talep etti. Kayıtlarımızdaki bilgiler şunlardır:',
    practice: 'Klinik: {practiceName}',
    userName: 'Kullanıcı adı: {userName}',
    notRequested: 'Bu talebi siz yapmadıysanız bu e-postayı dikkate almayabilirsiniz. Hesabınızda hiçbir değişiklik yapılmadı.',
  },

  resetPassword: {
    subject: 'Şifrenizi Sıfırlayın',
    intro: '{practiceName} bünyesindeki {userName} kullanıcı adı için şifre yardımı talep edildi. Talep eden: {requestedBy}.',
    action: 'Yeni bir şifre oluşturmak için bu bağlantıyı açın:',
    button: 'Yeni şifre oluştur',
    copyLink: 'Düğme çalışmazsa bu adresi kopyalayıp tarayıcınıza yapıştırın:',
    expires: 'Bağlantı yalnızca bir kez çalışır ve {duration} sonra geçerliliğini yitirir.',
    notRequested: 'Bu e-postayı beklemiyorsanız dikkate almayabilirsiniz. Şifreniz değişmeden kalır.',
  },

  passwordChanged: {
    subject: 'Şifreniz değiştirildi',
    intro: '{practiceName} bünyesindeki {userName} kullanıcı adının şifresi değiştirildi.',
    when: 'Zaman: {time}',
    madeIt: 'Bu değişikliği siz yaptıysanız başka bir şey yapmanız gerekmez.',
    notYou: 'Bu değişikliği siz yapmadıysanız hemen destek ekibiyle iletişime geçin.',
    notYouEmail: 'Bu değişikliği siz yapmadıysanız hemen {helpEmail} adresinden destek ekibiyle iletişime geçin.',
  },

  passwordRefusals: {
    tooShort: { other: 'En az {count} karakter kullanın.' },
    tooLong: { other: 'En fazla {count} karakter kullanın.' },
    tooCommon: 'Bu şifre çok yaygın ve kolayca tahmin edilebilir. Başka bir şifre seçin; örneğin birbiriyle ilgisi olmayan birkaç kelime.',
    userName: 'Şifrenizi kullanıcı adınızdan türetmeyin.',
    breached: 'Bu şifre bir veri ihlalinde ortaya çıktı; bu nedenle saldırganlar bu şifreyi deneyecektir. Başka bir şifre seçin; örneğin birbiriyle ilgisi olmayan birkaç kelime.',
    tooManyBytes: { other: 'Daha kısa bir şifre kullanın: portalınıza girişte yalnızca ilk {count} bayt okunur ({count} düz Latin harfi; Türkçe karakterler, aksanlı harfler veya başka alfabeler kullanıldığında daha az).' },
    nulCharacter: 'Şifreniz NUL karakteri içeremez.',
  },
};
