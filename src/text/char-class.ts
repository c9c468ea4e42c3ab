/** Character classes for tokenising, one byte per BMP code unit (built once, on first use). */
export const CC = {
  symbol: 0,
  space: 1,
  letter: 2,
  digit: 3,
  mark: 4,
  punct: 5,
  /** format and control characters (zero-width, bidi controls…): skipped like spaces */
  invisible: 6,
  /** first half of a surrogate pair */
  surrogate: 7,
} as const

const RE_LETTER = /\p{L}/u
const RE_MARK = /\p{M}/u
const RE_DIGIT = /\p{Nd}/u
const RE_SPACE = /\s/u
const RE_PUNCT = /\p{P}/u
const RE_INVISIBLE = /[\p{Cf}\p{Cc}]/u

let table: Uint8Array | undefined

function build(): Uint8Array {
  const t = new Uint8Array(0x10000)
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      t[c] = CC.surrogate
      continue
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue
    const ch = String.fromCharCode(c)
    if (RE_SPACE.test(ch)) t[c] = CC.space
    else if (RE_LETTER.test(ch)) t[c] = CC.letter
    else if (RE_DIGIT.test(ch)) t[c] = c >= 0x30 && c <= 0x39 ? CC.digit : CC.letter
    else if (RE_MARK.test(ch)) t[c] = CC.mark
    else if (RE_PUNCT.test(ch)) t[c] = CC.punct
    else if (RE_INVISIBLE.test(ch)) t[c] = CC.invisible
  }
  return t
}

/** The class table: `charClasses()[s.charCodeAt(i)]`. */
export function charClasses(): Uint8Array {
  if (table === undefined) table = build()
  return table
}
