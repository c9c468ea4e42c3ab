/**
 * Reader comments shown under articles, so that extraction has a comments block to leave out.
 * Generic pen names and remarks; no real person.
 */
export interface SampleComment {
  name: string
  text: string
}

export const VI_COMMENTS: SampleComment[] = [
  {
    name: 'Bạn đọc Minh An',
    text: 'Bài viết rất thiết thực, mong báo tiếp tục theo dõi và thông tin thêm về vấn đề này.',
  },
  { name: 'Hoàng Nam', text: 'Quê tôi ở gần đó, đúng là mấy năm nay thay đổi nhiều. Cảm ơn phóng viên.' },
  {
    name: "H'Hen",
    text: 'Mong chính quyền quan tâm hơn nữa tới bà con ở các buôn xa, nhất là đường sá mùa mưa.',
  },
  {
    name: 'Trần Quốc',
    text: 'Thông tin hữu ích. Đề nghị báo cho biết thêm đầu mối liên hệ để người dân hỏi cụ thể.',
  },
  { name: 'Độc giả Lan Anh', text: 'Đọc mà tự hào về quê hương mình. Chúc tỉnh nhà ngày càng phát triển.' },
  {
    name: 'Phạm Hùng',
    text: 'Số liệu trong bài có nguồn từ đâu vậy báo? Mong ghi rõ để bạn đọc tiện tra cứu.',
  },
  { name: 'Y Đăk', text: 'Buôn tôi cũng đã làm theo mô hình này, bước đầu thấy có hiệu quả.' },
]

export const EN_COMMENTS: SampleComment[] = [
  {
    name: 'traveller_88',
    text: 'I visited the area last year and the coffee was excellent. Good to read more about it.',
  },
  { name: 'K. Morgan', text: 'Would be helpful to see the original data sources linked in the article.' },
  { name: 'Somchai P.', text: 'Interesting piece. The border provinces deserve more coverage.' },
  { name: 'reader2041', text: 'The situation seems more complicated than this report suggests.' },
]

/** Comments for an article: none, one, two or three, chosen by its number so pages are stable. */
export function commentsFor(num: number, lang: 'vi' | 'en'): SampleComment[] {
  const pool = lang === 'vi' ? VI_COMMENTS : EN_COMMENTS
  const count = num % 4
  return Array.from({ length: count }, (_, i) => pool[(num + i * 3) % pool.length]!)
}
