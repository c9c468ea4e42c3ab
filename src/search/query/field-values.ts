import { fromVnWallClock } from '../../shared/time.js'
import { foldText } from '../../text/fold.js'
import type { FieldName, FieldNode } from './ast.js'
import { syntaxError } from './query-reasons.js'

/** Field names, English and Vietnamese (with or without diacritics, `_` for the space). */
const FIELD_ALIASES: Record<string, FieldName> = {
  title: 'title',
  tieu_de: 'title',
  source: 'source',
  nguon: 'source',
  lang: 'lang',
  ngon_ngu: 'lang',
  date: 'date',
  ngay: 'date',
  country: 'country',
  nuoc: 'country',
  quoc_gia: 'country',
  place: 'place',
  dia_danh: 'place',
  topic: 'topic',
  chu_de: 'topic',
  tone: 'tone',
  sac_thai: 'tone',
}

export const fieldOf = (name: string): FieldName | undefined => FIELD_ALIASES[foldText(name.normalize('NFC'))]

/** Named tone bands, on the analysis scale −10…+10 (see facets `TONE_BANDS`). */
const TONE_WORDS: Record<string, [number | null, number | null, boolean, boolean]> = {
  negative: [null, -1, false, false],
  tieu_cuc: [null, -1, false, false],
  neutral: [-1, 1, true, true],
  trung_tinh: [-1, 1, true, true],
  positive: [1, null, false, false],
  tich_cuc: [1, null, false, false],
}

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/
const COMPARE = /^(<=|>=|<|>|=)(.+)$/

const num = (s: string, pos: number) => {
  if (!NUMBER.test(s)) throw syntaxError('not_a_number', pos, { value: s })
  return Number(s.replace(',', '.'))
}

export function parseTone(value: string, pos: number): FieldNode {
  const base = { kind: 'FieldNode', field: 'tone', pos } as const
  const band = TONE_WORDS[foldText(value)]
  if (band) return { ...base, min: band[0], max: band[1], minInclusive: band[2], maxInclusive: band[3] }
  const cmp = COMPARE.exec(value)
  if (cmp) {
    const v = num(cmp[2]!, pos)
    const op = cmp[1]!
    if (op === '=') return { ...base, min: v, max: v, minInclusive: true, maxInclusive: true }
    if (op[0] === '<') return { ...base, min: null, max: v, minInclusive: false, maxInclusive: op === '<=' }
    return { ...base, min: v, max: null, minInclusive: op === '>=', maxInclusive: false }
  }
  const range = value.split('..')
  if (range.length === 2) {
    const min = range[0] === '' ? null : num(range[0]!, pos)
    const max = range[1] === '' ? null : num(range[1]!, pos)
    return { ...base, min, max, minInclusive: true, maxInclusive: true }
  }
  const v = num(value, pos)
  return { ...base, min: v, max: v, minInclusive: true, maxInclusive: true }
}

const ISO_DAY = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/
const VN_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/

/** A calendar period in Viet Nam time as [start, end) instants: `2019`, `2019-03`, `2019-03-01`, `1/3/2019`. */
function period(s: string, pos: number): [Date, Date] {
  let y: number
  let m: number | undefined
  let d: number | undefined
  const iso = ISO_DAY.exec(s)
  const vn = VN_DAY.exec(s)
  if (iso)
    [y, m, d] = [Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined]
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])]
  else throw syntaxError('not_a_date', pos, { value: s })
  if (m !== undefined && (m < 1 || m > 12)) throw syntaxError('no_such_month', pos, { value: s })
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, m!, 0)).getUTCDate()))
    throw syntaxError('no_such_day', pos, { value: s })
  if (m === undefined) return [fromVnWallClock(y, 1, 1), fromVnWallClock(y + 1, 1, 1)]
  if (d === undefined) return [fromVnWallClock(y, m, 1), fromVnWallClock(y, m + 1, 1)]
  return [fromVnWallClock(y, m, d), fromVnWallClock(y, m, d + 1)]
}

export function parseDate(value: string, pos: number): FieldNode {
  const base = { kind: 'FieldNode', field: 'date', pos } as const
  const cmp = COMPARE.exec(value)
  if (cmp) {
    const [start, end] = period(cmp[2]!, pos)
    const op = cmp[1]!
    if (op === '=') return { ...base, from: start.toISOString(), to: end.toISOString() }
    if (op === '<') return { ...base, from: null, to: start.toISOString() }
    if (op === '<=') return { ...base, from: null, to: end.toISOString() }
    if (op === '>') return { ...base, from: end.toISOString(), to: null }
    return { ...base, from: start.toISOString(), to: null }
  }
  const range = value.split('..')
  if (range.length > 2) throw syntaxError('not_a_date_range', pos, { value })
  const from = range[0] === '' ? null : period(range[0]!, pos)[0].toISOString()
  const to =
    range.length === 1
      ? period(range[0]!, pos)[1].toISOString()
      : range[1] === ''
        ? null
        : period(range[1]!, pos)[1].toISOString()
  if (from === null && to === null) throw syntaxError('open_date_range', pos)
  if (from !== null && to !== null && from >= to) throw syntaxError('reversed_date_range', pos)
  return { ...base, from, to }
}
