import { CC, charClasses } from '../../text/char-class.js'
import { normalizeText } from '../../text/normalize.js'
import { fnv1aRange, hash3 } from './hash32.js'

/** Syllables per shingle: three keep word order (a changed word touches three shingles, no more). */
export const SHINGLE_SIZE = 3
/** Seeds of the two halves of a shingle's 64-bit hash (arbitrary, fixed: stored fingerprints use them). */
const SEED_LO = 0x9747b28c
const SEED_HI = 0x5bd1e995

/**
 * The text as compared: normalised (NFC, one tone-mark placement, invisible characters dropped;
 * see `normalizeText`) and lower-cased. Words are then the runs of letters, marks and digits:
 * punctuation and whitespace only separate them.
 */
export function comparableText(text: string): string {
  return normalizeText(text).toLowerCase()
}

const isWordClass = (c: number) => c === CC.letter || c === CC.digit || c === CC.mark

/** Calls `visit(start, end)` for each syllable (letter/mark/digit run) of an already comparable text. */
export function forEachSyllable(s: string, visit: (start: number, end: number) => void): void {
  const cls = charClasses()
  const n = s.length
  let i = 0
  while (i < n) {
    while (i < n && !isWordClass(cls[s.charCodeAt(i)]!)) i++
    if (i >= n) return
    let j = i + 1
    while (j < n && isWordClass(cls[s.charCodeAt(j)]!)) j++
    visit(i, j)
    i = j
  }
}

/** One 32-bit hash per syllable of an already comparable text (`comparableText`), in text order. */
export function syllableHashes(s: string): Int32Array {
  const cls = charClasses()
  const n = s.length
  let out = new Int32Array(Math.max(16, n >> 2))
  let count = 0
  let i = 0
  while (i < n) {
    while (i < n && !isWordClass(cls[s.charCodeAt(i)]!)) i++
    if (i >= n) break
    let j = i + 1
    while (j < n && isWordClass(cls[s.charCodeAt(j)]!)) j++
    if (count === out.length) {
      const grown = new Int32Array(out.length * 2)
      grown.set(out)
      out = grown
    }
    out[count++] = fnv1aRange(s, i, j) // same syllables as `forEachSyllable`, inlined: the hot loop
    i = j
  }
  return out.subarray(0, count)
}

/** The 64-bit hashes of a text's syllable 3-shingles, as two arrays of unsigned 32-bit halves. */
export interface ShingleHashes {
  lo: Uint32Array
  hi: Uint32Array
}

/**
 * Hashes of every run of `SHINGLE_SIZE` consecutive syllables (repeats kept: they weigh in SimHash).
 * A text with fewer syllables than that gives one shingle of all of them; an empty text gives none.
 */
export function shingleHashes(text: string): ShingleHashes {
  return shingleHashesOfComparable(comparableText(text))
}

/** `shingleHashes` of an already comparable text (lets one normalisation feed every fingerprint). */
export function shingleHashesOfComparable(s: string): ShingleHashes {
  const syl = syllableHashes(s)
  if (syl.length === 0) return { lo: new Uint32Array(0), hi: new Uint32Array(0) }
  const count = Math.max(1, syl.length - SHINGLE_SIZE + 1)
  const lo = new Uint32Array(count)
  const hi = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    // a text shorter than one shingle pads with 0
    const a = syl[i]!
    const b = syl[i + 1] ?? 0
    const c = syl[i + 2] ?? 0
    lo[i] = hash3(a, b, c, SEED_LO)
    hi[i] = hash3(a, b, c, SEED_HI)
  }
  return { lo, hi }
}
