import { createRandom, shuffleInPlace } from '../../src/analyze/topics/linear/prng.js'

/** Sentences about coffee growing and trade, football, and neither: material for labelled test articles. */
export const COFFEE = [
  'Giá cà phê robusta tại Tây Nguyên tăng mạnh trong tuần qua',
  'Nông dân thu hoạch cà phê chín đỏ để nâng cao chất lượng hạt',
  'Xuất khẩu cà phê sang châu Âu đạt kim ngạch kỷ lục',
  'Các doanh nghiệp rang xay cà phê đầu tư dây chuyền chế biến sâu',
  'Diện tích tái canh cà phê già cỗi tiếp tục được mở rộng',
  'Người trồng cà phê lo ngại hạn hán kéo dài ảnh hưởng đến vụ mùa',
  'Quán cà phê phin truyền thống thu hút khách du lịch',
  'Hạt cà phê arabica Cầu Đất được đánh giá cao về hương vị',
  'Hợp tác xã hướng dẫn bà con bón phân tưới nước cho vườn cà phê',
]
export const FOOTBALL = [
  'Đội tuyển bóng đá quốc gia giành chiến thắng trước đối thủ',
  'Huấn luyện viên công bố danh sách cầu thủ chuẩn bị cho vòng loại',
  'Tiền đạo ghi bàn thắng quyết định ở phút bù giờ',
  'Câu lạc bộ dẫn đầu bảng xếp hạng giải bóng đá vô địch quốc gia',
  'Người hâm mộ đổ về sân vận động cổ vũ đội nhà',
  'Trọng tài rút thẻ đỏ truất quyền thi đấu của hậu vệ',
  'Thủ môn cản phá quả phạt đền trong loạt sút luân lưu',
  'Liên đoàn bóng đá điều chỉnh lịch thi đấu mùa giải mới',
  'Các cầu thủ tập luyện chiến thuật trên sân cỏ trước trận đấu',
]
const NEUTRAL = [
  'Theo thông tin từ cơ quan chức năng, kế hoạch sẽ được triển khai trong thời gian tới',
  'Nhiều ý kiến cho rằng cần có sự phối hợp chặt chẽ giữa các bên',
  'Sự kiện diễn ra vào sáng nay với sự tham dự của đông đảo người dân',
  'Phóng viên đã ghi nhận tình hình thực tế tại địa phương',
  'Lãnh đạo địa phương cho biết sẽ tiếp tục theo dõi sát diễn biến',
]

export interface SyntheticArticle {
  title: string
  body: string
}

/**
 * A reproducible article drawing `fromA` sentences from `a` and `fromB` from `b`, plus two neutral
 * ones, shuffled; its title is its first topical sentence.
 */
export function syntheticArticle(
  seed: number,
  a: readonly string[],
  fromA: number,
  b: readonly string[] = [],
  fromB = 0,
): SyntheticArticle {
  const random = createRandom(seed)
  const pick = (list: readonly string[], k: number) => {
    const copy = [...list]
    shuffleInPlace(copy, random)
    return copy.slice(0, k)
  }
  const topical = [...pick(a, fromA), ...pick(b, fromB)]
  const sentences = [...topical, ...pick(NEUTRAL, 2)]
  shuffleInPlace(sentences, random)
  return { title: topical[0] ?? 'Tin tổng hợp', body: sentences.map((s) => `${s}.`).join(' ') }
}
