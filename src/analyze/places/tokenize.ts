import { foldToken, isCapitalised } from './fold.js'

/**
 * What separates a token from the one before it. Names may only span `space` and `joiner` gaps
 * ("Bà Rịa - Vũng Tàu", "TP.HCM", "Ea H'Leo"); `hard` and `dot` end a sentence.
 */
export type Gap = 'start' | 'space' | 'joiner' | 'comma' | 'dot' | 'open' | 'hard' | 'other'

export interface Token {
  raw: string
  /** lowercase, no diacritics, đ→d */
  folded: string
  start: number
  end: number
  gap: Gap
  cap: boolean
  /** sentence number within the field */
  sentence: number
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu
const HARD = /[\n!?;:…]/
const JOINER = /^\s*[-–—'’]\s*$|^\.$|^['’]$/
const SPACE = /^[ \t\u00a0]+$/

function classify(sep: string, first: boolean): Gap {
  if (first) return 'start'
  if (SPACE.test(sep)) return 'space'
  if (HARD.test(sep)) return 'hard'
  if (JOINER.test(sep)) return 'joiner'
  if (sep.includes('.')) return 'dot'
  if (sep.includes(',') || sep.includes(')')) return 'comma'
  if (sep.includes('(')) return 'open'
  return 'other'
}

/** Splits NFC text into syllable tokens with the separator class before each. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  let last = 0
  let sentence = 0
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index
    // fast path: most tokens follow a single space
    const gap =
      start - last === 1 && text.charCodeAt(last) === 32 && out.length > 0
        ? 'space'
        : classify(text.slice(last, start), out.length === 0)
    if (gap === 'hard' || gap === 'dot') sentence++
    out.push({
      raw: m[0],
      folded: foldToken(m[0]),
      start,
      end: start + m[0].length,
      gap,
      cap: isCapitalised(m[0]),
      sentence,
    })
    last = start + m[0].length
  }
  return out
}

/** A name may continue across this gap. */
export const continuesName = (g: Gap) => g === 'space' || g === 'joiner'
