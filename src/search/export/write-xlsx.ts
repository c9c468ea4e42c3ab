import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { EXPORT_COLUMNS, type ExportRow } from './result-rows.js'

/** Column widths (characters) for a readable sheet; the title column is the wide one. */
const WIDTHS: Record<string, number> = {
  id: 10,
  published_at: 22,
  source: 24,
  country: 8,
  lang: 6,
  title: 80,
  url: 50,
  tone: 8,
}

/**
 * A streamed XLSX workbook (exceljs WorkbookWriter: rows are flushed as written, so large exports stay
 * small in memory), with a frozen header row and an autofilter. Returns rows written.
 */
export async function writeXlsx(
  rows: AsyncIterable<ExportRow>,
  out: Writable,
  sheetName = 'Kết quả',
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] ?? 12 }))
  ws.getRow(1).font = { bold: true }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } }
  let n = 0
  for await (const r of rows) {
    ws.addRow(r).commit()
    n++
  }
  ws.commit()
  await wb.commit()
  return n
}
