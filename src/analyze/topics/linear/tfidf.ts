import type { Featurizer, TermCounts } from './featurizer.js'
import { documentFrequencies, HashIndex } from './hash-index.js'

/** A sparse feature vector: column indices (ascending or not) and their values. */
export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

/** Hashed terms kept by a model, their columns and inverse document frequencies. */
export interface Vocabulary {
  /** term hash of each column, ascending */
  readonly hashes: Uint32Array
  /** term hash → column */
  readonly columns: HashIndex
  /** idf per column */
  readonly idf: Float32Array
}

/**
 * Keeps the terms seen in at least `minDf` documents (rarer ones are noise, names and typos that do not
 * generalise) and computes a smoothed idf: ln((N + 1) / (df + 1)) + 1.
 */
export function buildVocabulary(docs: readonly TermCounts[], minDf: number): Vocabulary {
  const { hashes, df } = documentFrequencies(docs.map((d) => d.hashes))
  const n = docs.length
  let keptCount = 0
  for (const c of df) if (c >= minDf) keptCount++
  const kept = new Uint32Array(keptCount)
  const idf = new Float32Array(keptCount)
  let column = 0
  hashes.forEach((h, i) => {
    const c = df[i]!
    if (c < minDf) return
    kept[column] = h
    idf[column++] = Math.log((n + 1) / (c + 1)) + 1
  })
  return { hashes: kept, columns: new HashIndex(kept), idf }
}

/** Sublinear tf (1 + ln count) × idf, L2-normalised; unknown terms are dropped. */
export function tfidfVector(terms: TermCounts, vocab: Vocabulary): SparseVector {
  const idx: number[] = []
  const val: number[] = []
  let norm = 0
  for (let i = 0; i < terms.hashes.length; i++) {
    const col = vocab.columns.get(terms.hashes[i]!)
    if (col < 0) continue
    const v = (1 + Math.log(terms.counts[i]!)) * vocab.idf[col]!
    idx.push(col)
    val.push(v)
    norm += v * v
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
  return { indices: Int32Array.from(idx), values: Float32Array.from(val, (v) => v * scale) }
}

/** Featurizer + vocabulary in one step. */
export const vectorize = (text: string, featurizer: Featurizer, vocab: Vocabulary): SparseVector =>
  tfidfVector(featurizer.terms(text), vocab)
