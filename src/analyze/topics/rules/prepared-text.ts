import { foldText } from '../../../text/fold.js'
import { normalizeText } from '../../../text/normalize.js'
import { tokenize } from '../../../text/tokenize.js'

/**
 * Text ready for phrase matching: its words (and numbers) lowercased with diacritics, the same
 * folded, and where each folded word occurs. Built once per article, shared by every rule.
 */
export interface PreparedText {
  exact: string[]
  folded: string[]
  positions: Map<string, number[]>
}

export function words(text: string): string[] {
  return tokenize(normalizeText(text))
    .filter((t) => t.kind === 'word' || t.kind === 'number')
    .map((t) => t.text.toLowerCase())
}

export function prepareText(text: string): PreparedText {
  const exact = words(text)
  return prepareWords(exact, exact.map(foldText))
}

/** The same from words already split, lowercased and folded (shared with the other stages). */
export function prepareWords(exact: string[], folded: string[]): PreparedText {
  const positions = new Map<string, number[]>()
  folded.forEach((w, i) => {
    const list = positions.get(w)
    if (list) list.push(i)
    else positions.set(w, [i])
  })
  return { exact, folded, positions }
}

/** A phrase to look for: each word matches exactly when both sides carry diacritics, folded otherwise. */
export interface PhrasePattern {
  text: string
  words: { exact: string; folded: string; plain: boolean }[]
}

export function phrasePattern(text: string): PhrasePattern {
  return {
    text,
    words: words(text).map((w) => {
      const folded = foldText(w)
      return { exact: w, folded, plain: folded === w }
    }),
  }
}

/** How many times the phrase occurs in the text. */
export function countPhrase(t: PreparedText, p: PhrasePattern): number {
  const first = p.words[0]
  if (!first) return 0
  let n = 0
  for (const start of t.positions.get(first.folded) ?? []) {
    let ok = true
    for (let k = 0; k < p.words.length && ok; k++) {
      const w = p.words[k]!
      const i = start + k
      // Plain pattern words, and text written without diacritics, compare folded; otherwise exactly,
      // so "bán" never matches "bàn" but unaccented "bien dong" matches "Biển Đông".
      const textPlain = t.exact[i] === t.folded[i]
      ok = w.plain || textPlain ? t.folded[i] === w.folded : t.exact[i] === w.exact
    }
    if (ok) n++
  }
  return n
}
