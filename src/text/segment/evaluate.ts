import type { GoldSentence } from './corpus.js'

export interface WordScores {
  precision: number
  recall: number
  f1: number
  goldWords: number
  predictedWords: number
  correctWords: number
}

/** Word spans of a segmentation, as "start:end" syllable offsets. */
function spans(lengths: readonly number[]): Set<string> {
  const out = new Set<string>()
  let start = 0
  for (const len of lengths) {
    out.add(`${start}:${start + len}`)
    start += len
  }
  return out
}

/**
 * Word-level precision, recall and F1 of predicted segmentations against gold ones over the same
 * syllables: a predicted word counts when the same syllable span is a gold word.
 */
export function scoreSegmentation(gold: GoldSentence[], predicted: number[][]): WordScores {
  let goldWords = 0
  let predictedWords = 0
  let correctWords = 0
  for (let i = 0; i < gold.length; i++) {
    const g = spans(gold[i]!.map((w) => w.length))
    const p = spans(predicted[i] ?? [])
    goldWords += g.size
    predictedWords += p.size
    for (const s of p) if (g.has(s)) correctWords++
  }
  const precision = predictedWords === 0 ? 0 : correctWords / predictedWords
  const recall = goldWords === 0 ? 0 : correctWords / goldWords
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, goldWords, predictedWords, correctWords }
}

/** Word lengths (in syllables) from a join vector of `n` syllables. */
export function joinsToLengths(joins: Uint8Array, n: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    if (i === 0 || joins[i] === 0) out.push(1)
    else out[out.length - 1]!++
  }
  return out
}
