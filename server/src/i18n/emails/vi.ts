// Vietnamese (vi). Data only; the shape and the {placeholders} follow ./en.ts.
import type { EmailMessages } from './en.js';

export const vi: EmailMessages = {
  greeting: 'Xin chào,',
  automatic: 'Email này được gửi tự động. Thư trả lời email này sẽ không được đọc.',
  minutes: { other: '{count} phút' },

  forgotUsername: {
    subject: 'Yêu cầu lấy lại tên người dùng',
    intro: 'Có người đã yêu cầu tên người dùng gắn với {email}. Dưới đây là thông tin chúng tôi đang lưu:',
    practice: 'Phòng khám: {practiceName}',
    userName: 'Tên người dùng: {userName}',
    notRequested: 'Nếu quý vị không yêu cầu việc này, quý vị có thể bỏ qua email này. Tài khoản của quý vị không có gì thay đổi.',
  },

  resetPassword: {
    subject: 'Đặt lại mật khẩu của quý vị',
    intro: '{requestedBy} đã yêu cầu hỗ trợ mật khẩu cho tên người dùng {userName} tại {practiceName}.',
    action: 'Để tạo mật khẩu mới, vui lòng mở liên kết này:',
    button: 'Tạo mật khẩu mới',
    copyLink: 'Nếu nút không hoạt động, vui lòng sao chép địa chỉ này vào trình duyệt:',
    expires: 'Liên kết chỉ dùng được một lần và sẽ hết hạn sau {duration}.',
    notRequested: 'Nếu quý vị không chờ đợi email này, quý vị có thể bỏ qua. Mật khẩu của quý vị vẫn giữ nguyên.',
  },

  passwordChanged: {
    subject: 'Mật khẩu của quý vị đã được thay đổi',
    intro: 'Mật khẩu của tên người dùng {userName} tại {practiceName} đã được thay đổi.',
    when: 'Thời điểm: {time}',
    madeIt: 'Nếu quý vị đã thực hiện thay đổi này, quý vị không cần làm gì thêm.',
    notYou: 'Nếu quý vị không thực hiện thay đổi này, vui lòng liên hệ ngay với bộ phận hỗ trợ.',
    notYouEmail: 'Nếu quý vị không thực hiện thay đổi này, vui lòng liên hệ ngay với bộ phận hỗ trợ qua {helpEmail}.',
  },

  passwordRefusals: {
    tooShort: { other: 'Dùng ít nhất {count} ký tự.' },
    tooLong: { other: 'Dùng tối đa {count} ký tự.' },
    tooCommon: 'Mật khẩu này quá phổ biến và dễ đoán. Vui lòng chọn mật khẩu khác, chẳng hạn vài từ không liên quan đến nhau.',
    userName: 'Vui lòng không đặt mật khẩu dựa trên tên người dùng của quý vị.',
    breached: 'Mật khẩu này đã xuất hiện trong một vụ rò rỉ dữ liệu, vì vậy kẻ tấn công sẽ thử mật khẩu này. Vui lòng chọn mật khẩu khác, chẳng hạn vài từ không liên quan đến nhau.',
    tooManyBytes: { other: 'Vui lòng dùng mật khẩu ngắn hơn: hệ thống đăng nhập cổng thông tin của quý vị chỉ đọc {count} byte đầu tiên ({count} chữ cái không dấu; ít hơn nếu có chữ có dấu như tiếng Việt hoặc chữ viết khác).' },
    nulCharacter: 'Mật khẩu của quý vị không được chứa ký tự NUL.',
  },
};
