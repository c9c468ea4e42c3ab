/** Code units below this bound have a precomputed folding; above it, text is kept as is. */
const TABLE_SIZE = 0x2000
/** Table entries: the folded code unit, or one of these markers. */
const DROP = 0xfffe
const MULTI = 0xffff

/** Combining marks (U+0300–U+036F) are dropped by folding. */
const COMBINING = /[\u0300-\u036f]/g

interface FoldTables {
  single: Uint16Array
  /** foldings longer than one code unit (rare: ligatures, some compatibility letters) */
  multi: Map<number, string>
}

let tables: FoldTables | undefined
let buffer = new Uint16Array(4096)
const decoder = new TextDecoder('utf-16le')

function build(): FoldTables {
  const single = new Uint16Array(TABLE_SIZE)
  const multi = new Map<number, string>()
  for (let c = 0; c < TABLE_SIZE; c++) {
    const folded = String.fromCharCode(c).normalize('NFD').replace(COMBINING, '').toLowerCase()
    if (folded.length === 1) single[c] = folded.charCodeAt(0)
    else if (folded.length === 0) single[c] = DROP
    else {
      single[c] = MULTI
      multi.set(c, folded)
    }
  }
  single[0x110] = 0x64 // Đ: a separate letter in Unicode, no decomposition
  single[0x111] = 0x64 // đ
  single[0xd0] = 0x64 // Ð (eth), often typed for Đ
  return { single, multi }
}

function getTables(): FoldTables {
  if (tables === undefined) tables = build()
  return tables
}

/**
 * Search/compare key: diacritics removed, `đ` → `d`, lower case (`Đắk Lắk` → `dak lak`).
 * Works on NFC or NFD input; one pass over a precomputed table into a reused code-unit buffer.
 */
export function foldText(s: string): string {
  const { single, multi } = getTables()
  const n = s.length
  if (buffer.length < n * 2) buffer = new Uint16Array(n * 2)
  let out = buffer
  let k = 0
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c >= TABLE_SIZE) {
      out[k++] = c
      continue
    }
    const f = single[c]!
    if (f < DROP) {
      out[k++] = f
    } else if (f === MULTI) {
      const m = multi.get(c)!
      if (k + m.length > out.length) {
        const grown = new Uint16Array((k + m.length) * 2)
        grown.set(out.subarray(0, k))
        buffer = out = grown
      }
      for (let j = 0; j < m.length; j++) out[k++] = m.charCodeAt(j)
    }
  }
  return decoder.decode(out.subarray(0, k))
}
