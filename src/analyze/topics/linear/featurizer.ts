import { FNV_OFFSET, FNV_PRIME, finalizeHash, hashPair, hashString } from './hash.js'
import { caseShape, endStyleTerm, pushStyleTerms, SHAPE, shapePair } from './style-terms.js'
import { canonicalSyllable, foldSyllable, isLongNumber, LONG_NUMBER_KEY } from './syllables.js'

/** How text becomes hashed term counts. Stored inside every model file so training and use agree. */
export interface FeatureOptions {
  /** Add syllable bigrams (adjacent syllables within one clause). */
  bigrams: boolean
  /** Also add diacritic-folded unigrams, so text typed without accents still scores. */
  folded: boolean
  /** Only the first `maxChars` characters are read: a topic shows early, and this bounds latency. */
  maxChars: number
  /** Add writing-style terms (punctuation and letter case between syllables); see style-terms.ts. */
  style?: boolean
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { bigrams: true, folded: false, maxChars: 20_000 }

/** Distinct term hashes of one text with their counts, hashes ascending. */
export interface TermCounts {
  hashes: Uint32Array
  counts: Float32Array
}

export interface Featurizer {
  readonly options: FeatureOptions
  terms(text: string): TermCounts
}

/** Letters and digits; everything else separates syllables. */
const WORD_CHAR = /[\p{L}\p{N}]/u
/** Seeds keep unigram, bigram and folded features in separate hash families. */
const UNIGRAM_SEED = 0
const BIGRAM_SEED = 0x5bd1e995
const FOLDED_SEED = 0x27d4eb2f
/** Syllable memo size before it is cleared: bounds memory on endless streams of new words. */
const MEMO_LIMIT = 300_000

/** Only spaces between two syllables keep a bigram; punctuation or a line break ends the clause. */
function joinedBySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 160) return false
  }
  return true
}

/** Creates a featurizer holding its own syllable memo (no module-level state). */
export function createFeaturizer(options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Featurizer {
  const memo = new Map<string, number>()
  const foldedMemo = new Map<string, number>()
  const main = new HashBuffer()
  const styleTerms = new HashBuffer()
  const longNumberHash = hashString(LONG_NUMBER_KEY, UNIGRAM_SEED)

  const syllableHash = (s: string): number => {
    let h = memo.get(s)
    if (h === undefined) {
      if (memo.size > MEMO_LIMIT) memo.clear()
      h = hashString(canonicalSyllable(s), UNIGRAM_SEED)
      memo.set(s, h)
    }
    return h
  }
  const foldedHash = (s: string): number => {
    let h = foldedMemo.get(s)
    if (h === undefined) {
      if (foldedMemo.size > MEMO_LIMIT) foldedMemo.clear()
      h = hashString(foldSyllable(s), FOLDED_SEED)
      foldedMemo.set(s, h)
    }
    return h
  }

  function terms(input: string): TermCounts {
    const raw = input.slice(0, options.maxChars).normalize('NFC')
    const text = raw.toLowerCase()
    // Case is read from `raw` position by position; the rare text whose length changes when lowercased
    // (dotted capital I) is read as all lowercase.
    const cased = options.style === true && raw.length === text.length ? raw : text
    let prevShape: number = SHAPE.start
    let prevHash = -1
    let prevEnd = 0
    main.length = 0
    styleTerms.length = 0
    const push = (h: number) => main.push(h)
    const pushStyle = (h: number) => styleTerms.push(h)
    let words = false
    const length = text.length
    let i = 0
    while (i < length) {
      if (!isWordChar(text.charCodeAt(i))) {
        i++
        continue
      }
      const start = i
      // ASCII syllables are their own canonical form: hash them in place, without a string or a lookup.
      let inline = (FNV_OFFSET ^ UNIGRAM_SEED) >>> 0
      let ascii = true
      let digits = true
      let letters = 0
      // Characters that lowercasing changed: the case the style terms read.
      let upper = 0
      for (let c = text.charCodeAt(i); i < length && isWordChar(c); c = text.charCodeAt(++i)) {
        if (c > 57) {
          digits = false
          letters++
        }
        if (c >= 0x80) ascii = false
        if (cased.charCodeAt(i) !== c) upper++
        inline = Math.imul(inline ^ c, FNV_PRIME)
      }
      let h: number
      if (ascii && !digits) h = finalizeHash(inline)
      else if (digits && isLongNumber(i - start)) h = longNumberHash
      else h = syllableHash(text.slice(start, i))
      push(h)
      if (!digits) words = true
      const spaceOnly = joinedBySpace(text, prevEnd, start)
      if (options.style) {
        const shape = caseShape(digits, letters, upper, cased.charCodeAt(start) !== text.charCodeAt(start))
        pushStyleTerms(pushStyle, text, prevEnd, start, spaceOnly, shapePair(prevShape, shape))
        prevShape = shape
      }
      if (options.folded) push(foldedHash(text.slice(start, i)))
      if (options.bigrams && prevHash >= 0 && spaceOnly) {
        push(hashPair(prevHash, h, BIGRAM_SEED))
      }
      prevHash = h
      prevEnd = i
    }
    // A text without a single word (numbers, symbols) has no writing style to speak of: style terms
    // alone would make a confident guess out of nothing.
    if (options.style && words) {
      pushStyle(endStyleTerm(text, prevEnd, prevShape))
      for (let k = 0; k < styleTerms.length; k++) push(styleTerms.items[k]!)
    }
    return countSorted(main.items.subarray(0, main.length).sort())
  }

  return { options, terms }
}

/** A growable list of hashes reused from text to text. */
class HashBuffer {
  items = new Uint32Array(4096)
  length = 0

  push(h: number): void {
    if (this.length === this.items.length) {
      const grown = new Uint32Array(this.items.length * 2)
      grown.set(this.items)
      this.items = grown
    }
    this.items[this.length++] = h
  }
}

/** Letter-or-digit flags for the 64k UTF-16 code units, built on first use (a table beats a regex). */
let wordCharTable: Uint8Array | undefined

function isWordChar(code: number): boolean {
  if (code < 0x80)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)
  wordCharTable ??= buildWordCharTable()
  return wordCharTable[code] === 1
}

function buildWordCharTable(): Uint8Array {
  const table = new Uint8Array(0x10000)
  // Surrogate halves stay 0: letters outside the BMP are not Vietnamese syllables.
  for (let c = 0; c < 0x10000; c++) if (WORD_CHAR.test(String.fromCharCode(c))) table[c] = 1
  return table
}

/** Run-length counts of a sorted hash list. */
function countSorted(sorted: Uint32Array): TermCounts {
  let distinct = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++
  const hashes = new Uint32Array(distinct)
  const counts = new Float32Array(distinct)
  let k = -1
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) hashes[++k] = sorted[i]!
    counts[k]! += 1
  }
  return { hashes, counts }
}
