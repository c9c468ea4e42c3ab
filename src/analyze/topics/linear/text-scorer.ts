import { createFeaturizer } from './featurizer.js'
import { HashIndex } from './hash-index.js'
import { softmaxInPlace } from './linear-weights.js'
import type { QuantizedModel } from './quantized-model.js'

/** Class probabilities for a text, from a quantised linear model. */
export interface TextScorer {
  readonly labels: readonly string[]
  /** Calibrated probabilities per label, or null when the text holds no syllable at all. */
  probabilities(text: string): Float64Array | null
}

/**
 * Builds the scorer once per model (hash index, featurizer memo); scoring is then allocation-light:
 * featurize, look up columns, accumulate int8 weights, divide by the L2 norm, softmax.
 */
export function createTextScorer(model: QuantizedModel): TextScorer {
  const featurizer = createFeaturizer(model.featureOptions)
  const index = new HashIndex(model.hashes)
  const K = model.labels.length
  const { idf, weights, scales, bias, temperature } = model

  function probabilities(text: string): Float64Array | null {
    const terms = featurizer.terms(text)
    if (terms.hashes.length === 0) return null
    const sums = new Float64Array(K)
    let norm = 0
    for (let i = 0; i < terms.hashes.length; i++) {
      const col = index.get(terms.hashes[i]!)
      if (col < 0) continue
      const v = (1 + Math.log(terms.counts[i]!)) * idf[col]!
      norm += v * v
      const base = col * K
      for (let k = 0; k < K; k++) sums[k]! += v * weights[base + k]!
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let k = 0; k < K; k++) sums[k] = sums[k]! * inv * scales[k]! + bias[k]!
    softmaxInPlace(sums, temperature)
    return sums
  }

  return { labels: model.labels, probabilities }
}
