// Persian (fa). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const fa: EmailMessages = {
  greeting: 'با سلام،',
  automatic: 'این ایمیل به‌طور خودکار فرستاده شده است و پاسخ‌ها به آن خوانده نمی‌شوند.',
  minutes: { other: '{count} دقیقه' },

  forgotUsername: {
    subject: 'درخواست نام کاربری فراموش‌شده',
    intro: 'شخصی نام کاربری مربوط به {email} را درخواست کرده است. اطلاعات ثبت‌شده نزد ما این است:',
    practice: 'کلینیک: {practiceName}',
    userName: 'نام کاربری: {userName}',
    notRequested: 'اگر شما این درخواست را نداده‌اید، می‌توانید این ایمیل را نادیده بگیرید. هیچ تغییری در حساب شما ایجاد نشده است.',
  },

  resetPassword: {
    subject: 'بازنشانی رمز عبور',
    intro: 'برای نام کاربری {userName} در {practiceName} درخواست کمک برای رمز عبور ثبت شده است. درخواست‌کننده: {requestedBy}.',
    action: 'برای ایجاد رمز عبور جدید، این پیوند را باز کنید:',
    button: 'ایجاد رمز عبور جدید',
    copyLink: 'اگر دکمه کار نمی‌کند، این نشانی را در مرورگر خود کپی کنید:',
    expires: 'این پیوند فقط یک بار کار می‌کند و پس از {duration} منقضی می‌شود.',
    notRequested: 'اگر انتظار این ایمیل را نداشتید، می‌توانید آن را نادیده بگیرید. رمز عبور شما تغییری نمی‌کند.',
  },

  passwordChanged: {
    subject: 'رمز عبور شما تغییر کرد',
    intro: 'رمز عبور نام کاربری {userName} در {practiceName} تغییر کرد.',
    when: 'زمان: {time}',
    madeIt: 'اگر این تغییر را خودتان انجام داده‌اید، کار دیگری لازم نیست.',
    notYou: 'اگر این تغییر را شما انجام نداده‌اید، فوراً با پشتیبانی تماس بگیرید.',
    notYouEmail: 'اگر این تغییر را شما انجام نداده‌اید، فوراً از طریق {helpEmail} با پشتیبانی تماس بگیرید.',
  },
};
