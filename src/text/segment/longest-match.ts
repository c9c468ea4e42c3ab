import { SentenceContext } from './features.js'
import type { HashSet32 } from './hash.js'

/**
 * The dictionary baseline: forward longest match (take the longest dictionary word starting at the
 * current syllable, up to 5 syllables; otherwise one syllable), over the same dictionary as the model.
 */
export class LongestMatchSegmenter {
  readonly #ctx: SentenceContext

  constructor(dict: HashSet32) {
    this.#ctx = new SentenceContext(dict)
  }

  /** Same contract as `SegmenterModel.predict`: joins[g] = 1 when syllable g continues a word. */
  predict(syllables: readonly string[], joins: Uint8Array): void {
    this.#ctx.prepare(syllables)
    joins.set(this.#ctx.fmm.subarray(0, syllables.length))
  }
}
