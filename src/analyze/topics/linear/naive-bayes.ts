import type { LinearWeights } from './linear-weights.js'
import type { SparseVector } from './tfidf.js'

/** Additive smoothing of the complement counts. */
const DEFAULT_ALPHA = 0.3

/**
 * Complement Naive Bayes (Rennie et al. 2003) over TF-IDF rows, with weight normalisation. It estimates
 * each class from the documents *not* in it, which copes better with unbalanced classes than plain
 * multinomial NB. Returned as linear weights (negated, so the highest score wins) — it is the baseline
 * the trained model is measured against.
 */
export function trainComplementNb(
  xs: readonly SparseVector[],
  ys: Int32Array,
  classes: number,
  features: number,
  alpha = DEFAULT_ALPHA,
): LinearWeights {
  const perClass = new Float64Array(features * classes)
  const total = new Float64Array(features)
  xs.forEach((x, i) => {
    const y = ys[i]!
    for (let j = 0; j < x.indices.length; j++) {
      const f = x.indices[j]!
      const v = x.values[j]!
      perClass[f * classes + y]! += v
      total[f]! += v
    }
  })
  const weights = new Float32Array(features * classes)
  for (let k = 0; k < classes; k++) {
    let complementSum = 0
    for (let f = 0; f < features; f++) complementSum += total[f]! - perClass[f * classes + k]!
    const denominator = complementSum + alpha * features
    let absSum = 0
    for (let f = 0; f < features; f++) {
      const w = Math.log((total[f]! - perClass[f * classes + k]! + alpha) / denominator)
      weights[f * classes + k] = w
      absSum += Math.abs(w)
    }
    for (let f = 0; f < features; f++) weights[f * classes + k] = -weights[f * classes + k]! / absSum
  }
  return { classes, features, weights, bias: new Float32Array(classes) }
}
