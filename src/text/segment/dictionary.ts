import type { GoldSentence } from './corpus.js'
import { HashSet32, hashString, wordHash } from './hash.js'
import { syllableKey } from './syllable-key.js'
import { foldText } from '../fold.js'

/** Hash of a multi-syllable word as the segmenter's dictionary stores it. */
export function wordKeyHash(syllables: readonly string[]): number {
  const h = new Uint32Array(syllables.length)
  for (let i = 0; i < syllables.length; i++)
    h[i] = hashString(syllableKey(syllables[i]!.normalize('NFC').toLowerCase()))
  return wordHash(h, 0, h.length)
}

/**
 * Dictionary of multi-syllable words: from gold-segmented sentences and from a word list.
 * With `skipFold`, sentences i with i % folds === skipFold are left out (jackknifed dictionaries let
 * training see dictionary features as unreliable as they will be on new text).
 */
export function buildDictionary(
  sentences: GoldSentence[],
  wordList: readonly string[],
  fold?: { skipFold: number; folds: number },
): HashSet32 {
  const hashes: number[] = []
  sentences.forEach((s, i) => {
    if (fold !== undefined && i % fold.folds === fold.skipFold) return
    for (const w of s) if (w.length > 1) hashes.push(wordKeyHash(w))
  })
  for (const w of wordList) {
    const syl = w.trim().split(/\s+/)
    if (syl.length > 1) hashes.push(wordKeyHash(syl))
  }
  return new HashSet32(Uint32Array.from(hashes))
}

/** Hash of a syllable with diacritics removed, as the lexicon stores it. */
export const foldedSyllableHash = (s: string): number => hashString(foldText(s))

/**
 * Folded syllables seen at least `minCount` times in the training text and word list: a lexicon of
 * Vietnamese syllables written without diacritics (used to recognise undiacritised Vietnamese).
 * Only alphabetic syllables count.
 */
export function buildLexicon(
  sentences: GoldSentence[],
  wordList: readonly string[],
  minCount: number,
): HashSet32 {
  const counts = new Map<string, number>()
  const add = (syl: string) => {
    const f = foldText(syl)
    if (!/^[a-z]+$/.test(f)) return
    counts.set(f, (counts.get(f) ?? 0) + 1)
  }
  for (const s of sentences) for (const w of s) for (const syl of w) add(syl)
  for (const w of wordList) for (const syl of w.split(/\s+/)) add(syl)
  const keep = [...counts].filter(([, c]) => c >= minCount).map(([f]) => hashString(f))
  return new HashSet32(Uint32Array.from(keep))
}
