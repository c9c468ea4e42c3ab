import { placeTone } from '../tone-placement.js'

/** Shape classes of a syllable-level token; BOS/EOS pad the sentence. */
export const SHAPE = {
  lower: 0,
  title: 1,
  upper: 2,
  number: 3,
  alnum: 4,
  punct: 5,
  bos: 6,
  eos: 7,
} as const

/**
 * The form features see, from the lower-cased syllable: canonical tone placement (`hoà` and `hòa`
 * look the same) and `ð` (eth, a common stand-in) read as `đ`.
 */
export const syllableKey = (lower: string): string =>
  placeTone(lower.includes('ð') ? lower.replaceAll('ð', 'đ') : lower)

/** Shape class of `s`, given `lower` = `s.toLowerCase()`. */
export function syllableShape(s: string, lower: string): number {
  let letters = 0
  let uppers = 0
  let digits = 0
  let firstUpper = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digits++
      continue
    }
    const isUpper = c !== lower.charCodeAt(i)
    const isLetter = isUpper || (c >= 97 && c <= 122) || (c >= 0xc0 && (c < 0x2000 || c > 0x2bff))
    if (!isLetter) continue
    letters++
    if (isUpper) {
      uppers++
      if (i === 0) firstUpper = true
    }
  }
  if (letters === 0) return digits > 0 ? SHAPE.number : SHAPE.punct
  if (digits > 0) return SHAPE.alnum
  if (uppers === 0) return SHAPE.lower
  if (uppers === letters && letters > 1) return SHAPE.upper
  return firstUpper ? SHAPE.title : SHAPE.lower
}
