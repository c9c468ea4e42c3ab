import ExcelJS from 'exceljs'
import { appError } from '../../shared/errors.js'
import { recordsFromStatisticsRows } from './parse-statistics-csv.js'
import type { PlaceEra, PlaceRecord } from './place-record.js'

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('text' in v) return String(v.text)
    if ('result' in v) return String(v.result ?? '')
    if (v instanceof Date) return v.toISOString().slice(0, 10)
    return ''
  }
  return String(v)
}

/** Parses the statistics office's XLSX export of the unit list (first worksheet). */
export async function parseStatisticsXlsx(
  data: Uint8Array,
  opts: { era?: PlaceEra } = {},
): Promise<PlaceRecord[]> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
  } catch (cause) {
    throw appError('PARSE_FAILED', 'not a readable XLSX file', { cause })
  }
  const sheet = wb.worksheets[0]
  if (!sheet) throw appError('PARSE_FAILED', 'the XLSX file has no worksheet')
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value)
    })
    rows.push(Array.from(cells, (c) => c ?? ''))
  })
  return recordsFromStatisticsRows(rows, opts)
}
