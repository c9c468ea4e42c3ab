import { createRandom, shuffleInPlace } from './prng.js'
import type { SparseVector } from './tfidf.js'

export interface LogisticOptions {
  epochs: number
  /** L2 strength per example. */
  lambda: number
  /** Initial learning rate, decayed as eta0 / (1 + eta0 · lambda · t). */
  eta0: number
  /** Weigh classes inversely to their frequency, so a rare topic is not simply never predicted. */
  balanced: boolean
  seed: number
}

/**
 * Tuned for user-labelled sets of tens to a few thousand L2-normalised TF-IDF rows: 30 epochs reach a
 * stable optimum on small sets; lambda 1e-4 keeps weights of terms seen once from dominating.
 */
export const DEFAULT_LOGISTIC_OPTIONS: LogisticOptions = {
  epochs: 30,
  lambda: 1e-4,
  eta0: 0.5,
  balanced: true,
  seed: 7,
}

/** Weights below this common scale are folded back in to avoid underflow of the lazy decay. */
const MIN_SCALE = 1e-6

export interface BinaryWeights {
  weights: Float64Array
  bias: number
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))

export function dot(w: BinaryWeights, x: SparseVector): number {
  let s = w.bias
  for (let j = 0; j < x.indices.length; j++) s += w.weights[x.indices[j]!]! * x.values[j]!
  return s
}

/** L2-regularised logistic regression by SGD (weights kept as scale · W so decay costs O(1)). */
export function trainLogistic(
  xs: readonly SparseVector[],
  ys: readonly boolean[],
  features: number,
  opts: LogisticOptions = DEFAULT_LOGISTIC_OPTIONS,
): BinaryWeights {
  const w = new Float64Array(features)
  let bias = 0
  let scale = 1
  const positives = ys.filter(Boolean).length
  const negatives = ys.length - positives
  const weightOf = (y: boolean) =>
    !opts.balanced || positives === 0 || negatives === 0 ? 1 : ys.length / (2 * (y ? positives : negatives))
  const random = createRandom(opts.seed)
  const order = Int32Array.from(xs, (_, i) => i)
  let t = 0
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, random)
    for (const i of order) {
      const x = xs[i]!
      const y = ys[i]!
      const eta = opts.eta0 / (1 + opts.eta0 * opts.lambda * t++)
      let z = bias
      for (let j = 0; j < x.indices.length; j++) z += w[x.indices[j]!]! * x.values[j]! * scale
      const g = (sigmoid(z) - (y ? 1 : 0)) * weightOf(y)
      scale *= 1 - eta * opts.lambda
      const step = (eta * g) / scale
      for (let j = 0; j < x.indices.length; j++) w[x.indices[j]!]! -= step * x.values[j]!
      bias -= eta * g
      if (scale < MIN_SCALE) scale = fold(w, scale)
    }
  }
  fold(w, scale)
  return { weights: w, bias }
}

function fold(w: Float64Array, scale: number): number {
  for (let i = 0; i < w.length; i++) w[i]! *= scale
  return 1
}
