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
/** Everything between tokens. */
const NON_TOKEN = /[^\p{L}\p{N}\p{M}]+/gu
const SPACE = 0x20

/**
 * The tokens of a text: `normalizeText` (NFC, one tone placement), lower case, runs of letters and
 * digits. The same function runs on article text and on query words, so they always agree.
 */
export function indexTokens(text: string, max = MAX_INDEX_TOKENS): IndexToken[] {
  return tokensOfLower(normalizeText(text).toLowerCase(), max)
}

/** `indexTokens` of a text already normalized and lower-cased. */
function tokensOfLower(s: string, max: number): IndexToken[] {
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

/**
 * The tokens of a text as two space-joined strings, position for position: what the FTS5 columns
 * receive and what the tsvector literals are built from. `count` tokens; empty strings when none.
 */
export interface TokenStreams {
  readonly exact: string
  readonly folded: string
  readonly count: number
}

export const NO_TOKENS: TokenStreams = { exact: '', folded: '', count: 0 }

/**
 * `indexTokens` as streams, for a text already normalized and lower-cased (`normalizeText(t).toLowerCase()`).
 * The common case (no combining marks, no overlong token) is one regex replace, one counting pass and
 * one fold of the whole string: folding is per character, so it equals folding token by token.
 */
export function tokenStreamsOfLower(s: string, max = MAX_INDEX_TOKENS): TokenStreams {
  if (max <= 0) return NO_TOKENS
  const exact = s.replace(NON_TOKEN, ' ').trim()
  if (exact === '') return NO_TOKENS
  if (HAS_MARK.test(exact)) return streamsOf(tokensOfLower(s, max))
  let count = 1
  let start = 0
  const n = exact.length
  for (let i = 0; i < n; i++) {
    if (exact.charCodeAt(i) !== SPACE) continue
    if (i - start > MAX_TOKEN_LENGTH) return streamsOf(tokensOfLower(s, max))
    if (count === max) return cut(exact.slice(0, i), count)
    count++
    start = i + 1
  }
  if (n - start > MAX_TOKEN_LENGTH) return streamsOf(tokensOfLower(s, max))
  return cut(exact, count)
}

const cut = (exact: string, count: number): TokenStreams => ({ exact, folded: foldText(exact), count })

function streamsOf(tokens: readonly IndexToken[]): TokenStreams {
  if (tokens.length === 0) return NO_TOKENS
  let exact = tokens[0]!.exact
  let folded = tokens[0]!.folded
  for (let i = 1; i < tokens.length; i++) {
    exact += ` ${tokens[i]!.exact}`
    folded += ` ${tokens[i]!.folded}`
  }
  return { exact, folded, count: tokens.length }
}

/** Two token streams one after the other (title, then lead and body). */
export function concatStreams(a: TokenStreams, b: TokenStreams): TokenStreams {
  if (a.count === 0) return b
  if (b.count === 0) return a
  return { exact: `${a.exact} ${b.exact}`, folded: `${a.folded} ${b.folded}`, count: a.count + b.count }
}

/** Does the word carry diacritics (or đ)? Then a query word matches that exact form only. */
export const hasDiacritics = (t: IndexToken) => t.exact !== t.folded
