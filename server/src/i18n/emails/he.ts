// Hebrew (he). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const he: EmailMessages = {
  greeting: 'שלום,',
  automatic: 'הודעה זו נשלחה באופן אוטומטי. תשובות להודעה זו אינן נקראות.',
  minutes: { one: 'דקה אחת', two: 'שתי דקות', other: '{count} דקות' },

  forgotUsername: {
    subject: 'בקשה לשם משתמש שנשכח',
    intro: 'התקבלה בקשה לשם המשתמש המשויך לכתובת {email}. אלה הפרטים הרשומים אצלנו:',
    practice: 'מרפאה: {practiceName}',
    userName: 'שם משתמש: {userName}',
    notRequested: 'אם לא ביקשתם זאת, אפשר להתעלם מהודעה זו. דבר לא השתנה בחשבון.',
  },

  resetPassword: {
    subject: 'איפוס הסיסמה',
    intro: 'התקבלה בקשה לעזרה בסיסמה עבור שם המשתמש {userName} ({practiceName}). מגיש/ת הבקשה: {requestedBy}.',
    action: 'כדי ליצור סיסמה חדשה, יש לפתוח את הקישור הזה:',
    button: 'יצירת סיסמה חדשה',
    copyLink: 'אם הכפתור לא עובד, יש להעתיק את הכתובת הזו לדפדפן:',
    expires: 'הקישור פועל פעם אחת בלבד ויפוג בעוד {duration}.',
    notRequested: 'אם לא ציפיתם להודעה זו, אפשר להתעלם ממנה. הסיסמה נשארת ללא שינוי.',
  },

  passwordChanged: {
    subject: 'הסיסמה שלכם שונתה',
    intro: 'הסיסמה של שם המשתמש {userName} ({practiceName}) שונתה.',
    when: 'מועד: {time}',
    madeIt: 'אם אתם ביצעתם את השינוי, אין צורך לעשות דבר נוסף.',
    notYou: 'אם לא אתם ביצעתם את השינוי, יש לפנות מיד לצוות התמיכה.',
    notYouEmail: 'אם לא אתם ביצעתם את השינוי, יש לפנות מיד לצוות התמיכה בכתובת {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { one: 'יש להשתמש בתו אחד לפחות.', two: 'יש להשתמש בשני תווים לפחות.', other: 'יש להשתמש ב-{count} תווים לפחות.' },
    tooLong: { one: 'יש להשתמש בתו אחד לכל היותר.', two: 'יש להשתמש בשני תווים לכל היותר.', other: 'יש להשתמש ב-{count} תווים לכל היותר.' },
    tooCommon: 'הסיסמה הזו נפוצה מדי וקל לנחש אותה. נא לבחור סיסמה אחרת, למשל כמה מילים שאין ביניהן קשר.',
    userName: 'אין לבסס את הסיסמה על שם המשתמש.',
    breached: 'הסיסמה הזו הופיעה בדליפת מידע, ולכן תוקפים ינסו להשתמש בה. נא לבחור סיסמה אחרת, למשל כמה מילים שאין ביניהן קשר.',
  },
};
