/** Accuracy, per-class and macro F1 and a confusion matrix for a multiclass evaluation. */
export interface Evaluation {
  labels: string[]
  /** confusion[gold][predicted] */
  confusion: number[][]
  accuracy: number
  macroF1: number
  f1: number[]
  total: number
}

export function evaluate(labels: readonly string[], gold: readonly number[], predicted: readonly number[]) {
  const K = labels.length
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0))
  gold.forEach((g, i) => {
    confusion[g]![predicted[i]!]! += 1
  })
  let correct = 0
  const f1 = labels.map((_, k) => {
    const tp = confusion[k]![k]!
    correct += tp
    const goldCount = confusion[k]!.reduce((a, b) => a + b, 0)
    const predCount = confusion.reduce((a, row) => a + row[k]!, 0)
    const precision = predCount ? tp / predCount : 0
    const recall = goldCount ? tp / goldCount : 0
    return precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  })
  const total = gold.length
  const evaluation: Evaluation = {
    labels: [...labels],
    confusion,
    accuracy: total ? correct / total : 0,
    macroF1: K ? f1.reduce((a, b) => a + b, 0) / K : 0,
    f1,
    total,
  }
  return evaluation
}

/** Plain-text confusion matrix: rows gold, columns predicted, with per-class F1. */
export function formatConfusion(e: Evaluation): string {
  const short = e.labels.map((l) => abbreviate(l))
  const width = Math.max(5, ...e.confusion.flat().map((n) => String(n).length + 1))
  const head = `${'gold \\ predicted'.padEnd(18)}${short.map((s) => s.padStart(width)).join('')}     F1`
  const rows = e.confusion.map(
    (row, k) =>
      `${e.labels[k]!.padEnd(18)}${row.map((n) => String(n).padStart(width)).join('')}  ${e.f1[k]!.toFixed(3)}`,
  )
  return [head, ...rows].join('\n')
}

/** "Chinh tri Xa hoi" → "CTXH"; one-word labels keep their first four letters. */
const abbreviate = (label: string): string => {
  const words = label.split(/\s+/).filter(Boolean)
  return words.length > 1 ? words.map((w) => w[0]!.toUpperCase()).join('') : label.slice(0, 4)
}
