// Korean (ko). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const ko: EmailMessages = {
  greeting: '안녕하세요.',
  automatic: '이 이메일은 자동으로 발송되었습니다. 이 이메일에 회신하셔도 확인되지 않습니다.',
  minutes: { other: '{count}분' },

  forgotUsername: {
    subject: '사용자 이름 찾기 요청',
    intro: '누군가 {email} 주소에 연결된 사용자 이름을 요청했습니다. 등록된 정보는 다음과 같습니다.',
    practice: '병원: {practiceName}',
    userName: '사용자 이름: {userName}',
    notRequested: '요청하지 않으셨다면 이 이메일을 무시하셔도 됩니다. 계정에는 아무런 변경이 없습니다.',
  },

  resetPassword: {
    subject: '비밀번호 재설정',
    intro: '{practiceName}의 사용자 이름 {userName}에 대한 비밀번호 도움 요청이 접수되었습니다. 요청자: {requestedBy}',
    action: '새 비밀번호를 만들려면 다음 링크를 열어 주세요.',
    button: '새 비밀번호 만들기',
    copyLink: '버튼이 작동하지 않으면 다음 주소를 브라우저에 복사해 주세요.',
    expires: '이 링크는 한 번만 사용할 수 있으며 {duration} 후에 만료됩니다.',
    notRequested: '이 이메일을 예상하지 못하셨다면 무시하셔도 됩니다. 비밀번호는 그대로 유지됩니다.',
  },

  passwordChanged: {
    subject: '비밀번호가 변경되었습니다',
    intro: '{practiceName}의 사용자 이름 {userName}의 비밀번호가 변경되었습니다.',
    when: '일시: {time}',
    madeIt: '직접 변경하셨다면 더 이상 하실 일이 없습니다.',
    notYou: '직접 변경하지 않으셨다면 즉시 지원 센터에 문의해 주세요.',
    notYouEmail: '직접 변경하지 않으셨다면 즉시 지원 센터({helpEmail})에 문의해 주세요.',
  },

  passwordRefusals: {
    tooShort: { other: '{count}자 이상 사용하십시오.' },
    tooLong: { other: '{count}자 이하로 사용하십시오.' },
    tooCommon: '이 비밀번호는 너무 흔해서 쉽게 추측할 수 있습니다. 서로 관련 없는 단어 몇 개를 사용하는 등 다른 비밀번호를 선택하십시오.',
    userName: '사용자 이름을 바탕으로 비밀번호를 만들지 마십시오.',
    breached: '이 비밀번호는 데이터 유출 사고에서 노출된 적이 있어 공격자가 시도할 것입니다. 서로 관련 없는 단어 몇 개를 사용하는 등 다른 비밀번호를 선택하십시오.',
    tooManyBytes: { other: '더 짧은 비밀번호를 사용하십시오. 포털 로그인에서는 처음 {count}바이트만 읽습니다(일반 영문자로는 {count}자이며, 악센트가 있는 문자나 한글 등 다른 문자를 쓰면 그보다 적습니다).' },
    nulCharacter: '비밀번호에는 NUL 문자를 사용할 수 없습니다.',
  },
};
