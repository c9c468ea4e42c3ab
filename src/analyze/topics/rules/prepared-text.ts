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
  /** where the title's and the lead's words end (title words weigh most as evidence); absent: one field */
  fieldEnds?: [number, number]
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
export function prepareWords(exact: string[], folded: string[], fieldEnds?: [number, number]): PreparedText {
  const positions = new Map<string, number[]>()
  folded.forEach((w, i) => {
    const list = positions.get(w)
    if (list) list.push(i)
    else positions.set(w, [i])
  })
  return fieldEnds ? { exact, folded, positions, fieldEnds } : { exact, folded, positions }
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

/** Where the phrase starts in the text (word indexes, ascending). */
export function phraseStarts(t: PreparedText, p: PhrasePattern): number[] {
  const first = p.words[0]
  if (!first) return []
  const out: number[] = []
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
    if (ok) out.push(start)
  }
  return out
}

/** How many times the phrase occurs in the text. */
export const countPhrase = (t: PreparedText, p: PhrasePattern): number => phraseStarts(t, p).length

/** Evidence weight of a word by its field: title 3, lead 2, body 1 (plain text: 1). */
export function fieldWeight(t: PreparedText, i: number): number {
  if (!t.fieldEnds) return 1
  return i < t.fieldEnds[0] ? 3 : i < t.fieldEnds[1] ? 2 : 1
}
