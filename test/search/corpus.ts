/**
 * The shared search corpus: hand-written articles that set the Vietnamese traps (bán / bàn / ban / bạn,
 * Đắk Lắk, hoà / hòa, upper case, hyphens, numbers) plus generated ones from a small vocabulary so
 * the query mix hits phrases, NEAR distances and prefixes in many positions. Deterministic.
 */
export interface CorpusDoc {
  id: string
  title: string
  text: string
  source: string
  lang: string
  published_at: string
  /** analysis the test writes beside the import: tone, topics, places */
  tone?: number
  topics?: string[]
  places?: { id: string; name: string }[]
}

const HAND: CorpusDoc[] = [
  {
    id: 'h1',
    title: 'Tình hình Biển Đông tuần qua',
    text: 'Các tàu lạ xuất hiện ở Biển Đông gần quần đảo Hoàng Sa. Bộ Ngoại giao lên tiếng phản đối.',
    source: 'Tuổi Trẻ',
    lang: 'vi',
    published_at: '2019-03-01T02:00:00Z',
    tone: -4,
    topics: ['sensitive.east_sea'],
    places: [{ id: 'vn:hoang-sa', name: 'Hoàng Sa' }],
  },
  {
    id: 'h2',
    title: 'Cà phê Đắk Lắk được mùa',
    text: 'Nông dân Đắk Lắk bán cà phê với giá cao. Tỉnh Đắk Lắk mở rộng vùng trồng.',
    source: 'Báo Đắk Lắk',
    lang: 'vi',
    published_at: '2019-03-02T10:00:00Z',
    tone: 5,
    topics: ['economy.agriculture'],
    places: [{ id: 'vn:66', name: 'Đắk Lắk' }],
  },
  {
    id: 'h3',
    title: 'Mua bàn ghế cũ',
    text: 'Cửa hàng bàn ghế ở Hà Nội giảm giá. Bàn làm việc bằng gỗ rất bền.',
    source: 'VnExpress',
    lang: 'vi',
    published_at: '2019-03-05T01:00:00Z',
    tone: 1,
  },
  {
    id: 'h4',
    title: 'Ban chỉ đạo họp bàn kế hoạch',
    text: 'Ban chỉ đạo thông tin đối ngoại của tỉnh họp bàn kế hoạch năm 2019. Bạn đọc có thể góp ý.',
    source: 'Cổng thông tin tỉnh',
    lang: 'vi',
    published_at: '2019-03-13T03:00:00Z',
    tone: 0,
    topics: ['ttdn.plan'],
  },
  {
    id: 'h5',
    title: 'DAK LAK COFFEE EXPORTS RISE',
    text: 'Coffee growers in Dak Lak province sold more beans to Europe. The East Sea route was busy.',
    source: 'VnExpress International',
    lang: 'en',
    published_at: '2019-03-20T08:00:00Z',
    tone: 3,
  },
  {
    id: 'h6',
    title: 'Hoà bình và hợp tác',
    text: 'Việt Nam kiên trì đường lối hòa bình, hữu nghị, hợp tác và phát triển. Thuỷ sản xuất khẩu tăng.',
    source: 'Nhân Dân',
    lang: 'vi',
    published_at: '2019-04-02T00:30:00Z',
    tone: 6,
    topics: ['promotion.foreign_policy'],
  },
  {
    id: 'h7',
    title: 'Dịch COVID-19 và vắc-xin',
    text: 'Bộ Y tế cập nhật tình hình COVID-19, tiêm vắc-xin mũi 3. Chủng H5N1 không xuất hiện.',
    source: 'VnExpress',
    lang: 'vi',
    published_at: '2020-06-15T05:00:00Z',
    tone: -2,
    topics: ['health'],
  },
  {
    id: 'h8',
    title: 'Bán hàng online bùng nổ',
    text: 'Người bán hàng trên mạng tăng mạnh; ban quản lý chợ lo ngại. Bán lẻ truyền thống giảm.',
    source: 'Tuổi Trẻ',
    lang: 'vi',
    published_at: '2019-12-31T18:30:00Z',
    tone: -1,
  },
  {
    id: 'h9',
    title: 'Du lịch Đà Nẵng hồi phục',
    text: 'Đà Nẵng đón khách quốc tế trở lại, các bãi biển đông đúc vào cuối tuần.',
    source: 'Báo Đà Nẵng',
    lang: 'vi',
    published_at: '2021-01-10T09:00:00Z',
    tone: 7,
    topics: ['economy.tourism'],
    places: [{ id: 'vn:48', name: 'Đà Nẵng' }],
  },
  {
    id: 'h10',
    title: 'China Daily on the South China Sea',
    text: 'Beijing claims most of the sea. Vietnam calls it the East Sea, Biển Đông in Vietnamese.',
    source: 'China Daily',
    lang: 'en',
    published_at: '2019-03-15T12:00:00Z',
    tone: -6,
    topics: ['sensitive.east_sea'],
  },
  {
    id: 'h11',
    title: 'Quản lý đất đai ở Tây Nguyên',
    text: 'Đất đai tại Đắk Nông và Đắk Lắk được rà soát; đường dây nóng tiếp nhận phản ánh.',
    source: 'Nhân Dân',
    lang: 'vi',
    published_at: '2020-02-29T16:59:59Z',
    tone: -3,
    places: [{ id: 'vn:66', name: 'Đắk Lắk' }],
  },
  {
    id: 'h12',
    title: 'Ngày hội văn hóa các dân tộc',
    text: 'Ngày hội văn hoá thu hút đông đảo bà con. Nghệ nhân biểu diễn cồng chiêng.',
    source: 'Báo Đắk Lắk',
    lang: 'vi',
    published_at: '2019-11-20T02:00:00Z',
    tone: 4,
    topics: ['promotion.culture'],
  },
]

const SOURCES = ['Tuổi Trẻ', 'VnExpress', 'Nhân Dân', 'Báo Đà Nẵng', 'Báo Đắk Lắk']
const SUBJECTS = [
  'Biển Đông',
  'Đắk Lắk',
  'Đà Nẵng',
  'kinh tế số',
  'chuyển đổi số',
  'cà phê',
  'thông tin đối ngoại',
  'bàn ghế',
  'người bán hàng',
  'ban chỉ đạo',
  'bạn đọc',
  'hòa bình',
]
const VERBS = [
  'phát triển mạnh',
  'được quan tâm',
  'gặp khó khăn',
  'tăng trưởng nhanh',
  'cần theo dõi',
  'bị ảnh hưởng',
]
const FILLER = [
  'trong năm nay',
  'theo báo cáo mới',
  'tại hội nghị',
  'ở nhiều địa phương',
  'so với cùng kỳ',
  'của tỉnh',
]

/** A small deterministic generator (mulberry32) so the corpus is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function searchCorpus(generated = 60): CorpusDoc[] {
  const r = rng(20190313)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const out = [...HAND]
  for (let i = 0; i < generated; i++) {
    const sentences = Array.from(
      { length: 2 + Math.floor(r() * 3) },
      () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(FILLER)}.`,
    )
    const day = new Date(
      Date.UTC(2019, 0, 1) + Math.floor(r() * 900) * 86_400_000 + Math.floor(r() * 86_400_000),
    )
    out.push({
      id: `g${i}`,
      title: `${pick(SUBJECTS)} ${pick(VERBS)}`,
      text: sentences.join(' '),
      source: pick(SOURCES),
      lang: 'vi',
      published_at: day.toISOString(),
      tone: Math.round((r() * 20 - 10) * 10) / 10,
      ...(r() < 0.3 ? { topics: [pick(['sensitive.east_sea', 'economy.agriculture', 'ttdn.plan'])] } : {}),
    })
  }
  return out
}
