import { foldText } from '../../text/fold.js'
import { isStopword } from '../../text/stopwords.js'
import { tokenize } from '../../text/tokenize.js'

/** Shorter words are initials and particles, rarely a driver of a story. */
const MIN_TERM_LENGTH = 2
const ALL_DIGITS = /^\d+$/
const CAPITALISED = /^\p{Lu}/u

export interface Term {
  /** folded key: `bien dong` */
  key: string
  /** as first written, lower-cased: `biển đông` */
  label: string
}

/** A stopword in either shipped list: foreign articles quote Vietnamese and the other way round. */
const isStop = (w: string) => isStopword(w, 'vi') || isStopword(w, 'en')

const isContentWord = (w: string) => w.length >= MIN_TERM_LENGTH && !ALL_DIGITS.test(w) && !isStop(w)

/**
 * The distinct unigrams and bigrams of a text, stopwords removed. Vietnamese words are mostly two
 * syllables (`biển đông`, `ngư dân`), so a bigram of adjacent content syllables is the usual term;
 * a bigram never spans punctuation, and a bigram that is itself a stopword (`có thể`) is dropped.
 * Names are capitalised syllable by syllable (`Lý Sơn`), so a change of case between two syllables
 * (`tàu cá | Lý Sơn`) marks a word boundary, except at the start of a sentence (`Tàu cá`).
 */
export function articleTerms(text: string): Term[] {
  const out = new Map<string, string>()
  let prev: string | null = null
  let prevCapital = false
  let sentenceStart = true
  let prevAtStart = false
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') {
      prev = null
      sentenceStart = t.kind === 'punct'
      continue
    }
    const w = t.text.toLowerCase()
    const capital = CAPITALISED.test(t.text)
    const atStart = sentenceStart
    sentenceStart = false
    if (!isContentWord(w)) {
      prev = null
      continue
    }
    const key = foldText(w)
    if (!out.has(key)) out.set(key, w)
    const sameWord = capital === prevCapital || (prevAtStart && !capital)
    if (prev !== null && sameWord && !isStop(`${prev}_${w}`)) {
      const bigram = `${prev} ${w}`
      const bkey = foldText(bigram)
      if (!out.has(bkey)) out.set(bkey, bigram)
    }
    prev = w
    prevCapital = capital
    prevAtStart = atStart
  }
  return [...out].map(([key, label]) => ({ key, label }))
}
