import { foldText } from '../text/fold.js'
import { normalizeText } from '../text/normalize.js'
import { type Token, tokenize } from '../text/tokenize.js'

/** Story terms read only the opening of the body: the event is stated first (inverted pyramid). */
export const STORY_BODY_CHARS = 1500

/** Lowercase words of a text, and the same folded (no diacritics, đ → d). */
export interface Words {
  words: string[]
  folded: string[]
}

/**
 * An article tokenized once for every stage that reads words: office topics (words and numbers of
 * title, lead and body), tone (words of the three) and story terms (words of title, lead and the
 * opening of the body). Each field is normalized and tokenized once; the tokens equal those of the
 * stages' own `tokenize(normalizeText(…))` over `title\nlead\nbody` (fields never share a token).
 */
export interface ArticleWords {
  /** words and numbers, lowercased, of title, lead and body in order (office topics) */
  terms: Words
  /** where the title's and the lead's terms end in `terms` */
  termFieldEnds: [number, number]
  /** words only (no numbers), lowercased, of title, lead and body (article tone) */
  toneWords: string[]
  title: Words
  lead: Words
  /** words of the first STORY_BODY_CHARS characters of the body as written */
  bodyStart: Words
}

/** Folded forms by word: most words of an article were seen before. Cleared when full. */
const FOLD_MEMO_SIZE = 200_000
const foldMemo = new Map<string, string>()

export function foldWord(w: string): string {
  let f = foldMemo.get(w)
  if (f === undefined) {
    if (foldMemo.size >= FOLD_MEMO_SIZE) foldMemo.clear()
    f = foldText(w)
    foldMemo.set(w, f)
  }
  return f
}

const COMBINING_MARK = /[\u0300-\u036f]/

/**
 * Lowercase and folded forms of a text's tokens. When lowercasing and folding the whole text keep one
 * character per character (no combining marks, no `İ`, no `Σ`, whose lowercase depends on what
 * follows), a token's forms are slices of the whole text's, which is much cheaper than per token
 * and gives the same strings; otherwise each token is lowercased and folded on its own.
 */
function caseForms(text: string): { lower: (t: Token) => string; fold: (t: Token, lower: string) => string } {
  const lower = text.toLowerCase()
  if (lower.length === text.length && !text.includes('\u03a3') && !COMBINING_MARK.test(text)) {
    const folded = foldText(lower)
    if (folded.length === text.length)
      return { lower: (t) => lower.slice(t.start, t.end), fold: (t) => folded.slice(t.start, t.end) }
    return { lower: (t) => lower.slice(t.start, t.end), fold: (_, w) => foldWord(w) }
  }
  return { lower: (t) => t.text.toLowerCase(), fold: (_, w) => foldWord(w) }
}

const wordsOf = (tokens: Token[], forms: ReturnType<typeof caseForms>): Words => {
  const words: string[] = []
  const folded: string[] = []
  for (const t of tokens) {
    if (t.kind === 'word') {
      const w = forms.lower(t)
      words.push(w)
      folded.push(forms.fold(t, w))
    }
  }
  return { words, folded }
}

interface Field {
  text: string
  tokens: Token[]
  forms: ReturnType<typeof caseForms>
}

const field = (raw: string): Field => {
  const text = normalizeText(raw)
  return { text, tokens: tokenize(text), forms: caseForms(text) }
}

/**
 * Words of `normalizeText(body.slice(0, STORY_BODY_CHARS))`, taken from the whole body's when that
 * normalized opening is a prefix of the normalized body (the usual case): tokens ending inside it are
 * the same, and only a token cut at its end is tokenized again (offsets kept in the body's, so its
 * lowercase and folded slices are those of the cut word).
 */
function openingWords(body: string, whole: Field, words: Words, wordEnds: number[]): Words {
  if (body.length <= STORY_BODY_CHARS) return words
  const opening = normalizeText(body.slice(0, STORY_BODY_CHARS))
  if (!whole.text.startsWith(opening)) return wordsOf(tokenize(opening), caseForms(opening))
  const end = opening.length
  let n = 0
  while (n < wordEnds.length && wordEnds[n]! <= end) n++
  const out: Words = { words: words.words.slice(0, n), folded: words.folded.slice(0, n) }
  const cut = whole.tokens.find((t) => t.end > end)
  if (cut && cut.start < end) {
    for (const u of tokenize(opening.slice(cut.start))) {
      if (u.kind !== 'word') continue
      const t = { ...u, start: u.start + cut.start, end: u.end + cut.start }
      const w = whole.forms.lower(t)
      out.words.push(w)
      out.folded.push(whole.forms.fold(t, w))
    }
  }
  return out
}

export function articleWords(a: { title: string; lead: string; body: string }): ArticleWords {
  const fields = [field(a.title), field(a.lead), field(a.body)]
  const terms: Words = { words: [], folded: [] }
  const toneWords: string[] = []
  const ends: number[] = []
  const own: Words[] = []
  const bodyWordEnds: number[] = []
  for (const [k, f] of fields.entries()) {
    const mine: Words = { words: [], folded: [] }
    for (const t of f.tokens) {
      if (t.kind !== 'word' && t.kind !== 'number') continue
      const w = f.forms.lower(t)
      const folded = f.forms.fold(t, w)
      terms.words.push(w)
      terms.folded.push(folded)
      if (t.kind === 'word') {
        toneWords.push(w)
        mine.words.push(w)
        mine.folded.push(folded)
        if (k === 2) bodyWordEnds.push(t.end)
      }
    }
    ends.push(terms.words.length)
    own.push(mine)
  }
  return {
    terms,
    termFieldEnds: [ends[0]!, ends[1]!],
    toneWords,
    title: own[0]!,
    lead: own[1]!,
    bodyStart: openingWords(a.body, fields[2]!, own[2]!, bodyWordEnds),
  }
}
