// Chinese (Simplified) (zh-Hans). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const zhHans: EmailMessages = {
  greeting: '您好：',
  automatic: '此邮件由系统自动发送，请勿直接回复。',
  minutes: { other: '{count}分钟' },

  forgotUsername: {
    subject: '找回用户名申请',
    intro: '有人申请找回与 {email} 关联的用户名。我们登记的信息如下：',
    practice: '诊所：{practiceName}',
    userName: '用户名：{userName}',
    notRequested: '如果这不是您本人的申请，请忽略此邮件。您的账户没有任何变动。',
  },

  resetPassword: {
    subject: '重置您的密码',
    intro: '{requestedBy} 为 {practiceName} 的用户名 {userName} 申请了密码帮助。',
    action: '如需创建新密码，请打开以下链接：',
    button: '创建新密码',
    copyLink: '如果按钮无法使用，请将以下地址复制到浏览器中：',
    expires: '该链接仅可使用一次，将在{duration}后失效。',
    notRequested: '如果您没有预料到此邮件，请忽略它。您的密码保持不变。',
  },

  passwordChanged: {
    subject: '您的密码已更改',
    intro: '{practiceName} 的用户名 {userName} 的密码已更改。',
    when: '时间：{time}',
    madeIt: '如果是您本人更改的，无需进行其他操作。',
    notYou: '如果不是您本人更改的，请立即联系技术支持。',
    notYouEmail: '如果不是您本人更改的，请立即发送邮件至 {helpEmail} 联系技术支持。',
  },

  passwordRefusals: {
    tooShort: { other: '请至少使用 {count} 个字符。' },
    tooLong: { other: '请最多使用 {count} 个字符。' },
    tooCommon: '此密码过于常见，容易被猜到。请另选一个密码，例如几个互不相关的词语。',
    userName: '请勿根据您的用户名设置密码。',
    breached: '此密码曾出现在数据泄露事件中，攻击者会尝试使用它。请另选一个密码，例如几个互不相关的词语。',
    tooManyBytes: { other: '请使用更短的密码：您的门户登录时只读取前 {count} 个字节（相当于 {count} 个普通英文字母；如含带重音符号的字母或中文等其他文字，可用的字数更少）。' },
    nulCharacter: '密码不能包含 NUL 字符。',
  },
};
