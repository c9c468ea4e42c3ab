import { argmax } from '../linear/linear-weights.js'
import { type Evaluation, evaluate } from '../linear/metrics.js'
import type { QuantizedModel } from '../linear/quantized-model.js'
import { createTextScorer } from '../linear/text-scorer.js'
import type { LabelledDoc } from './corpus.js'

/**
 * Log-probabilities under temperature 1 for documents with a known label, i.e. the raw scores
 * `fitTemperature` needs (softmax is shift-invariant, so log p = score − constant).
 */
export function calibrationScores(model: QuantizedModel, docs: readonly LabelledDoc[]) {
  const scorer = createTextScorer({ ...model, temperature: 1 })
  const scores: Float64Array[] = []
  const gold: number[] = []
  for (const doc of docs) {
    const k = model.labels.indexOf(doc.label)
    const p = scorer.probabilities(doc.text)
    if (k < 0 || p === null) continue
    scores.push(p.map((v) => Math.log(Math.max(v, 1e-300))))
    gold.push(k)
  }
  return { scores, gold }
}

export interface ModelReport {
  evaluation: Evaluation
  /** Mean milliseconds per article, featurization included. */
  msPerArticle: number
  /** Mean score of correct and of wrong predictions: calibration at a glance. */
  meanScoreCorrect: number
  meanScoreWrong: number
}

/** Accuracy, macro-F1, confusion matrix and speed of a shipped-form model on labelled documents. */
export function evaluateModel(model: QuantizedModel, docs: readonly LabelledDoc[]): ModelReport {
  const scorer = createTextScorer(model)
  const gold: number[] = []
  const predicted: number[] = []
  const right: number[] = []
  const wrong: number[] = []
  const known = docs.filter((d) => model.labels.includes(d.label))
  const start = performance.now()
  for (const doc of known) {
    const p = scorer.probabilities(doc.text)
    const k = p ? argmax(p) : 0
    gold.push(model.labels.indexOf(doc.label))
    predicted.push(k)
    const bucket = gold.at(-1) === k ? right : wrong
    bucket.push(p ? p[k]! : 0)
  }
  const elapsed = performance.now() - start
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
  return {
    evaluation: evaluate(model.labels, gold, predicted),
    msPerArticle: known.length ? elapsed / known.length : 0,
    meanScoreCorrect: mean(right),
    meanScoreWrong: mean(wrong),
  }
}
