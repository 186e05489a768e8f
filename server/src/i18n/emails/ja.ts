// Japanese (ja). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const ja: EmailMessages = {
  greeting: 'いつもご利用いただきありがとうございます。',
  automatic: 'このメールは自動送信されています。このメールに返信されても確認できません。',
  minutes: { other: '{count}分' },

  forgotUsername: {
    subject: 'ユーザー名のお問い合わせ',
    intro: '{email} に関連付けられたユーザー名のお問い合わせがありました。登録されている内容は次のとおりです。',
    practice: 'クリニック：{practiceName}',
    userName: 'ユーザー名：{userName}',
    notRequested: 'お心当たりがない場合は、このメールを破棄してください。アカウントは変更されていません。',
  },

  resetPassword: {
    subject: 'パスワードの再設定',
    intro: '{practiceName} のユーザー名 {userName} について、パスワードのサポートが依頼されました。依頼者：{requestedBy}',
    action: '新しいパスワードを作成するには、次のリンクを開いてください。',
    button: '新しいパスワードを作成',
    copyLink: 'ボタンが機能しない場合は、次のアドレスをブラウザーにコピーしてください。',
    expires: 'このリンクは1回だけ使用でき、{duration}後に無効になります。',
    notRequested: 'このメールにお心当たりがない場合は、破棄してください。パスワードは変更されません。',
  },

  passwordChanged: {
    subject: 'パスワードが変更されました',
    intro: '{practiceName} のユーザー名 {userName} のパスワードが変更されました。',
    when: '日時：{time}',
    madeIt: 'ご自身で変更された場合は、これ以上の操作は必要ありません。',
    notYou: 'お心当たりがない場合は、すぐにサポート窓口にご連絡ください。',
    notYouEmail: 'お心当たりがない場合は、すぐにサポート窓口（{helpEmail}）にご連絡ください。',
  },

  passwordRefusals: {
    tooShort: { other: '{count} 文字以上にしてください。' },
    tooLong: { other: '{count} 文字以内にしてください。' },
    tooCommon: 'このパスワードはよく使われていて、推測されやすいパスワードです。関連のない単語をいくつか組み合わせるなど、別のパスワードを選んでください。',
    userName: 'ユーザー名をもとにしたパスワードは使用しないでください。',
    breached: 'このパスワードはデータ漏えいで流出したことがあるため、攻撃者に試されるおそれがあります。関連のない単語をいくつか組み合わせるなど、別のパスワードを選んでください。',
    tooManyBytes: { other: 'もっと短いパスワードにしてください。ポータルのサインインでは先頭の {count} バイトしか読み取られません（アクセントのない英字なら {count} 文字。アクセント付きの文字や、日本語などほかの文字を使うとそれより少なくなります）。' },
    nulCharacter: 'パスワードに NUL 文字を含めることはできません。',
  },
};
