/**
 * Small local Vietnamese folding helpers for place matching. They keep string length (one UTF-16 unit in,
 * one out) so token offsets in folded text equal offsets in the original NFC text.
 * (To be pointed at src/text once that module is stable.)
 */

/** Combining marks that carry the five Vietnamese tones (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g
const ALL_MARKS = /\p{M}+/gu
const HAS_NON_ASCII_LETTER = /[^\p{ASCII}]/u

/** Lowercase, strip every diacritic, đ→d. Length-preserving for NFC input. */
export function foldChar(ch: string): string {
  const lower = ch.toLowerCase()
  if (lower === 'đ') return 'd'
  if (lower.length !== 1 || lower.charCodeAt(0) < 0x80) return lower.length === 1 ? lower : ch
  const base = lower.normalize('NFD').replace(ALL_MARKS, '')
  return base.length === 1 ? base : lower
}

const foldMemo = new Map<string, string>()
/** Vietnamese has about 7,000 distinct syllables: memoise per syllable, bounded against odd input. */
const MEMO_LIMIT = 50_000
const toneMemo = new Map<string, string>()
const foldTokenMemo = new Map<string, string>()

/** fold() memoised per token. */
export function foldToken(token: string): string {
  let f = foldTokenMemo.get(token)
  if (f === undefined) {
    f = fold(token)
    if (foldTokenMemo.size >= MEMO_LIMIT) foldTokenMemo.clear()
    foldTokenMemo.set(token, f)
  }
  return f
}

/** Folds NFC text char by char (memoised per char), so offsets are preserved. */
export function fold(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch
      continue
    }
    let f = foldMemo.get(ch)
    if (f === undefined) {
      f = foldChar(ch)
      foldMemo.set(ch, f)
    }
    out += f
  }
  return out
}

/**
 * A key for one lowercase syllable that ignores where the tone mark sits ("hoà" = "hòa", "thuỷ" =
 * "thủy") but keeps the tone and the vowel marks (so "tân" ≠ "tấn" ≠ "tan").
 */
export function toneKey(syllable: string): string {
  let k = toneMemo.get(syllable)
  if (k === undefined) {
    const d = syllable.toLowerCase().normalize('NFD')
    const tone = d.match(TONE_MARKS)?.[0] ?? ''
    k = d.replace(TONE_MARKS, '').normalize('NFC') + tone
    if (toneMemo.size >= MEMO_LIMIT) toneMemo.clear()
    toneMemo.set(syllable, k)
  }
  return k
}

export const hasDiacritics = (s: string): boolean => HAS_NON_ASCII_LETTER.test(s)

/** First letter is uppercase (digits count as capitalised: "Phường 1"). */
export function isCapitalised(token: string): boolean {
  const ch = token[0] ?? ''
  if (ch >= '0' && ch <= '9') return true
  return ch !== ch.toLowerCase()
}

/** Every letter uppercase and more than one letter ("US", "HCMC", "ASEAN"). */
export function isAllCaps(token: string): boolean {
  return token.length > 1 && token === token.toUpperCase() && token !== token.toLowerCase()
}

const SYLLABLE = /[\p{L}\p{M}\p{N}]+/gu

/** The syllables (letter/digit runs) of a name, NFC. */
export const syllables = (s: string): string[] => s.normalize('NFC').match(SYLLABLE) ?? []

/** Tone-placement-insensitive key of a whole name: "Khánh Hoà" = "khánh hòa". */
export const nameKey = (s: string): string => syllables(s).map(toneKey).join(' ')

/** Diacritic-free key of a whole name: "Đắk Lắk" = "dak lak". */
export const foldKey = (s: string): string => syllables(s).map(fold).join(' ')
