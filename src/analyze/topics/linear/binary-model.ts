import { z } from 'zod'
import {
  type BinaryWeights,
  DEFAULT_LOGISTIC_OPTIONS,
  dot,
  type LogisticOptions,
  sigmoid,
  trainLogistic,
} from './binary-logistic.js'
import { createFeaturizer, DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './featurizer.js'
import { HashIndex } from './hash-index.js'
import { buildVocabulary, tfidfVector, type Vocabulary } from './tfidf.js'

/** One labelled text for a yes/no topic ("is this about the East Sea?"). */
export interface BinaryExample {
  text: string
  positive: boolean
}

export interface BinaryTrainOptions {
  featureOptions: FeatureOptions
  /** 1 keeps every term: user-labelled sets are small and each term may matter. */
  minDf: number
  logistic: LogisticOptions
}

export const DEFAULT_BINARY_OPTIONS: BinaryTrainOptions = {
  featureOptions: DEFAULT_FEATURE_OPTIONS,
  minDf: 1,
  logistic: DEFAULT_LOGISTIC_OPTIONS,
}

/** Plain-JSON form, to store in the database beside the topic. */
export interface BinaryModelData {
  version: 1
  featureOptions: FeatureOptions
  hashes: number[]
  idf: number[]
  weights: number[]
  bias: number
}

export interface BinaryModel {
  /** Probability that the text belongs to the topic, 0..1. */
  predict(text: string): number
  /** 1 when the model cannot tell (p = 0.5), 0 when it is sure: pick the highest to label next. */
  uncertainty(text: string): number
  toJSON(): BinaryModelData
}

/** Closeness of a probability to 0.5, scaled to 0..1. */
export const uncertaintyOf = (p: number): number => 1 - 2 * Math.abs(p - 0.5)

/** Trains a yes/no topic model on labelled texts (both classes should be present). */
export function trainBinaryModel(
  examples: readonly BinaryExample[],
  opts: BinaryTrainOptions = DEFAULT_BINARY_OPTIONS,
): BinaryModel {
  const featurizer = createFeaturizer(opts.featureOptions)
  const terms = examples.map((e) => featurizer.terms(e.text))
  const vocabulary = buildVocabulary(terms, opts.minDf)
  const xs = terms.map((t) => tfidfVector(t, vocabulary))
  const trained = trainLogistic(
    xs,
    examples.map((e) => e.positive),
    vocabulary.idf.length,
    opts.logistic,
  )
  return assemble(opts.featureOptions, vocabulary, trained)
}

const DataSchema = z.object({
  version: z.literal(1),
  featureOptions: z.object({
    bigrams: z.boolean(),
    folded: z.boolean(),
    maxChars: z.number().int().positive(),
    style: z.boolean().optional(),
  }),
  hashes: z.array(z.number().int().min(0).max(0xffffffff)),
  idf: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
})

/** Restores a model from `toJSON()` output; throws a ZodError if the data is not one. */
export function binaryModelFromJSON(data: unknown): BinaryModel {
  const d = DataSchema.parse(data)
  if (d.idf.length !== d.hashes.length || d.weights.length !== d.hashes.length) {
    throw new Error('binary model arrays differ in length')
  }
  const hashes = Uint32Array.from(d.hashes)
  const vocabulary: Vocabulary = { hashes, columns: new HashIndex(hashes), idf: Float32Array.from(d.idf) }
  return assemble(d.featureOptions, vocabulary, { weights: Float64Array.from(d.weights), bias: d.bias })
}

function assemble(
  featureOptions: FeatureOptions,
  vocabulary: Vocabulary,
  trained: BinaryWeights,
): BinaryModel {
  const featurizer = createFeaturizer(featureOptions)
  const predict = (text: string) =>
    typeof text === 'string' ? sigmoid(dot(trained, tfidfVector(featurizer.terms(text), vocabulary))) : 0.5
  return {
    predict,
    uncertainty: (text) => uncertaintyOf(predict(text)),
    toJSON: () => ({
      version: 1,
      featureOptions,
      hashes: [...vocabulary.hashes],
      idf: [...vocabulary.idf],
      weights: [...trained.weights],
      bias: trained.bias,
    }),
  }
}
