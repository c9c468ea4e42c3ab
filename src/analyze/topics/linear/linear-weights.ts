import type { SparseVector } from './tfidf.js'

/** A multiclass linear model: weights feature-major (`weights[f * classes + k]`) and a bias per class. */
export interface LinearWeights {
  classes: number
  features: number
  weights: Float32Array
  bias: Float32Array
}

/** Class scores `x·W + b` written into `out` (length = classes). */
export function scoreInto(model: LinearWeights, x: SparseVector, out: Float64Array): void {
  const K = model.classes
  for (let k = 0; k < K; k++) out[k] = model.bias[k]!
  for (let i = 0; i < x.indices.length; i++) {
    const base = x.indices[i]! * K
    const v = x.values[i]!
    for (let k = 0; k < K; k++) out[k]! += v * model.weights[base + k]!
  }
}

/** Index of the largest value (first one on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k
  return best
}

/** In-place softmax of `scores / temperature`, the maximum subtracted for numerical stability. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): void {
  let max = Number.NEGATIVE_INFINITY
  for (const s of scores) max = Math.max(max, s / temperature)
  let sum = 0
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp(scores[k]! / temperature - max)
    scores[k] = e
    sum += e
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum
}
