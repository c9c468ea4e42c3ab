import { appError } from '../../shared/errors.js'
import {
  ERA_END_PRE2025,
  ERA_START_2025,
  type PlaceEra,
  type PlaceRecord,
  countryId,
  vnId,
} from './place-record.js'

/** Minimal RFC 4180 reader: quotes, doubled quotes, CRLF, BOM; delimiter `,` or `;` (sniffed from the header). */
export function readCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '')
  const firstLine = s.slice(0, s.search(/\r?\n|$/))
  const delim = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') i++
      else if (ch === '"') {
        quoted = false
        continue
      }
      cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === delim) {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}

/** Header names of the statistics office export, folded to compare ("Mã TP", "Quận Huyện", "Cấp"…). */
const COLUMNS = {
  provinceName: ['tinh / thanh pho', 'tinh/thanh pho', 'tinh thanh pho', 'ten tinh'],
  provinceCode: ['ma tp', 'ma tinh'],
  districtName: ['quan huyen', 'quan/huyen', 'quan / huyen', 'ten quan huyen'],
  districtCode: ['ma qh', 'ma quan huyen'],
  communeName: ['phuong xa', 'phuong/xa', 'phuong / xa', 'ten phuong xa'],
  communeCode: ['ma px', 'ma phuong xa'],
  level: ['cap'],
  nameEn: ['ten tieng anh', 'english name'],
} as const
type Column = keyof typeof COLUMNS

const headerKey = (h: string) =>
  h
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()

function columnIndexes(header: string[]): Partial<Record<Column, number>> {
  const keys = header.map(headerKey)
  const out: Partial<Record<Column, number>> = {}
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const i = keys.findIndex((k) => names.includes(k))
    if (i >= 0) out[col] = i
  }
  return out
}

const stripType = (full: string, fallback: string) => {
  const m = full.trim().match(/^(thành phố|thị trấn|thị xã|đặc khu|phường|quận|huyện|tỉnh|xã)\s+(.+)$/iu)
  return m ? { type: m[1]!.toLowerCase(), name: m[2]!.trim() } : { type: fallback, name: full.trim() }
}

/**
 * Turns the statistics office's export rows (one commune per row, provinces and districts repeated) into
 * place records. Rows with district columns give the pre-2025 three-tier list, rows without give the
 * 2025 list; `era` overrides the guess.
 */
export function recordsFromStatisticsRows(rows: string[][], opts: { era?: PlaceEra } = {}): PlaceRecord[] {
  const [header, ...body] = rows
  const col = columnIndexes(header ?? [])
  if (col.provinceCode === undefined || col.communeCode === undefined || col.communeName === undefined)
    throw appError(
      'PARSE_FAILED',
      'not a statistics office unit list: missing Mã TP / Phường Xã / Mã PX columns',
    )
  const cell = (r: string[], c: Column) => (col[c] === undefined ? '' : (r[col[c]] ?? '').trim())
  // spreadsheets drop leading zeros: "1" is province "01", commune "4" is "00004"
  const code = (r: string[], c: Column, width: number) => {
    const v = cell(r, c)
    return /^\d+$/.test(v) ? v.padStart(width, '0') : v
  }
  const era = opts.era ?? (body.some((r) => cell(r, 'districtCode')) ? 'pre2025' : '2025')
  const dates = {
    validFrom: era === '2025' ? ERA_START_2025 : null,
    validTo: era === 'pre2025' ? ERA_END_PRE2025 : null,
  }
  const seen = new Map<string, PlaceRecord>()
  const add = (r: Omit<PlaceRecord, 'era' | 'validFrom' | 'validTo' | 'aliases' | 'successorIds'>) => {
    if (!seen.has(r.id)) seen.set(r.id, { ...r, era, ...dates, aliases: [], successorIds: [] })
    return r.id
  }
  for (const r of body) {
    const [pCode, dCode, cCode] = [
      code(r, 'provinceCode', 2),
      code(r, 'districtCode', 3),
      code(r, 'communeCode', 5),
    ]
    const p = stripType(cell(r, 'provinceName'), 'tỉnh')
    const pType = p.type === 'thành phố' ? 'thành phố trực thuộc trung ương' : 'tỉnh'
    const base = { nameEn: null, parentId: countryId('VN') }
    let parentId = add({
      ...base,
      id: vnId(era, 'province', pCode),
      code: pCode,
      level: 'province',
      name: p.name,
      type: pType,
    })
    if (era === 'pre2025' && dCode) {
      const d = stripType(cell(r, 'districtName'), 'huyện')
      const id = vnId(era, 'district', dCode)
      parentId = add({ ...base, parentId, id, code: dCode, level: 'district', name: d.name, type: d.type })
    }
    const c = stripType(cell(r, 'communeName'), 'xã')
    const type = cell(r, 'level').toLowerCase() || c.type
    const nameEn = cell(r, 'nameEn') || null
    add({ id: vnId(era, 'ward', cCode), code: cCode, level: 'commune', name: c.name, type, nameEn, parentId })
  }
  return [...seen.values()]
}

/** Parses the statistics office's CSV export of the unit list. */
export const parseStatisticsCsv = (text: string, opts: { era?: PlaceEra } = {}) =>
  recordsFromStatisticsRows(readCsv(text), opts)
