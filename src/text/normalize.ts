import { placeTone } from './tone-placement.js'
import { vowelInfo } from './vietnamese-chars.js'

export interface NormalizeOptions {
  /** Keep line breaks (each run of whitespace that holds one becomes a single `\n`). Default false. */
  keepNewlines?: boolean
}

/** Per-code-unit class below this bound; everything above is plain content. */
const TABLE_SIZE = 0x3100
const C_CONTENT = 0
const C_DROP = 1
const C_SPACE = 2
const C_NEWLINE = 3
const C_LETTER = 4
const C_TONED = 5

let classTable: Uint8Array | undefined

/** Byte-order mark / zero-width no-break space, above the table. */
const BOM = 0xfeff
/** Zero-width, bidi-control and soft-hyphen characters: invisible, and they split words in search. */
const INVISIBLE = [0x00ad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064]

function buildClassTableOnce() {
  if (classTable === undefined) classTable = buildClassTable()
  return classTable
}

const classOf = (table: Uint8Array, code: number) =>
  code < TABLE_SIZE ? table[code]! : code === BOM ? C_DROP : C_CONTENT

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(TABLE_SIZE)
  for (let c = 0; c < 0x20; c++) t[c] = C_DROP
  for (let c = 0x7f; c <= 0x9f; c++) t[c] = C_DROP
  for (const c of INVISIBLE) t[c] = C_DROP
  for (let c = 0x202a; c <= 0x202e; c++) t[c] = C_DROP
  for (let c = 0x2066; c <= 0x2069; c++) t[c] = C_DROP
  for (const c of [0x09, 0x0b, 0x0c, 0x20, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]) t[c] = C_SPACE
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = C_SPACE
  for (const c of [0x0a, 0x0d, 0x85, 0x2028, 0x2029]) t[c] = C_NEWLINE
  for (let c = 0x41; c <= 0x5a; c++) t[c] = C_LETTER
  for (let c = 0x61; c <= 0x7a; c++) t[c] = C_LETTER
  t[0x110] = C_LETTER
  t[0x111] = C_LETTER
  for (let c = 0xc0; c < 0x1f00; c++) {
    const info = vowelInfo(String.fromCharCode(c))
    if (info !== undefined) t[c] = info.tone === 0 ? C_LETTER : C_TONED
  }
  return t
}

/**
 * Canonical form for storing and comparing Vietnamese text: NFC; one tone-mark placement
 * (`hoà`/`hòa` → `hòa`, `thuỷ` → `thủy`, see `placeTone`); `Ð` (eth, a common stand-in) → `Đ`;
 * zero-width, bidi and control characters removed; whitespace runs collapsed to one space and
 * trimmed (line breaks kept as `\n` with `keepNewlines`). One pass over the text with a
 * precomputed class table; only words carrying a tone mark are examined further.
 */
export function normalizeText(input: string, opts: NormalizeOptions = {}): string {
  const table = buildClassTableOnce()
  const s = input.normalize('NFC').replaceAll('\u00d0', '\u0110')
  const n = s.length
  let out = ''
  let copyFrom = 0
  let pending = '' // separator to write before the next content
  let started = false
  let i = 0
  while (i < n) {
    const code = s.charCodeAt(i)
    const cls = code < TABLE_SIZE ? table[code]! : code === BOM ? C_DROP : C_CONTENT
    if (cls === C_DROP || cls === C_SPACE || cls === C_NEWLINE) {
      // a single plain space between two pieces of content is already canonical: nothing to copy
      if (code === 0x20 && started && pending === '' && i + 1 < n) {
        const next = s.charCodeAt(i + 1)
        if (classOf(table, next) >= C_LETTER || classOf(table, next) === C_CONTENT) {
          i++
          continue
        }
      }
      out += s.slice(copyFrom, i)
      if (cls === C_NEWLINE && opts.keepNewlines) pending = '\n'
      else if (cls === C_SPACE || cls === C_NEWLINE) pending ||= ' '
      copyFrom = ++i
      continue
    }
    if (pending !== '') {
      out += s.slice(copyFrom, i)
      if (started) out += pending
      pending = ''
      copyFrom = i
    }
    started = true
    if (cls === C_CONTENT) {
      i++
      continue
    }
    let j = i
    let toned = false
    for (; j < n; j++) {
      const c = s.charCodeAt(j)
      const k = c < TABLE_SIZE ? table[c]! : C_CONTENT
      if (k === C_TONED) toned = true
      else if (k !== C_LETTER) break
    }
    if (toned) {
      const word = s.slice(i, j)
      const fixed = placeTone(word)
      if (fixed !== word) {
        out += s.slice(copyFrom, i) + fixed
        copyFrom = j
      }
    }
    i = j
  }
  return out + s.slice(copyFrom, n)
}
