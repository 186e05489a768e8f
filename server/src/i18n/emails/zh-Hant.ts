// Chinese (Traditional) (zh-Hant). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const zhHant: EmailMessages = {
  greeting: '您好：',
  automatic: '此郵件由系統自動寄送，請勿直接回覆。',
  minutes: { other: '{count}分鐘' },

  forgotUsername: {
    subject: '找回使用者名稱申請',
    intro: '有人申請找回與 {email} 相關聯的使用者名稱。我們登記的資料如下：',
    practice: '診所：{practiceName}',
    userName: '使用者名稱：{userName}',
    notRequested: '如果這不是您本人的申請，請忽略此郵件。您的帳戶沒有任何變更。',
  },

  resetPassword: {
    subject: '重設您的密碼',
    intro: '{requestedBy} 為 {practiceName} 的使用者名稱 {userName} 申請了密碼協助。',
    action: '如需建立新密碼，請開啟以下連結：',
    button: '建立新密碼',
    copyLink: '如果按鈕無法使用，請將以下網址複製到瀏覽器中：',
    expires: '此連結僅能使用一次，並將在{duration}後失效。',
    notRequested: '如果您沒有預期會收到此郵件，請忽略它。您的密碼維持不變。',
  },

  passwordChanged: {
    subject: '您的密碼已變更',
    intro: '{practiceName} 的使用者名稱 {userName} 的密碼已變更。',
    when: '時間：{time}',
    madeIt: '如果是您本人變更的，無需進行其他操作。',
    notYou: '如果不是您本人變更的，請立即聯絡技術支援。',
    notYouEmail: '如果不是您本人變更的，請立即寄信至 {helpEmail} 聯絡技術支援。',
  },

  passwordRefusals: {
    tooShort: { other: '請至少使用 {count} 個字元。' },
    tooLong: { other: '請最多使用 {count} 個字元。' },
    tooCommon: '此密碼過於常見，容易被猜到。請另選一組密碼，例如幾個互不相關的詞語。',
    userName: '請勿根據您的使用者名稱設定密碼。',
    breached: '此密碼曾出現在資料外洩事件中，攻擊者會嘗試使用它。請另選一組密碼，例如幾個互不相關的詞語。',
    tooManyBytes: { other: '請使用較短的密碼：您的入口網站登入時只讀取前 {count} 個位元組（相當於 {count} 個一般英文字母；如含帶重音符號的字母或中文等其他文字，可用的字數更少）。' },
    nulCharacter: '密碼不能包含 NUL 字元。',
  },
};
