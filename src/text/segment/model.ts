import { MAX_FEATURES, SentenceContext } from './features.js'
import type { HashSet32 } from './hash.js'

/** The decision at the gap before the first syllable: "sentence start", distinct from join/split. */
export const PREV_START = 2

/**
 * A trained segmenter: hashed feature weights plus the dictionary its features consult.
 * `predict` fills `joins[g]` (g >= 1) with 1 when syllable g continues the word of syllable g-1.
 * Decoding is greedy left to right, the previous decision being a feature.
 */
export class SegmenterModel {
  readonly #ctx: SentenceContext
  readonly #feats = new Int32Array(MAX_FEATURES)
  readonly #mask: number

  constructor(
    readonly bits: number,
    readonly weights: Float32Array,
    readonly dict: HashSet32,
    /** folded (no-diacritic) syllables seen in training text: a lexicon for language checks */
    readonly lexicon: HashSet32,
  ) {
    this.#mask = (1 << bits) - 1
    this.#ctx = new SentenceContext(dict)
  }

  predict(syllables: readonly string[], joins: Uint8Array): void {
    const ctx = this.#ctx
    const w = this.weights
    const feats = this.#feats
    const n = syllables.length
    if (n === 0) return
    ctx.prepare(syllables)
    joins[0] = 0
    let prev = PREV_START
    let wordLen = 1
    for (let g = 1; g < n; g++) {
      const k = ctx.gapFeatures(g, prev, wordLen, this.#mask, feats)
      let score = 0
      for (let j = 0; j < k; j++) score += w[feats[j]!]!
      const join = score > 0 ? 1 : 0
      joins[g] = join
      prev = join
      wordLen = join === 1 ? wordLen + 1 : 1
    }
  }
}
