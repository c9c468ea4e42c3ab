import type { CorpusArticle } from './corpus-schema.js'
import {
  COFFEE_COMMENTS,
  COFFEE_OUTLOOKS,
  FARM_COMMENTS,
  WIRE_COMMENTS,
  WIRE_DISCLAIMERS,
} from './market-report-text.js'
import { randomWalk, seededRandom } from './seeded-random.js'
import { slugify } from './slugify.js'

/** Days covered by the price series: the demo's 60-day window. */
const SERIES_DAYS = 60
/** Fixed seed: the demo corpus must be the same on every build. */
const SEED = 20240228
/** Reports go out in the morning, Vietnamese time; `ageHours` = days ago × 24 + this offset. */
const MORNING_OFFSET_HOURS = 2.5

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g
/** `118500` → `118.500` (Vietnamese grouping), rounded to 100 đồng as dealers quote. */
const vnd = (n: number) => String(Math.round(n / 100) * 100).replace(THOUSANDS, '.')
/** `4712.3` → `4,712` */
const usd = (n: number) => String(Math.round(n)).replace(THOUSANDS, ',')
/** `107,400` dong, rounded like `vnd`, in English grouping */
const dongEn = (n: number) => usd(Math.round(n / 100) * 100)
/** `+$120` / `-$35`: a premium or a discount */
const signed = (n: number) => `${n < 0 ? '-' : '+'}$${usd(Math.abs(n))}`
const pick = <T>(pool: readonly T[], i: number): T => pool[i % pool.length]!

interface Series {
  coffee: number[]
  pepper: number[]
  durian: number[]
  london: number[]
  newYork: number[]
  /** spot premium of Vietnamese grade 2 robusta over London, USD/tonne */
  premium: number[]
}

function series(): Series {
  const r = seededRandom(SEED)
  return {
    coffee: randomWalk(r, SERIES_DAYS, 118_000, 2_500, 95_000, 135_000),
    pepper: randomWalk(r, SERIES_DAYS, 138_000, 2_000, 120_000, 155_000),
    durian: randomWalk(r, SERIES_DAYS, 72_000, 3_000, 55_000, 95_000),
    london: randomWalk(r, SERIES_DAYS, 4_700, 90, 3_900, 5_600),
    newYork: randomWalk(r, SERIES_DAYS, 330, 8, 270, 410),
    premium: randomWalk(r, SERIES_DAYS, 150, 30, -60, 400),
  }
}

const at = (xs: number[], d: number) => xs[d]!
/** Change from the previous day (series index d+1 is one day older). */
const change = (xs: number[], d: number) => at(xs, d) - at(xs, Math.min(d + 1, xs.length - 1))

function viMove(delta: number, unit: string): string {
  if (Math.abs(delta) < 100) return 'đi ngang'
  return `${delta > 0 ? 'tăng' : 'giảm'} ${vnd(Math.abs(delta))} ${unit}`
}

function coffeeReport(s: Series, d: number, n: number): CorpusArticle {
  const p = at(s.coffee, d)
  const move = viMove(change(s.coffee, d), 'đồng/kg')
  const title = `Giá cà phê hôm nay tại Tây Nguyên ${move}, ${n % 2 ? 'robusta London' : 'thị trường thế giới'} ${change(s.london, d) >= 0 ? 'khởi sắc' : 'hạ nhiệt'}`
  return {
    id: `kt-gia-ca-phe-${String(n + 1).padStart(2, '0')}`,
    outlet: 'kinh-te-viet',
    slug: `${slugify(title)}-${n + 1}`,
    lang: 'vi',
    title,
    lead: `Sáng nay, giá cà phê nhân xô tại các tỉnh Tây Nguyên ${move}, dao động quanh mức ${vnd(p - 600)} – ${vnd(p + 300)} đồng/kg; giá tại Đắk Lắk ở mức ${vnd(p)} đồng/kg.`,
    body: [
      `Ghi nhận tại các đại lý thu mua, cà phê nhân xô tại Đắk Lắk được mua vào với giá ${vnd(p)} đồng/kg, tại Lâm Đồng ${vnd(p - 500)} đồng/kg và tại Gia Lai ${vnd(p - 200)} đồng/kg. So với phiên trước, giá ${move}.`,
      `Trên thị trường thế giới, giá robusta giao kỳ hạn gần trên sàn London chốt phiên gần nhất ở mức ${usd(at(s.london, d))} USD/tấn, ${change(s.london, d) >= 0 ? 'tăng' : 'giảm'} ${usd(Math.abs(change(s.london, d)))} USD. Giá arabica trên sàn New York ở mức ${at(s.newYork, d).toFixed(2).replace('.', ',')} cent/pound.`,
      pick(COFFEE_COMMENTS, 2 * n),
      pick(COFFEE_COMMENTS, 2 * n + 1),
      pick(COFFEE_OUTLOOKS, n),
    ],
    author: 'Nhóm Thị trường',
    ageHours: d * 24 + MORNING_OFFSET_HOURS,
    topics: ['agriculture', 'market-prices'],
    places: ['Đắk Lắk', 'Lâm Đồng', 'Gia Lai'],
    tone: 'neutral',
    section: 'Thị trường',
  }
}

function farmReport(s: Series, d: number, n: number): CorpusArticle {
  const pepper = at(s.pepper, d)
  const durian = at(s.durian, d)
  const pMove = viMove(change(s.pepper, d), 'đồng/kg')
  const title = `Giá tiêu ${pMove}, sầu riêng Ri6 loại A quanh ${vnd(durian)} đồng/kg`
  return {
    id: `tn-gia-nong-san-${String(n + 1).padStart(2, '0')}`,
    outlet: 'tay-nguyen-moi',
    slug: `gia-tieu-sau-rieng-hom-nay-${String(n + 1).padStart(2, '0')}`,
    lang: 'vi',
    title,
    lead: `Giá hồ tiêu tại Đắk Lắk hôm nay ${pMove}, lên mức ${vnd(pepper)} đồng/kg; sầu riêng tại vườn giữ ổn định, hàng đẹp vẫn được các kho đóng gói ưu tiên thu mua.`,
    body: [
      `Theo khảo sát của Báo Tây Nguyên Mới, hồ tiêu đen được các đại lý ở xã Cư M'gar, xã Ea Tul thu mua với giá ${vnd(pepper)} đồng/kg, ${pMove} so với hôm qua. Tiêu trắng được mua với giá cao hơn khoảng ba mươi nghìn đồng mỗi ký.`,
      `Sầu riêng Ri6 loại A tại vườn ở xã Krông Pắc có giá khoảng ${vnd(durian)} đồng/kg, loại B khoảng ${vnd(durian - 15_000)} đồng/kg; sầu riêng Monthong loại A được thu mua quanh mức ${vnd(durian + 12_000)} đồng/kg.`,
      pick(FARM_COMMENTS, 2 * n),
      pick(FARM_COMMENTS, 2 * n + 1),
      'Giá nông sản trong bài mang tính tham khảo, có thể chênh lệch tùy chất lượng hàng và khu vực thu mua. Người dân nên liên hệ nhiều đại lý, hợp tác xã để so sánh trước khi bán.',
    ],
    author: "H'Lan Niê",
    ageHours: d * 24 + MORNING_OFFSET_HOURS + 1,
    topics: ['agriculture', 'market-prices'],
    places: ['Đắk Lắk', "Cư M'gar", 'Ea Tul', 'Krông Pắc'],
    tone: 'neutral',
    section: 'Kinh tế',
  }
}

function wireReport(s: Series, d: number, n: number): CorpusArticle {
  const l = at(s.london, d)
  const dl = change(s.london, d)
  const verb = dl >= 0 ? 'rises' : 'eases'
  return {
    id: `ap-softs-${String(n + 1).padStart(2, '0')}`,
    outlet: 'asia-pacific-wire',
    slug: `softs-robusta-${verb}-${String(n + 1).padStart(2, '0')}`,
    lang: 'en',
    title: `SOFTS-Robusta ${verb} to $${usd(l)} as Vietnam supply ${dl >= 0 ? 'stays tight' : 'picks up'}`,
    lead: `London robusta futures ${dl >= 0 ? 'gained' : 'lost'} $${usd(Math.abs(dl))} a tonne, while prices paid to farmers in Vietnam's Central Highlands were quoted at ${dongEn(at(s.coffee, d))} dong per kilogram.`,
    body: [
      `SINGAPORE — Robusta coffee futures for nearby delivery settled at $${usd(l)} a tonne in London, ${dl >= 0 ? 'up' : 'down'} $${usd(Math.abs(dl))} from the previous session. Arabica futures in New York ended at ${at(s.newYork, d).toFixed(2)} cents per lb.`,
      `In Dak Lak province, the heart of Vietnam's robusta belt, local dealers and exporters' collection points bought beans from farmers at ${dongEn(at(s.coffee, d))} dong per kilogram. Black pepper was quoted at ${dongEn(at(s.pepper, d))} dong per kilogram.`,
      `Spot differentials for Vietnamese grade 2 robusta (5% black and broken beans) were quoted at ${signed(at(s.premium, d))} a tonne against the London contract, compared with ${signed(at(s.premium, Math.min(d + 7, SERIES_DAYS - 1)))} a week earlier.`,
      pick(WIRE_COMMENTS, 2 * n),
      pick(WIRE_COMMENTS, 2 * n + 1),
      pick(WIRE_DISCLAIMERS, n),
    ],
    author: 'APW Commodities Desk',
    ageHours: d * 24 + 9,
    topics: ['agriculture', 'market-prices'],
    places: ['Dak Lak', 'Vietnam', 'Central Highlands'],
    tone: 'neutral',
    section: 'Markets',
  }
}

/** The series: coffee every 4 days (Kinh tế Việt), pepper/durian every 8 (Tây Nguyên Mới), softs weekly (APW). */
export function marketReports(): CorpusArticle[] {
  const s = series()
  const out: CorpusArticle[] = []
  for (let d = 1, n = 0; d < SERIES_DAYS; d += 4, n++) out.push(coffeeReport(s, d, n))
  for (let d = 3, n = 0; d < SERIES_DAYS; d += 8, n++) out.push(farmReport(s, d, n))
  for (let d = 2, n = 0; d < SERIES_DAYS; d += 7, n++) out.push(wireReport(s, d, n))
  return out
}
