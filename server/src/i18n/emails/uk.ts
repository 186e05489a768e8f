// Ukrainian (uk). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const uk: EmailMessages = {
  greeting: 'Доброго дня!',
  automatic: 'Цей лист надіслано автоматично. Відповіді на нього не читаються.',
  minutes: { one: '{count} хвилину', few: '{count} хвилини', many: '{count} хвилин', other: '{count} хвилини' },

  forgotUsername: {
    subject: 'Запит забутого імені користувача',
    intro: 'Хтось запитав ім’я користувача, пов’язане з адресою {email}. Ось дані, які ми маємо:',
    practice: 'Клініка: {practiceName}',
    userName: 'Ім’я користувача: {userName}',
    notRequested: 'Якщо ви цього не запитували, просто не зважайте на цей лист. У вашому обліковому записі нічого не змінилося.',
  },

  resetPassword: {
    subject: 'Скидання пароля',
    intro: 'Для імені користувача {userName} ({practiceName}) запитано допомогу з паролем. Хто запитує: {requestedBy}.',
    action: 'Щоб створити новий пароль, відкрийте це посилання:',
    button: 'Створити новий пароль',
    copyLink: 'Якщо кнопка не працює, скопіюйте цю адресу в браузер:',
    expires: 'Посилання працює лише один раз і перестане діяти через {duration}.',
    notRequested: 'Якщо ви не очікували цього листа, просто не зважайте на нього. Ваш пароль залишиться без змін.',
  },

  passwordChanged: {
    subject: 'Ваш пароль змінено',
    intro: 'Пароль для імені користувача {userName} ({practiceName}) було змінено.',
    when: 'Час: {time}',
    madeIt: 'Якщо це зробили ви, більше нічого робити не потрібно.',
    notYou: 'Якщо ви не змінювали пароль, негайно зверніться до служби підтримки.',
    notYouEmail: 'Якщо ви не змінювали пароль, негайно напишіть до служби підтримки: {helpEmail}.',
  },
};
