import { calibrationScores } from './evaluate-news-model.js'
import { fitTemperature } from '../linear/calibration.js'
import { createFeaturizer, type FeatureOptions } from '../linear/featurizer.js'
import type { LinearWeights } from '../linear/linear-weights.js'
import { trainComplementNb } from '../linear/naive-bayes.js'
import { quantize, type QuantizedModel } from '../linear/quantized-model.js'
import { DEFAULT_SVM_OPTIONS, type SvmOptions, trainOvrSvm } from '../linear/svm-trainer.js'
import { buildVocabulary, tfidfVector } from '../linear/tfidf.js'
import type { LabelledDoc } from './corpus.js'

export interface TrainNewsOptions {
  featureOptions: FeatureOptions
  /** Terms in fewer training documents are dropped (noise, names, typos; also bounds the file size). */
  minDf: number
  svm: SvmOptions
}

/**
 * Syllable unigrams + bigrams, min df 5: dev accuracy within 0.05 point of min df 2 or 3 with 246k
 * instead of 551k or 379k terms, which keeps the shipped file under 3 MB.
 * Style terms (punctuation and case between syllables, ~1.6k terms) add about +0.3 point on dev.
 * Measured and not kept (dev accuracy, float weights, same split; syllable 1-2-grams alone 0.936):
 * word unigrams + bigrams from the segmenter 0.934–0.935 (and +0.5 ms per article), words from
 * dictionary maximum matching 0.935, syllable trigrams 0.934, log-count-ratio (NB-SVM) scaling
 * 0.932, lead-sentence terms 0.935, complement or multinomial NB mixed into the SVM scores ≤ 0.934.
 * Folded (accent-less) unigrams are off: the corpus and the monitored press are accented text.
 *
 * Second round, same features, LIBLINEAR-equivalent solver (reproduces dev 0.9409); "inner" is
 * accuracy on a fifth of the train split held out from training, never dev. The dev split is sound
 * (no non-NFC text; 48 dev articles, 1.5 %, have a near-duplicate in train) but easier than train:
 * 5-fold inner CV gives 0.930, and a model fitted on four fifths of train scores 0.936 on dev.
 * None of these beat the shipped setting (inner 0.935, dev 0.941), so none is kept:
 * idf^1.5 0.935 / 0.939, idf^0.5 0.932 / 0.938, √tf 0.934 / 0.939, binary tf 0.929 / 0.931;
 * per-class biases fitted on inner-CV scores 0.931 (CV) / 0.939; Crammer–Singer dev 0.939;
 * training on train + calibration dev 0.940; a character 3–5-gram view (alone 0.918 CV / 0.926 dev)
 * summed with these scores at a CV-chosen weight 0.930 / 0.939. The press source behind each corpus
 * article files the same story under different topics; even knowing the source exactly (id prefix,
 * not available at prediction) gives only dev 0.947 (per-source bias) or 0.949 (per-source weights),
 * and the source predicted from text (89 % right) 0.942; 40 source × topic classes 0.930.
 *
 * Third round, other model families (dev accuracy): per-class syllable n-gram language models with
 * interpolated absolute discounting (D = 0.75), the family a 2007 study reported best on this corpus,
 * 0.916 (bigrams) and 0.914 (trigrams, 6.0 M of them); the shipped scores plus a cosine kNN vote over
 * tf-idf neighbours in train (k 1–20, weight 0.25–100) 0.880–0.942; a one-hidden-layer network (64 ReLU
 * units, dropout 0.5, SGD, 8 epochs) over these features 0.921 alone, 0.933 averaged with the SVM.
 * Reading the dev errors: most are
 * articles one newspaper filed under a section whose usual content is another topic (business news
 * under "Chinh tri Xa hoi", family essays under it too), i.e. label noise no text model can undo.
 */
/**
 * C = 2 rather than the generic 1: chosen on a validation tenth carved from the training split (not
 * dev): 0.9374 at C = 1, 0.9392 at C = 2, 0.9385 at C = 4 with 25 passes. 15 passes are kept (C = 2
 * reaches the cap on most classes; 25 passes at C = 4 gained nothing).
 */
const NEWS_SVM_OPTIONS: SvmOptions = { ...DEFAULT_SVM_OPTIONS, C: 2 }

export const DEFAULT_NEWS_OPTIONS: TrainNewsOptions = {
  featureOptions: { bigrams: true, folded: false, maxChars: 20_000, style: true },
  minDf: 5,
  svm: NEWS_SVM_OPTIONS,
}

export interface TrainedNews {
  model: QuantizedModel
  /** Complement Naive Bayes over the same features: the baseline figures are reported against. */
  baseline: QuantizedModel
  /** Milliseconds per stage. */
  timings: { featurize: number; vocabulary: number; train: number; baselineTrain: number; calibrate: number }
  passes: number[]
}

/** Trains the news topic model on `train`, fits its score temperature on `calibration`. */
export function trainNewsModel(
  train: readonly LabelledDoc[],
  calibration: readonly LabelledDoc[],
  opts: TrainNewsOptions = DEFAULT_NEWS_OPTIONS,
): TrainedNews {
  const clock = stopwatch()
  const labels = [...new Set(train.map((d) => d.label))].sort()
  const featurizer = createFeaturizer(opts.featureOptions)
  const terms = train.map((d) => featurizer.terms(d.text))
  const featurize = clock()
  const vocabulary = buildVocabulary(terms, opts.minDf)
  const xs = terms.map((t) => tfidfVector(t, vocabulary))
  const ys = Int32Array.from(train, (d) => labels.indexOf(d.label))
  const vocabularyTime = clock()
  const svm = trainOvrSvm(xs, ys, labels.length, vocabulary.idf.length, opts.svm)
  const trainTime = clock()
  const nb = trainComplementNb(xs, ys, labels.length, vocabulary.idf.length)
  const baselineTrain = clock()
  const finish = (weights: LinearWeights) => {
    const draft = quantize(weights, vocabulary, {
      featureOptions: opts.featureOptions,
      labels,
      temperature: 1,
    })
    const { scores, gold } = calibrationScores(draft, calibration)
    return { ...draft, temperature: scores.length > 0 ? fitTemperature(scores, gold) : 1 }
  }
  const model = finish(svm)
  const baseline = finish(nb)
  return {
    model,
    baseline,
    timings: {
      featurize,
      vocabulary: vocabularyTime,
      train: trainTime,
      baselineTrain,
      calibrate: clock(),
    },
    passes: svm.passes,
  }
}

/** Returns a function giving the milliseconds since the previous call. */
function stopwatch(): () => number {
  let last = performance.now()
  return () => {
    const now = performance.now()
    const elapsed = now - last
    last = now
    return elapsed
  }
}
