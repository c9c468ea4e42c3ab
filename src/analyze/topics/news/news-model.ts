import { readFileSync } from 'node:fs'
import { appError } from '../../../shared/errors.js'
import { projectDataDir } from '../../../shared/paths.js'
import { argmax } from '../linear/linear-weights.js'
import { decodeModel } from '../linear/quantized-model.js'
import { createTextScorer } from '../linear/text-scorer.js'

/** The label given to text with nothing to classify (empty, whitespace or punctuation only). */
export const UNKNOWN_LABEL = 'unknown'

export interface TopicPrediction {
  label: string
  /** Calibrated probability that `label` is right, 0..1. */
  score: number
}

export interface NewsModel {
  readonly labels: readonly string[]
  /** Never throws: empty text gives `{label: 'unknown', score: 0}`, odd text a label with a low score. */
  classify(text: string): TopicPrediction
}

/** The shipped general Vietnamese news topic model (10 VNTC topics). */
export const defaultNewsModelPath = () => projectDataDir('models', 'news-vi.model.gz')

/**
 * Loads a news topic model file (once per process is enough: the caller keeps the returned object).
 * Throws AppError MODEL_MISSING when the file is absent or unreadable.
 */
export function loadNewsModel(path: string = defaultNewsModelPath()): NewsModel {
  let file: Buffer
  try {
    file = readFileSync(path)
  } catch (cause) {
    throw appError('MODEL_MISSING', `news topic model not found at ${path}`, { cause, details: { path } })
  }
  let scorer: ReturnType<typeof createTextScorer>
  try {
    scorer = createTextScorer(decodeModel(file))
  } catch (cause) {
    throw appError('MODEL_MISSING', `news topic model at ${path} is not a valid model file`, {
      cause,
      details: { path },
    })
  }
  return {
    labels: scorer.labels,
    classify(text: string): TopicPrediction {
      if (typeof text !== 'string') return { label: UNKNOWN_LABEL, score: 0 }
      const p = scorer.probabilities(text)
      if (p === null) return { label: UNKNOWN_LABEL, score: 0 }
      const k = argmax(p)
      return { label: scorer.labels[k]!, score: p[k]! }
    },
  }
}
