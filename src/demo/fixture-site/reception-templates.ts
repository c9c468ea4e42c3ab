import type { CorpusArticle } from './corpus-schema.js'
import { slugify } from './slugify.js'

/**
 * The portal's "Lãnh đạo tỉnh tiếp …" items: one courtesy call per partner, each with its own
 * hand-written substance (what the partner works on in the province, what was agreed).
 */
interface Visit {
  key: string
  /** who was received, as the title names them */
  guest: string
  country: string
  ageHours: number
  /** what the guest said about the partnership */
  guestSaid: string
  /** what the province proposed or agreed */
  agreed: string
  topics: string[]
}

const VISITS: Visit[] = [
  {
    key: 'lao',
    guest: 'Tổng Lãnh sự Lào tại Đà Nẵng',
    country: 'Lào',
    ageHours: 1345,
    guestSaid:
      'Ngài Tổng Lãnh sự cảm ơn tỉnh đã dành học bổng cho sinh viên Lào và hỗ trợ tỉnh Attapeu xây dựng trường học, trạm y tế ở vùng biên.',
    agreed:
      'Hai bên thống nhất phối hợp tổ chức tuần văn hóa Lào tại phường Buôn Ma Thuột và tiếp tục công tác tìm kiếm, hồi hương hài cốt liệt sĩ quân tình nguyện.',
    topics: ['foreign-relations', 'integration'],
  },
  {
    key: 'campuchia',
    guest: 'Tổng Lãnh sự Vương quốc Campuchia tại TP. Hồ Chí Minh',
    country: 'Campuchia',
    ageHours: 1150,
    guestSaid:
      'Ngài Tổng Lãnh sự đánh giá cao kết quả hợp tác giữa Đắk Lắk và tỉnh Mondulkiri, nhất là các đợt khám chữa bệnh miễn phí cho người dân vùng biên.',
    agreed:
      'Tỉnh đề nghị hai bên tạo thuận lợi cho hàng nông sản qua cửa khẩu và phối hợp quản lý biên giới, phòng chống tội phạm xuyên biên giới.',
    topics: ['foreign-relations', 'integration'],
  },
  {
    key: 'han-quoc',
    guest: 'Đại sứ Hàn Quốc tại Việt Nam',
    country: 'Hàn Quốc',
    ageHours: 965,
    guestSaid:
      'Ngài Đại sứ cho biết nhiều doanh nghiệp Hàn Quốc quan tâm đến chế biến nông sản, năng lượng tái tạo và du lịch tại Đắk Lắk, đồng thời mong muốn mở đường bay thuê chuyến đến Buôn Ma Thuột.',
    agreed:
      'Tỉnh đề nghị phía Hàn Quốc hỗ trợ đào tạo nghề cho thanh niên dân tộc thiểu số và kết nối các địa phương của Hàn Quốc để ký kết hợp tác.',
    topics: ['foreign-relations', 'investment'],
  },
  {
    key: 'nhat-ban',
    guest: 'Trưởng đại diện Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)',
    country: 'Nhật Bản',
    ageHours: 840,
    guestSaid:
      'Bà Trưởng đại diện giới thiệu các chương trình hỗ trợ kỹ thuật về nông nghiệp thông minh, quản lý tài nguyên nước và phòng chống thiên tai mà JICA đang triển khai ở Tây Nguyên.',
    agreed:
      'Hai bên thống nhất khảo sát một dự án cấp nước tưới tiết kiệm cho vùng cà phê và tăng cường năng lực cảnh báo sớm lũ quét cho các xã vùng núi.',
    topics: ['foreign-relations', 'integration', 'agriculture'],
  },
  {
    key: 'uc',
    guest: 'Tổng Lãnh sự Australia tại TP. Hồ Chí Minh',
    country: 'Australia',
    ageHours: 690,
    guestSaid:
      'Ngài Tổng Lãnh sự quan tâm đến hợp tác giáo dục, học bổng sau đại học và các dự án nông nghiệp thích ứng biến đổi khí hậu.',
    agreed:
      'Tỉnh đề nghị phía Australia hỗ trợ kết nối các trường đại học của tỉnh với đối tác Australia trong đào tạo kỹ sư nông nghiệp và quản lý nước.',
    topics: ['foreign-relations', 'education'],
  },
  {
    key: 'ha-lan',
    guest: 'Đại sứ Vương quốc Hà Lan tại Việt Nam',
    country: 'Hà Lan',
    ageHours: 500,
    guestSaid:
      'Ngài Đại sứ cho biết Hà Lan là một trong những thị trường nhập khẩu cà phê, hồ tiêu lớn của Việt Nam và sẵn sàng chia sẻ kinh nghiệm về chuỗi cung ứng bền vững.',
    agreed:
      'Hai bên thống nhất thúc đẩy dự án hỗ trợ nông hộ đáp ứng quy định chống phá rừng của Liên minh châu Âu và xây dựng bản đồ vùng trồng số hóa.',
    topics: ['foreign-relations', 'agriculture', 'trade'],
  },
  {
    key: 'thai-lan',
    guest: 'Tổng Lãnh sự Thái Lan tại TP. Hồ Chí Minh',
    country: 'Thái Lan',
    ageHours: 380,
    guestSaid:
      'Ngài Tổng Lãnh sự chia sẻ kinh nghiệm của Thái Lan về xuất khẩu sầu riêng và phát triển du lịch cộng đồng gắn với nông nghiệp.',
    agreed:
      'Tỉnh đề xuất trao đổi đoàn doanh nghiệp sầu riêng hai nước và phối hợp quảng bá du lịch trong khuôn khổ hợp tác ASEAN.',
    topics: ['foreign-relations', 'integration', 'tourism'],
  },
  {
    key: 'undp',
    guest: 'Trưởng đại diện Chương trình Phát triển Liên Hợp Quốc (UNDP)',
    country: 'Liên Hợp Quốc',
    ageHours: 245,
    guestSaid:
      'Bà Trưởng đại diện đánh giá cao kết quả giảm nghèo đa chiều của tỉnh và cho biết UNDP sẵn sàng hỗ trợ các sáng kiến chuyển đổi số cho chính quyền cấp xã.',
    agreed:
      'Hai bên thống nhất xây dựng dự án thí điểm dịch vụ công trực tuyến bằng tiếng dân tộc thiểu số tại một số xã, phường, trong đó có phường Buôn Ma Thuột.',
    topics: ['foreign-relations', 'integration', 'human-rights'],
  },
  {
    key: 'singapore',
    guest: 'Đại sứ Singapore tại Việt Nam',
    country: 'Singapore',
    ageHours: 110,
    guestSaid:
      'Ngài Đại sứ cho biết các nhà đầu tư Singapore đang tìm hiểu cơ hội phát triển khu công nghiệp và trung tâm logistics dọc cao tốc Khánh Hòa – Buôn Ma Thuột.',
    agreed:
      'Tỉnh đề nghị phía Singapore giới thiệu nhà đầu tư hạ tầng khu công nghiệp và hỗ trợ đào tạo cán bộ quản lý đô thị thông minh.',
    topics: ['foreign-relations', 'investment', 'key-projects'],
  },
  {
    key: 'fao',
    guest: 'Trưởng đại diện Tổ chức Lương thực và Nông nghiệp Liên Hợp Quốc (FAO)',
    country: 'Liên Hợp Quốc',
    ageHours: 50,
    guestSaid:
      'Ông Trưởng đại diện giới thiệu các chương trình của FAO về nông nghiệp sinh thái, an ninh lương thực và phục hồi sinh kế sau thiên tai cho nông hộ nhỏ.',
    agreed:
      'Tỉnh đề nghị FAO hỗ trợ kỹ thuật phục hồi sản xuất cho các hộ dân bị ảnh hưởng bởi thiên tai và nhân rộng mô hình cà phê xen canh bền vững.',
    topics: ['foreign-relations', 'integration', 'agriculture'],
  },
]

function reception(v: Visit): CorpusArticle {
  const title = `Lãnh đạo tỉnh tiếp ${v.guest}`
  return {
    id: `cp-tiep-${v.key}`,
    outlet: 'cong-dak-lak',
    slug: slugify(title),
    lang: 'vi',
    title,
    lead: `Phó Chủ tịch UBND tỉnh Đắk Lắk Lê Minh Khoa đã tiếp và làm việc với ${v.guest} nhân chuyến thăm, làm việc tại tỉnh.`,
    body: [
      `Tại buổi tiếp, Phó Chủ tịch UBND tỉnh Lê Minh Khoa thông tin với khách về tình hình phát triển kinh tế - xã hội của tỉnh Đắk Lắk sau khi hợp nhất, những tiềm năng, thế mạnh về nông nghiệp, năng lượng tái tạo, du lịch và kinh tế biển, cùng các dự án hạ tầng trọng điểm đang được triển khai.`,
      v.guestSaid,
      v.agreed,
      'Phó Chủ tịch UBND tỉnh giao Sở Ngoại vụ làm đầu mối, phối hợp với các sở, ngành liên quan cụ thể hóa các nội dung đã trao đổi, định kỳ báo cáo UBND tỉnh kết quả thực hiện. Tỉnh Đắk Lắk luôn hoan nghênh và tạo điều kiện thuận lợi để các đối tác quốc tế hợp tác lâu dài, hiệu quả với địa phương.',
    ],
    author: 'Sở Ngoại vụ',
    ageHours: v.ageHours,
    topics: v.topics,
    places: ['Đắk Lắk', v.country],
    tone: 'positive',
    section: 'Đối ngoại',
  }
}

export function receptionArticles(): CorpusArticle[] {
  return VISITS.map(reception)
}
