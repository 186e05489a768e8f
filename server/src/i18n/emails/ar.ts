// Arabic (ar). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const ar: EmailMessages = {
  greeting: 'مرحبًا،',
  automatic: 'أُرسلت هذه الرسالة تلقائيًا، ولا تتم قراءة الردود عليها.',
  minutes: { zero: '{count} دقيقة', one: 'دقيقة واحدة', two: 'دقيقتين', few: '{count} دقائق', many: '{count} دقيقة', other: '{count} دقيقة' },

  forgotUsername: {
    subject: 'طلب اسم المستخدم المنسي',
    intro: 'طلب أحدهم اسم المستخدم المرتبط بالعنوان {email}. هذه هي البيانات المسجَّلة لدينا:',
    practice: 'العيادة: {practiceName}',
    userName: 'اسم المستخدم: {userName}',
    notRequested: 'إذا لم تطلبوا ذلك، يمكنكم تجاهل هذه الرسالة. لم يتغير شيء في حسابكم.',
  },

  resetPassword: {
    subject: 'إعادة تعيين كلمة المرور',
    intro: 'طُلبت المساعدة في كلمة المرور لاسم المستخدم {userName} في {practiceName}. مقدِّم الطلب: {requestedBy}.',
    action: 'لإنشاء كلمة مرور جديدة، افتحوا هذا الرابط:',
    button: 'إنشاء كلمة مرور جديدة',
    copyLink: 'إذا لم يعمل الزر، انسخوا هذا العنوان والصقوه في المتصفح:',
    expires: 'يعمل الرابط مرة واحدة فقط، وتنتهي صلاحيته بعد {duration}.',
    notRequested: 'إذا لم تكونوا تتوقعون هذه الرسالة، يمكنكم تجاهلها. ستبقى كلمة المرور كما هي.',
  },

  passwordChanged: {
    subject: 'تم تغيير كلمة المرور',
    intro: 'تم تغيير كلمة المرور لاسم المستخدم {userName} في {practiceName}.',
    when: 'الوقت: {time}',
    madeIt: 'إذا كنتم قد أجريتم هذا التغيير، فلا حاجة إلى أي إجراء آخر.',
    notYou: 'إذا لم تقوموا بهذا التغيير، فتواصلوا فورًا مع فريق الدعم.',
    notYouEmail: 'إذا لم تقوموا بهذا التغيير، فتواصلوا فورًا مع فريق الدعم على {helpEmail}.',
  },
};
