import { foldText } from '../text/fold.js'
import { normalizeText } from '../text/normalize.js'

/**
 * Longest token kept. PostgreSQL refuses lexemes over 2 KB and nobody searches for a 65-letter
 * "word" (base64, URLs run together); both backends drop the same tokens, so they agree.
 */
export const MAX_TOKEN_LENGTH = 64
/**
 * Tokens indexed per text. PostgreSQL stores positions up to 16383 and clamps later ones, which would
 * break phrase matching; FTS5 gets the same cut so both backends match the same articles.
 */
export const MAX_INDEX_TOKENS = 16_000

/** One word/syllable as indexed and searched: normalized lower case (with diacritics) and folded. */
export interface IndexToken {
  exact: string
  folded: string
}

/** Letters, digits and marks form tokens; everything else separates them (as FTS5 unicode61 does). */
const TOKEN_RUN = /[\p{L}\p{N}\p{M}]+/gu
/** Combining marks left after NFC (non-Vietnamese scripts): FTS5 splits on them, so they are dropped. */
const MARKS = /\p{M}/gu
const HAS_MARK = /\p{M}/u

/**
 * The tokens of a text: `normalizeText` (NFC, one tone placement), lower case, runs of letters and
 * digits. The same function runs on article text and on query words, so they always agree.
 */
export function indexTokens(text: string, max = MAX_INDEX_TOKENS): IndexToken[] {
  const s = normalizeText(text).toLowerCase()
  const out: IndexToken[] = []
  // a text repeats its syllables: fold each distinct one once
  const seen = new Map<string, IndexToken>()
  for (const m of s.matchAll(TOKEN_RUN)) {
    let w = m[0]
    if (HAS_MARK.test(w)) w = w.replace(MARKS, '')
    if (w === '' || w.length > MAX_TOKEN_LENGTH) continue
    let t = seen.get(w)
    if (t === undefined) {
      t = { exact: w, folded: foldText(w) }
      seen.set(w, t)
    }
    out.push(t)
    if (out.length >= max) break
  }
  return out
}

/** Does the word carry diacritics (or đ)? Then a query word matches that exact form only. */
export const hasDiacritics = (t: IndexToken) => t.exact !== t.folded
