/** Code units below this bound have a precomputed folding; above it, text is kept as is. */
const TABLE_SIZE = 0x2000

/** Combining marks (U+0300–U+036F) are dropped by folding. */
const COMBINING = /[\u0300-\u036f]/g

let foldTable: (string | undefined)[] | undefined

function buildFoldTableOnce() {
  if (foldTable === undefined) foldTable = buildFoldTable()
  return foldTable
}

function buildFoldTable(): (string | undefined)[] {
  const t: (string | undefined)[] = new Array(TABLE_SIZE)
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c)
    const folded = ch.normalize('NFD').replace(COMBINING, '').toLowerCase()
    if (folded !== ch) t[c] = folded
  }
  t[0x110] = 'd' // Đ: a separate letter in Unicode, no decomposition
  t[0x111] = 'd' // đ
  t[0xd0] = 'd' // Ð (eth), often typed for Đ
  return t
}

/**
 * Search/compare key: diacritics removed, `đ` → `d`, lower case (`Đắk Lắk` → `dak lak`).
 * Works on NFC or NFD input; one pass over a precomputed table.
 */
export function foldText(s: string): string {
  const table = buildFoldTableOnce()
  const n = s.length
  let out = ''
  let copyFrom = 0
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i)
    if (code >= TABLE_SIZE) continue
    const rep = table[code]
    if (rep === undefined) continue
    out += s.slice(copyFrom, i) + rep
    copyFrom = i + 1
  }
  return copyFrom === 0 ? s : out + s.slice(copyFrom)
}
