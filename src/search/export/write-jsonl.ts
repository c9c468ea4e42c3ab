import type { Writable } from 'node:stream'
import type { ExportRow } from './result-rows.js'

/** One JSON object per line. Returns rows written. */
export async function writeJsonl(rows: AsyncIterable<ExportRow>, out: Writable): Promise<number> {
  let n = 0
  for await (const r of rows) {
    const line = `${JSON.stringify(r)}\n`
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve))
    n++
  }
  return n
}
