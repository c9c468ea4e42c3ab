import type { GoldSentence } from './corpus.js'
import { MAX_FEATURES, SentenceContext } from './features.js'
import type { HashSet32 } from './hash.js'
import { PREV_START } from './model.js'

export interface TrainOptions {
  /** log2 of the weight-table size */
  bits: number
  epochs: number
  /** seed of the per-epoch shuffle, so that training is reproducible */
  seed: number
  onEpoch?: (epoch: number, errors: number, gaps: number) => void
}

/** Small deterministic PRNG (mulberry32) for the shuffle. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Example {
  syllables: string[]
  joins: Uint8Array
  fold: number
}

function toExample(sentence: GoldSentence, fold: number): Example {
  const syllables = sentence.flat()
  const joins = new Uint8Array(syllables.length)
  let i = 0
  for (const word of sentence) {
    for (let k = 1; k < word.length; k++) joins[i + k] = 1
    i += word.length
  }
  return { syllables, joins, fold }
}

/**
 * Averaged perceptron over the gaps between syllables (join / split), decoded greedily with the
 * previous decision as a feature, as at prediction time. Returns the averaged weights.
 */
export function trainWeights(
  sentences: GoldSentence[],
  /** dictionaries for the folds: sentence i is read with dicts[i % dicts.length] */
  dicts: readonly HashSet32[],
  opts: TrainOptions,
): Float32Array {
  const size = 1 << opts.bits
  const mask = size - 1
  const w = new Float64Array(size)
  const acc = new Float64Array(size) // sum of update * time, for the lazy average
  const examples = sentences.map((s, i) => toExample(s, i % dicts.length))
  const contexts = dicts.map((d) => new SentenceContext(d))
  const feats = new Int32Array(MAX_FEATURES)
  const random = rng(opts.seed)
  let time = 1
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    let errors = 0
    let gaps = 0
    for (let i = examples.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[examples[i], examples[j]] = [examples[j]!, examples[i]!]
    }
    for (const ex of examples) {
      const ctx = contexts[ex.fold]!
      ctx.prepare(ex.syllables)
      let prev = PREV_START
      let wordLen = 1
      for (let g = 1; g < ex.syllables.length; g++, time++) {
        const k = ctx.gapFeatures(g, prev, wordLen, mask, feats)
        let score = 0
        for (let f = 0; f < k; f++) score += w[feats[f]!]!
        const predicted = score > 0 ? 1 : 0
        const gold = ex.joins[g]!
        gaps++
        if (predicted !== gold) {
          errors++
          const y = gold === 1 ? 1 : -1
          for (let f = 0; f < k; f++) {
            w[feats[f]!]! += y
            acc[feats[f]!]! += y * time
          }
        }
        prev = predicted
        wordLen = predicted === 1 ? wordLen + 1 : 1
      }
    }
    opts.onEpoch?.(epoch, errors, gaps)
  }
  const avg = new Float32Array(size)
  for (let f = 0; f < size; f++) avg[f] = w[f]! - acc[f]! / time
  return avg
}
