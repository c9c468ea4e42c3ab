import { finish, type HashSet32, hashString, mix } from './hash.js'
import { SHAPE, syllableKey, syllableShape } from './syllable-key.js'

/** Longest dictionary word looked up, in syllables: 5 covers >99.9% of multi-syllable words in news. */
export const MAX_WORD = 5
/** Upper bound on features written per gap by `gapFeatures`. */
export const MAX_FEATURES = 32
/** Sentinel slots on each side of the sentence, so that templates can look two syllables away. */
const PAD = 2
const BOS_HASH = 0x5f3759df
const EOS_HASH = 0x1b873593

const idx = (h: number, mask: number) => finish(h) & mask

/** Distinct syllable spellings remembered by a context; news text needs ~50k, so this rarely clears. */
const SYLLABLE_CACHE_LIMIT = 200_000

/**
 * Per-sentence working buffers for the segmenter: syllable hashes and shapes, which syllable spans
 * are dictionary words, and the forward/backward maximum-matching segmentations. Buffers grow as
 * needed and are reused from sentence to sentence (no per-syllable objects).
 */
export class SentenceContext {
  n = 0
  syl = new Uint32Array(64)
  shape = new Uint8Array(64)
  /** bit (len-2) of word[a] is set when syllables a..a+len-1 form a dictionary word */
  word = new Uint8Array(64)
  /** 1 at gap g (between syllables g-1 and g) when the maximum-matching pass joins them */
  fmm = new Uint8Array(64)
  bmm = new Uint8Array(64)

  /** spelling → (hash << 3 | shape) as a float64-safe integer, so repeated syllables skip the work */
  private readonly cache = new Map<string, number>()

  constructor(readonly dict: HashSet32) {}

  private syllableInfo(s: string): number {
    let v = this.cache.get(s)
    if (v === undefined) {
      const nfc = s.normalize('NFC')
      const lower = nfc.toLowerCase()
      v = hashString(syllableKey(lower)) * 8 + syllableShape(nfc, lower)
      if (this.cache.size >= SYLLABLE_CACHE_LIMIT) this.cache.clear()
      this.cache.set(s, v)
    }
    return v
  }

  prepare(syllables: readonly string[]): void {
    const n = syllables.length
    this.n = n
    if (this.syl.length < n + 2 * PAD) this.#grow(n + 2 * PAD)
    for (let i = 0; i < PAD; i++) {
      this.syl[i] = BOS_HASH
      this.shape[i] = SHAPE.bos
      this.syl[n + PAD + i] = EOS_HASH
      this.shape[n + PAD + i] = SHAPE.eos
    }
    for (let i = 0; i < n; i++) {
      const v = this.syllableInfo(syllables[i]!)
      this.syl[i + PAD] = Math.floor(v / 8)
      this.shape[i + PAD] = v & 7
    }
    this.#lookupWords()
    this.#maximumMatching()
  }

  #grow(size: number) {
    const cap = Math.max(size, this.syl.length * 2)
    this.syl = new Uint32Array(cap)
    this.shape = new Uint8Array(cap)
    this.word = new Uint8Array(cap)
    this.fmm = new Uint8Array(cap)
    this.bmm = new Uint8Array(cap)
  }

  #lookupWords() {
    const { n, syl, word, dict } = this
    for (let a = 0; a < n; a++) {
      let bits = 0
      let h = 0x2f0b3a5c
      const end = Math.min(n, a + MAX_WORD)
      for (let k = a; k < end; k++) {
        h = mix(h, syl[k + PAD]!)
        if (k > a && dict.has(finish(h))) bits |= 1 << (k - a - 1)
      }
      word[a] = bits
    }
  }

  /** True when syllables a..a+len-1 (len >= 2) form a dictionary word. */
  isWord(a: number, len: number): boolean {
    return a >= 0 && a + len <= this.n && (this.word[a]! & (1 << (len - 2))) !== 0
  }

  #maximumMatching() {
    const { n, fmm, bmm } = this
    fmm.fill(0, 0, n + 1)
    bmm.fill(0, 0, n + 1)
    for (let i = 0; i < n; ) {
      let len = MAX_WORD
      while (len > 1 && !this.isWord(i, len)) len--
      for (let g = i + 1; g < i + len; g++) fmm[g] = 1
      i += len
    }
    for (let j = n; j > 0; ) {
      let len = Math.min(MAX_WORD, j)
      while (len > 1 && !this.isWord(j - len, len)) len--
      for (let g = j - len + 1; g < j; g++) bmm[g] = 1
      j -= len
    }
  }

  /** Dictionary evidence around gap g as an 8-bit mask (see the bit list in the body). */
  dictMask(g: number): number {
    let m = 0
    if (this.isWord(g - 1, 2)) m |= 1 // L1 R1
    if (this.isWord(g - 2, 3)) m |= 2 // L2 L1 R1
    if (this.isWord(g - 1, 3)) m |= 4 // L1 R1 R2
    if (this.isWord(g - 3, 4) || this.isWord(g - 2, 4) || this.isWord(g - 1, 4)) m |= 8
    for (let a = g - 4; a < g; a++) if (this.isWord(a, 5)) m |= 16
    if (this.isWord(g - 2, 2)) m |= 32 // a word ends at L1
    if (this.isWord(g, 2)) m |= 64 // a word starts at R1
    if (this.isWord(g - 3, 3) || this.isWord(g, 3)) m |= 128
    return m
  }

  /**
   * Writes the hashed feature indices for gap g (1 <= g < n: between syllables g-1 and g) into
   * `out` and returns how many. `prev` is the decision at gap g-1 (2 at the sentence start) and
   * `wordLen` the length so far of the word that ends at syllable g-1.
   */
  gapFeatures(g: number, prev: number, wordLen: number, mask: number, out: Int32Array): number {
    const p = g + PAD
    const { syl, shape } = this
    const L2 = syl[p - 2]!
    const L1 = syl[p - 1]!
    const R1 = syl[p]!
    const R2 = syl[p + 1]!
    const shapes = shape[p - 2]! | (shape[p - 1]! << 3) | (shape[p]! << 6) | (shape[p + 1]! << 9)
    const sLR = shape[p - 1]! | (shape[p]! << 3)
    const d = this.dictMask(g)
    const mm = this.fmm[g]! | (this.bmm[g]! << 1)
    const wl = wordLen > 3 ? 3 : wordLen
    let k = 0
    out[k++] = idx(mix(1, L1), mask)
    out[k++] = idx(mix(2, R1), mask)
    out[k++] = idx(mix(mix(3, L1), R1), mask)
    out[k++] = idx(mix(mix(4, L2), L1), mask)
    out[k++] = idx(mix(mix(5, R1), R2), mask)
    out[k++] = idx(mix(mix(mix(6, L2), L1), R1), mask)
    out[k++] = idx(mix(mix(mix(7, L1), R1), R2), mask)
    out[k++] = idx(mix(8, L2), mask)
    out[k++] = idx(mix(9, R2), mask)
    out[k++] = idx(mix(mix(10, L1), R2), mask)
    out[k++] = idx(mix(11, shapes), mask)
    out[k++] = idx(mix(12, sLR), mask)
    out[k++] = idx(mix(13, d), mask)
    out[k++] = idx(mix(mix(14, d), prev), mask)
    out[k++] = idx(mix(15, mm), mask)
    out[k++] = idx(mix(mix(16, mm), d), mask)
    out[k++] = idx(mix(mix(17, prev), sLR), mask)
    out[k++] = idx(mix(mix(18, wl), d), mask)
    out[k++] = idx(mix(mix(19, d), sLR), mask)
    out[k++] = idx(mix(mix(20, d & 1), L1), mask)
    out[k++] = idx(mix(mix(21, d & 1), R1), mask)
    out[k++] = idx(mix(mix(mix(22, prev), L1), R1), mask)
    out[k++] = idx(mix(mix(23, mm), shapes), mask)
    out[k++] = idx(24, mask)
    return k
  }
}
