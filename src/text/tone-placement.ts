import { MARKED_VOWELS, vowelInfo, withTone } from './vietnamese-chars.js'

/** Longest Vietnamese syllable is 7 letters ("nghiêng"); anything longer is not one syllable. */
const MAX_SYLLABLE_LENGTH = 7

/** Consonant letters of Vietnamese spelling (both cases); any other letter means "not a syllable". */
const CONSONANTS = new Set([...'bcdđghklmnpqrstvx'].flatMap((c) => [c, c.toUpperCase()]))

/**
 * Puts the tone mark of one syllable on its canonical vowel, keeping the case of every letter.
 *
 * Canonical placement is the one most of the press uses: an open `oa`/`oe`/`uy` takes the tone on its
 * first vowel (`hòa`, `khỏe`, `thủy`, `ủy`), a vowel with a quality mark takes it when present
 * (`người`, `thuế`), otherwise a cluster followed by a final consonant takes it on its last vowel
 * (`hoàng`, `toán`), a 3-vowel open cluster on its middle vowel (`ngoài`, `khuỷu`) and a 2-vowel open
 * cluster on its first (`mái`, `mùa`). `qu` and `gi` count as consonants (`quý`, `già`).
 * Words that are not one Vietnamese syllable (foreign words, two vowel groups, several tones) are
 * returned unchanged.
 */
export function placeTone(word: string): string {
  const n = word.length
  if (n < 2 || n > MAX_SYLLABLE_LENGTH) return word
  let tone = 0
  let tonePos = -1
  let vStart = -1
  let vEnd = -1
  for (let i = 0; i < n; i++) {
    const ch = word[i]!
    const info = vowelInfo(ch)
    if (info === undefined) {
      if (!CONSONANTS.has(ch)) return word
      continue
    }
    if (vStart === -1) vStart = i
    else if (vEnd !== i) return word
    vEnd = i + 1
    if (info.tone !== 0) {
      if (tonePos !== -1) return word
      tone = info.tone
      tonePos = i
    }
  }
  if (tonePos === -1) return word
  vStart = skipConsonantVowel(word, vStart, vEnd)
  const target = toneTarget(word, vStart, vEnd, vEnd < n)
  if (target === tonePos) return word
  const chars = [...word]
  chars[tonePos] = vowelInfo(chars[tonePos]!)!.base
  chars[target] = withTone(vowelInfo(chars[target]!)!.base, tone)
  return chars.join('')
}

/** In `qu…` the u, and in `gi…` (when another vowel follows) the i, belong to the initial consonant. */
function skipConsonantVowel(word: string, vStart: number, vEnd: number): number {
  if (vStart !== 1 || vEnd - vStart < 2) return vStart
  const initial = word[0]!.toLowerCase()
  const first = vowelInfo(word[1]!)!.base.toLowerCase()
  if ((initial === 'q' && first === 'u') || (initial === 'g' && first === 'i')) return 2
  return vStart
}

function toneTarget(word: string, vStart: number, vEnd: number, hasFinal: boolean): number {
  for (let i = vEnd - 1; i >= vStart; i--) {
    if (MARKED_VOWELS.has(vowelInfo(word[i]!)!.base)) return i
  }
  const len = vEnd - vStart
  if (len === 1) return vStart
  if (hasFinal) return vEnd - 1
  if (len === 3) return vStart + 1
  return vStart
}
