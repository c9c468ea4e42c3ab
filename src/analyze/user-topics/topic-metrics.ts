import { z } from 'zod'
import { type BinaryExample, type BinaryModel, trainBinaryModel } from '../topics/linear/binary-model.js'
import { createRandom, shuffleInPlace } from '../topics/linear/prng.js'

/**
 * Cross-validation needs this many labels of each class: with 5 folds every held-out part then has at
 * least two of each, and fewer labels give figures too noisy to show.
 */
export const MIN_LABELS_PER_CLASS = 10
/** Folds of the stratified cross-validation: the usual choice for tens to hundreds of labels. */
export const CV_FOLDS = 5
/** Membership threshold on the model's probability. */
export const MEMBER_THRESHOLD = 0.5
/** Fixed seed: the same labels give the same folds and the same figures. */
const FOLD_SEED = 20_190_313

const CrossValidated = z.object({
  status: z.literal('cross_validated'),
  folds: z.number().int(),
  positives: z.number().int(),
  negatives: z.number().int(),
  accuracy: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
})
const NeedsMoreLabels = z.object({
  status: z.literal('needs_more_labels'),
  positives: z.number().int(),
  negatives: z.number().int(),
  minPerClass: z.number().int(),
})
export const TopicMetricsSchema = z.discriminatedUnion('status', [CrossValidated, NeedsMoreLabels])
/** What `metrics_json` holds: cross-validated figures, or how far the labels are from allowing them. */
export type TopicMetrics = z.infer<typeof TopicMetricsSchema>

export const needsMoreLabels = (positives: number, negatives: number): TopicMetrics => ({
  status: 'needs_more_labels',
  positives,
  negatives,
  minPerClass: MIN_LABELS_PER_CLASS,
})

/** Stored metrics, or null when the column is empty or not readable (e.g. written by an older version). */
export function parseTopicMetrics(json: string | null): TopicMetrics | null {
  if (!json) return null
  try {
    const r = TopicMetricsSchema.safeParse(JSON.parse(json))
    return r.success ? r.data : null
  } catch {
    return null
  }
}

/**
 * Stratified k-fold cross-validation of the binary topic model: each fold is trained on the others and
 * predicts its own held-out labels; accuracy, precision, recall and F1 (of "in the topic") are computed
 * over all held-out predictions. Below MIN_LABELS_PER_CLASS of either class it says so instead.
 */
export function crossValidate(
  examples: readonly BinaryExample[],
  train: (examples: readonly BinaryExample[]) => BinaryModel = (e) => trainBinaryModel(e),
  folds = CV_FOLDS,
): TopicMetrics {
  const positives = examples.filter((e) => e.positive).length
  const negatives = examples.length - positives
  if (positives < MIN_LABELS_PER_CLASS || negatives < MIN_LABELS_PER_CLASS) {
    return needsMoreLabels(positives, negatives)
  }
  const foldOf = assignFolds(examples, folds)
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  for (let f = 0; f < folds; f++) {
    const model = train(examples.filter((_, i) => foldOf[i] !== f))
    examples.forEach((e, i) => {
      if (foldOf[i] !== f) return
      const yes = model.predict(e.text) >= MEMBER_THRESHOLD
      if (yes && e.positive) tp++
      else if (yes) fp++
      else if (e.positive) fn++
      else tn++
    })
  }
  const precision = tp + fp ? tp / (tp + fp) : 0
  const recall = tp + fn ? tp / (tp + fn) : 0
  return {
    status: 'cross_validated',
    folds,
    positives,
    negatives,
    accuracy: (tp + tn) / examples.length,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  }
}

/** Fold number per example, each class spread evenly over the folds in a seeded random order. */
function assignFolds(examples: readonly BinaryExample[], folds: number): Int32Array {
  const foldOf = new Int32Array(examples.length)
  const random = createRandom(FOLD_SEED)
  for (const cls of [true, false]) {
    const idx = examples.flatMap((e, i) => (e.positive === cls ? [i] : []))
    shuffleInPlace(idx, random)
    idx.forEach((i, k) => {
      foldOf[i] = k % folds
    })
  }
  return foldOf
}
