/**
 * Minimal Vietnamese syllable handling for the topic models, kept local so they do not depend on the
 * general text pipeline: canonical syllable keys (tone-mark placement ignored) and diacritic folding.
 */

/** The five tone marks as combining characters (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g
const ALL_MARKS = /\p{M}+/gu
const DIGITS_ONLY = /^\d+$/
/** Longer digit runs (phone numbers, ids, amounts) are one feature: their value carries no topic. */
const MAX_NUMBER_DIGITS = 4
export const LONG_NUMBER_KEY = '#num'
export const isLongNumber = (digits: number) => digits > MAX_NUMBER_DIGITS

/**
 * A key for one lowercase NFC syllable that ignores where the tone mark sits, so the old and new
 * spellings agree ("hoà" = "hòa", "thuỷ" = "thủy") while the tone itself still counts ("tân" ≠ "tấn").
 */
export function canonicalSyllable(syllable: string): string {
  if (DIGITS_ONLY.test(syllable)) return isLongNumber(syllable.length) ? LONG_NUMBER_KEY : syllable
  let ascii = true
  for (let i = 0; i < syllable.length; i++) {
    if (syllable.charCodeAt(i) >= 0x80) {
      ascii = false
      break
    }
  }
  if (ascii) return syllable
  const d = syllable.normalize('NFD')
  const tone = d.match(TONE_MARKS)?.[0] ?? ''
  return d.replace(TONE_MARKS, '').normalize('NFC') + tone
}

/** Strips every diacritic and maps đ to d: "Đắk Lắk" → "dak lak". Input is expected lowercase. */
export function foldSyllable(syllable: string): string {
  return syllable.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd')
}
