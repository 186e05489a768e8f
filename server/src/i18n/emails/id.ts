// Indonesian (id). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const id: EmailMessages = {
  greeting: 'Halo,',
  automatic: 'Email ini dikirim secara otomatis. Balasan ke email ini tidak dibaca.',
  minutes: { other: '{count} menit' },

  forgotUsername: {
    subject: 'Permintaan Nama Pengguna yang Terlupa',
    intro: 'Seseorang meminta nama pengguna yang terkait dengan {email}. Berikut data yang kami miliki:',
    practice: 'Klinik: {practiceName}',
    userName: 'Nama pengguna: {userName}',
    notRequested: 'Jika Anda tidak memintanya, abaikan saja email ini. Tidak ada yang berubah pada akun Anda.',
  },

  resetPassword: {
    subject: 'Atur Ulang Kata Sandi Anda',
    intro: 'Bantuan kata sandi diminta oleh {requestedBy} untuk nama pengguna {userName} di {practiceName}.',
    action: 'Untuk membuat kata sandi baru, buka tautan ini:',
    button: 'Buat kata sandi baru',
    copyLink: 'Jika tombol tidak berfungsi, salin alamat ini ke browser Anda:',
    expires: 'Tautan ini hanya dapat digunakan sekali dan kedaluwarsa dalam {duration}.',
    notRequested: 'Jika Anda tidak mengharapkan email ini, abaikan saja. Kata sandi Anda tetap sama.',
  },

  passwordChanged: {
    subject: 'Kata sandi Anda telah diubah',
    intro: 'Kata sandi untuk nama pengguna {userName} di {practiceName} telah diubah.',
    when: 'Waktu: {time}',
    madeIt: 'Jika Anda yang melakukan perubahan ini, tidak ada lagi yang perlu dilakukan.',
    notYou: 'Jika bukan Anda yang melakukan perubahan ini, segera hubungi tim dukungan Anda.',
    notYouEmail: 'Jika bukan Anda yang melakukan perubahan ini, segera hubungi tim dukungan di {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { other: 'Gunakan minimal {count} karakter.' },
    tooLong: { other: 'Gunakan maksimal {count} karakter.' },
    tooCommon: 'Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain, misalnya beberapa kata yang tidak saling berkaitan.',
    userName: 'Jangan membuat kata sandi berdasarkan nama pengguna Anda.',
    breached: 'Kata sandi ini pernah muncul dalam kebocoran data, sehingga penyerang akan mencobanya. Pilih kata sandi lain, misalnya beberapa kata yang tidak saling berkaitan.',
    tooManyBytes: { other: 'Gunakan kata sandi yang lebih pendek: proses masuk ke portal Anda hanya membaca {count} byte pertama ({count} huruf biasa, lebih sedikit jika memakai huruf beraksen atau aksara lain).' },
    nulCharacter: 'Kata sandi Anda tidak boleh berisi karakter NUL.',
  },
};
