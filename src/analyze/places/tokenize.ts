import { foldChar } from './fold.js'

/**
 * What separates a token from the one before it. Names may only span `space` and `joiner` gaps
 * ("Bà Rịa - Vũng Tàu", "TP.HCM", "Ea H'Leo"); `hard` and `dot` end a sentence.
 */
export type Gap = 'start' | 'space' | 'joiner' | 'comma' | 'dot' | 'open' | 'hard' | 'other'

export interface Token {
  raw: string
  /** lowercase, no diacritics, đ→d */
  folded: string
  start: number
  end: number
  gap: Gap
  cap: boolean
  /** only ASCII characters (no diacritics) */
  ascii: boolean
  /** sentence number within the field */
  sentence: number
}

const HARD = /[\n!?;:…]/
const JOINER = /^\s*[-–—'’]\s*$|^\.$|^['’]$/
const SPACE = /^[ \t\u00a0]+$/
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u
/** Lookup tables cover Latin, Latin Extended and Vietnamese (U+1EA0–U+1EF9); beyond, a regex decides. */
const TABLE_SIZE = 0x2000

let tables: { word: Uint8Array; fold: Uint16Array; upper: Uint8Array } | null = null
function charTables() {
  if (tables) return tables
  const word = new Uint8Array(TABLE_SIZE)
  const fold = new Uint16Array(TABLE_SIZE)
  const upper = new Uint8Array(TABLE_SIZE)
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c)
    word[c] = WORD_CHAR.test(ch) ? 1 : 0
    const f = foldChar(ch)
    fold[c] = f.length === 1 ? f.charCodeAt(0) : c
    upper[c] = ch !== ch.toLowerCase() || (c >= 48 && c <= 57) ? 1 : 0
  }
  tables = { word, fold, upper }
  return tables
}

function classify(sep: string, first: boolean): Gap {
  if (first) return 'start'
  if (SPACE.test(sep)) return 'space'
  if (HARD.test(sep)) return 'hard'
  if (JOINER.test(sep)) return 'joiner'
  if (sep.includes('.')) return 'dot'
  if (sep.includes(',') || sep.includes(')')) return 'comma'
  if (sep.includes('(')) return 'open'
  return 'other'
}

const isWord = (t: Uint8Array, text: string, c: number, i: number) =>
  c < TABLE_SIZE ? t[c] === 1 : WORD_CHAR.test(text[i] ?? '')

/**
 * Splits NFC text into syllable tokens (letter/mark/digit runs) with the separator class before each.
 * One pass over char codes with lookup tables: this runs on every article.
 */
export function tokenize(text: string): Token[] {
  const { word, fold, upper } = charTables()
  const out: Token[] = []
  let last = 0
  let sentence = 0
  const n = text.length
  for (let i = 0; i < n; ) {
    if (!isWord(word, text, text.charCodeAt(i), i)) {
      i++
      continue
    }
    const start = i
    let folded = ''
    let ascii = true
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (!isWord(word, text, c, i)) break
      if (c > 0x7f) ascii = false
      folded += String.fromCharCode(c < TABLE_SIZE ? fold[c]! : c)
    }
    // fast path: most tokens follow a single space
    const single = start - last === 1 && text.charCodeAt(last) === 32 && out.length > 0
    const gap = single ? 'space' : classify(text.slice(last, start), out.length === 0)
    if (gap === 'hard' || gap === 'dot') sentence++
    const c0 = text.charCodeAt(start)
    const cap = c0 < TABLE_SIZE ? upper[c0] === 1 : text[start] !== text[start]!.toLowerCase()
    out.push({ raw: text.slice(start, i), folded, start, end: i, gap, cap, ascii, sentence })
    last = i
  }
  return out
}

/** A name may continue across this gap. */
export const continuesName = (g: Gap) => g === 'space' || g === 'joiner'
