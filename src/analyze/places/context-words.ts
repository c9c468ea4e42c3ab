import { fold, nameKey } from './fold.js'
import { type Token, continuesName } from './tokenize.js'

/** A set of short phrases matched against the tokens just before a position (tone keys or folded). */
export class PhraseSet {
  readonly #accented: Set<string>
  readonly #folded: Set<string>
  constructor(phrases: string[]) {
    this.#accented = new Set(phrases.map(nameKey))
    this.#folded = new Set(phrases.map((p) => nameKey(fold(p))))
  }
  /** Number of tokens (1–3) of a phrase ending right before token i, or 0. */
  endsBefore(tokens: Token[], i: number, accented: boolean): number {
    const set = accented ? this.#accented : this.#folded
    let key = ''
    for (let n = 1; n <= 3 && i - n >= 0; n++) {
      const t = tokens[i - n]!
      if (!continuesName(tokens[i - n + 1]!.gap) && !(n === 1 && tokens[i]!.gap === 'dot')) return 0
      key = key ? `${accented ? nameKey(t.raw) : t.folded} ${key}` : accented ? nameKey(t.raw) : t.folded
      if (set.has(key)) return n
    }
    return 0
  }
}

let memo: ReturnType<typeof build> | null = null
const build = () => ({
  /**
   * The name is not the place: a street ("đường Hà Nội", "phố Huế"), a person ("Chủ tịch Hồ Chí Minh",
   * "vua Quang Trung"), a language ("tiếng Anh").
   */
  notPlace: new PhraseSet([
    'đường',
    'phố',
    'ngõ',
    'ngách',
    'hẻm',
    'đại lộ',
    'tuyến phố',
    'chủ tịch',
    'bác',
    'tư tưởng',
    'lăng',
    'đồng chí',
    'vua',
    'ông',
    'bà',
    'anh',
    'chị',
    'tượng',
    'tượng đài',
    'di chúc',
    'cụ',
    'danh nhân',
    'tiếng',
  ]),
  /** a building, a market, a bridge… or a sub-commune settlement named like a commune */
  institution: new PhraseSet([
    'cầu',
    'chợ',
    'dinh',
    'trường',
    'bệnh viện',
    'nhà máy',
    'công ty',
    'khách sạn',
    'bến xe',
    'ga',
    'sân bay',
    'cảng',
    'quảng trường',
    'công viên',
    'hội trường',
    'sân vận động',
    'chùa',
    'đình',
    'đền',
    'nhà thờ',
    'thôn',
    'ấp',
    'bản',
    'làng',
    'khóm',
    'xóm',
    'tổ dân phố',
    'khu phố',
    'khu đô thị',
    'khu công nghiệp',
    'hồ',
    'núi',
    'sông',
  ]),
})
export const contextWords = () => {
  memo ??= build()
  return memo
}

/**
 * One-syllable names that start common words: "Mỹ phẩm" (cosmetics) is not the United States,
 * "Ý kiến" (opinion) is not Italy. Keyed by the folded name, values are the folded next syllables.
 */
export const COMPOUND_STARTS = new Map<string, Set<string>>(
  Object.entries({
    my: 'pham thuat nghe vien nhan man quan hoc vi cam tu le kim mieu',
    anh: 'ay ta em chi hung dung minh tai sang huong quan nhan ruot ho bao',
    phap: 'luat ly lenh che nhan su quyen dinh y dien mon tri',
    duc: 'tinh do tin hanh phat',
    y: 'kien nghia thuc tuong dinh muon chi niem do tu te',
    ao: 'dai khoac mua so phong len giap choang',
    lao: 'dong',
    nhat: 'ky bao thuc trinh dung nguyet lenh',
    han: 'gan lam huyen thu vi mac',
    nga: 'ba re',
  }).map(([k, v]) => [k, new Set(v.split(' '))]),
)

/**
 * Unit names that are also everyday phrases ("hòa bình" = peace, "độc lập" = independence). In mixed
 * case the capitals tell them apart; in an ALL-CAPS headline only a type word does. Folded keys.
 */
export const COMMON_PHRASES = new Set([
  'hoa binh',
  'thai binh',
  'doc lap',
  'thong nhat',
  'tu do',
  'hanh phuc',
  'doan ket',
  'quyet thang',
  'tien bo',
  'an ninh',
  'binh an',
  'an binh',
  'phu quy',
  'hung thinh',
  'tan tien',
  'hoa hop',
  'thang loi',
  'quyet tien',
  'tien phong',
  'dai dong',
  'hop tac',
  'phat trien',
  'tien thanh',
  'binh minh',
  'hy vong',
  'truong son',
])

export const OLD_MARKERS = new Set(['cu'])
export const LIST_JOINERS = new Set(['va', 'and', 'cung'])
