import { MARKED_VOWELS, vowelInfo, withTone } from './vietnamese-chars.js'

/** Longest Vietnamese syllable is 7 letters ("nghiêng"); anything longer is not one syllable. */
const MAX_SYLLABLE_LENGTH = 7
/** Vietnamese letters all sit below this code point (ỹ is U+1EF9). */
const TABLE_SIZE = 0x1f00

/**
 * Per code unit: 0 = not a Vietnamese letter, CONSONANT, or a vowel packed as
 * VOWEL | tone << 1 | MARKED | U_BASE or I_BASE (for qu/gi).
 */
const CONSONANT = 1
const VOWEL = 1 << 7
const MARKED = 1 << 4
const U_BASE = 1 << 5
const I_BASE = 1 << 6

let table: Uint8Array | undefined

function build(): Uint8Array {
  const t = new Uint8Array(TABLE_SIZE)
  for (const c of 'bcdđghklmnpqrstvx') {
    t[c.charCodeAt(0)] = CONSONANT
    t[c.toUpperCase().charCodeAt(0)] = CONSONANT
  }
  for (let c = 0x41; c < TABLE_SIZE; c++) {
    const info = vowelInfo(String.fromCharCode(c))
    if (info === undefined) continue
    const base = info.base.toLowerCase()
    t[c] =
      VOWEL |
      (info.tone << 1) |
      (MARKED_VOWELS.has(base) ? MARKED : 0) |
      (base === 'u' ? U_BASE : 0) |
      (base === 'i' ? I_BASE : 0)
  }
  return t
}

function getTable(): Uint8Array {
  if (table === undefined) table = build()
  return table
}

const toneOf = (v: number) => (v >> 1) & 7

/**
 * Puts the tone mark of one syllable on its canonical vowel, keeping the case of every letter.
 *
 * Canonical placement is the one most of the press uses: an open `oa`/`oe`/`uy` takes the tone on its
 * first vowel (`hòa`, `khỏe`, `thủy`, `ủy`), a vowel with a quality mark takes it when present
 * (`người`, `thuế`), otherwise a cluster followed by a final consonant takes it on its last vowel
 * (`hoàng`, `toán`), a 3-vowel open cluster on its middle vowel (`ngoài`, `khuỷu`) and a 2-vowel open
 * cluster on its first (`mái`, `mùa`). `qu` and `gi` count as consonants (`quý`, `già`).
 * Words that are not one Vietnamese syllable (foreign words, two vowel groups, several tones) are
 * returned unchanged. Works on code units through a precomputed table; allocates only on change.
 */
export function placeTone(word: string): string {
  const n = word.length
  if (n < 2 || n > MAX_SYLLABLE_LENGTH) return word
  const t = getTable()
  let tonePos = -1
  let vStart = -1
  let vEnd = -1
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i)
    const v = c < TABLE_SIZE ? t[c]! : 0
    if (v === 0) return word
    if (v === CONSONANT) continue
    if (vStart === -1) vStart = i
    else if (vEnd !== i) return word
    vEnd = i + 1
    if (toneOf(v) !== 0) {
      if (tonePos !== -1) return word
      tonePos = i
    }
  }
  if (tonePos === -1 || vEnd - vStart < 2) return word
  // qu…, gi… (another vowel following): the u / i belongs to the initial consonant
  if (vStart === 1 && vEnd - vStart >= 2) {
    const initial = word.charCodeAt(0) | 0x20
    const first = t[word.charCodeAt(1)]!
    if ((initial === 0x71 && first & U_BASE) || (initial === 0x67 && first & I_BASE)) vStart = 2
  }
  const target = toneTarget(word, t, vStart, vEnd, vEnd < n)
  if (target === tonePos) return word
  const tone = toneOf(t[word.charCodeAt(tonePos)]!)
  const chars = word.split('')
  chars[tonePos] = vowelInfo(chars[tonePos]!)!.base
  chars[target] = withTone(vowelInfo(chars[target]!)!.base, tone)
  return chars.join('')
}

function toneTarget(word: string, t: Uint8Array, vStart: number, vEnd: number, hasFinal: boolean): number {
  for (let i = vEnd - 1; i >= vStart; i--) if (t[word.charCodeAt(i)]! & MARKED) return i
  const len = vEnd - vStart
  if (len === 1) return vStart
  if (hasFinal) return vEnd - 1
  if (len === 3) return vStart + 1
  return vStart
}
