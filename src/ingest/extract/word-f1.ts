/**
 * Words for overlap scoring: lowercased runs of letters, marks and digits (Vietnamese syllables whole).
 * Chinese and Japanese write no spaces between words, so each of their characters is one token:
 * otherwise a line break in one text and none in the other would turn a whole sentence into a miss.
 */
const WORD =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{M}\p{N}])+/gu

export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(WORD) ?? []
}

export interface F1 {
  precision: number
  recall: number
  f1: number
}

/**
 * Bag-of-words F1 of `got` against `expected` (each word counted as often as it occurs). Two empty
 * texts agree fully; one empty text against a non-empty one scores 0.
 */
export function wordF1(got: string, expected: string): F1 {
  const g = words(got)
  const e = words(expected)
  if (g.length === 0 && e.length === 0) return { precision: 1, recall: 1, f1: 1 }
  if (g.length === 0 || e.length === 0) return { precision: 0, recall: 0, f1: 0 }
  const counts = new Map<string, number>()
  for (const w of e) counts.set(w, (counts.get(w) ?? 0) + 1)
  let common = 0
  for (const w of g) {
    const n = counts.get(w) ?? 0
    if (n > 0) {
      common++
      counts.set(w, n - 1)
    }
  }
  const precision = common / g.length
  const recall = common / e.length
  const f1 = common === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}
