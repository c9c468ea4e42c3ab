import type { Writable } from 'node:stream'
import { EXPORT_COLUMNS, type ExportRow } from './result-rows.js'

/** Cells a spreadsheet would run as a formula (CSV injection): prefixed with `'`. */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

function cell(v: string | number | null): string {
  if (v === null) return ''
  let s = String(v)
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const write = (out: Writable, s: string) =>
  new Promise<void>((resolve, reject) => out.write(s, (e) => (e ? reject(e) : resolve())))

/** RFC 4180 CSV with a UTF-8 byte-order mark (Excel then reads Vietnamese correctly). Returns rows written. */
export async function writeCsv(rows: AsyncIterable<ExportRow>, out: Writable): Promise<number> {
  await write(out, `\ufeff${EXPORT_COLUMNS.join(',')}\r\n`)
  let n = 0
  for await (const r of rows) {
    await write(out, `${EXPORT_COLUMNS.map((c) => cell(r[c])).join(',')}\r\n`)
    n++
  }
  return n
}
