import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { parseStatisticsCsv, readCsv } from './parse-statistics-csv.js'
import { parseStatisticsXlsx } from './parse-statistics-xlsx.js'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

test('reads quoted cells, doubled quotes, CRLF, BOM and semicolons', () => {
  assert.deepEqual(readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n'), [
    ['a', 'b'],
    ['x, y', 'say "hi"'],
  ])
  assert.deepEqual(readCsv('a;b\n1;2'), [
    ['a', 'b'],
    ['1', '2'],
  ])
})

test('pre-2025 export: provinces, districts and communes with types and parents', () => {
  const rs = parseStatisticsCsv(fixture('statistics-pre2025.csv'))
  const count = (level: string) => rs.filter((r) => r.level === level).length
  assert.deepEqual([count('province'), count('district'), count('commune')], [3, 3, 17])
  const tanQuoi = rs.find((r) => r.id === 'vn:pre2025:ward:29800')!
  assert.deepEqual(
    [tanQuoi.name, tanQuoi.type, tanQuoi.parentId, tanQuoi.nameEn],
    ['Tân Quới', 'thị trấn', 'vn:pre2025:district:863', 'Tan Quoi Township'],
  )
  const d = rs.find((r) => r.id === 'vn:pre2025:district:863')!
  assert.deepEqual([d.name, d.type, d.parentId], ['Bình Tân', 'huyện', 'vn:pre2025:province:86'])
  assert.equal(rs.find((r) => r.id === 'vn:pre2025:province:79')?.type, 'thành phố trực thuộc trung ương')
})

test('2025 export (no district columns) is read as the 2025 list', () => {
  const rs = parseStatisticsCsv(fixture('statistics-2025.csv'))
  assert.equal(rs.filter((r) => r.era === '2025').length, rs.length)
  assert.deepEqual(
    rs.filter((r) => r.level === 'commune').map((r) => `${r.code} ${r.type} ${r.name} ${r.parentId}`),
    [
      '26506 phường Vũng Tàu vn:2025:province:79',
      '26740 phường Sài Gòn vn:2025:province:79',
      '27442 phường Bình Tân vn:2025:province:79',
      '29785 xã Tân Lược vn:2025:province:86',
      '29788 xã Mỹ Thuận vn:2025:province:86',
      '29800 xã Tân Quới vn:2025:province:86',
    ],
  )
  assert.throws(() => parseStatisticsCsv('Tên,Mã\nA,1\n'), { code: 'PARSE_FAILED' })
})

test('XLSX export with numeric codes gives the same records as the CSV', async () => {
  const rows = readCsv(fixture('statistics-pre2025.csv'))
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Danh sách')
  // spreadsheets keep codes as numbers: 1 for "01", 4 for "00004"
  for (const [i, r] of rows.entries())
    ws.addRow(i === 0 ? r : r.map((c, k) => ([1, 3, 5].includes(k) ? Number(c) : c)))
  const data = new Uint8Array(await wb.xlsx.writeBuffer())
  assert.deepEqual(await parseStatisticsXlsx(data), parseStatisticsCsv(fixture('statistics-pre2025.csv')))
  await assert.rejects(parseStatisticsXlsx(new TextEncoder().encode('not a zip')), { code: 'PARSE_FAILED' })
})
