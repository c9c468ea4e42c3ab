import { normalizeText } from '../../text/normalize.js'
import { splitSentences } from '../../text/sentences.js'
import { tokenize } from '../../text/tokenize.js'
import { MAX_ENTRY_WORDS, type ToneLexicon } from './lexicon.js'

/** How many words back a negator still flips a hit ("không đạt được thành công" = 3 words). */
const NEGATION_WINDOW = 3
/** Negated hits are weaker than their opposite ("not bad" ≠ "good"). */
const NEGATION_FACTOR = -0.7
/** Raw sums are squashed onto −10…+10 with tanh(raw / SCALE): about five strong words saturate. */
const SCALE = 6

export interface ToneDriver {
  /** the words as written, e.g. "không thành công" */
  text: string
  weight: number
}

export interface ToneScore {
  /** −10 (very negative) … +10 (very positive), one decimal */
  score: number
  /** the words that drove the score, strongest first */
  drivers: ToneDriver[]
  hits: number
}

export interface SentenceTone extends ToneScore {
  text: string
  start: number
  end: number
}

const squash = (raw: number) => Math.round(100 * Math.tanh(raw / SCALE)) / 10

/** First words of each lexicon's entries, per lexicon object: most words start no entry and are skipped. */
const firstWordsMemo = new WeakMap<ToneLexicon, Set<string>>()
function firstWords(lex: ToneLexicon): Set<string> {
  let set = firstWordsMemo.get(lex)
  if (!set) {
    set = new Set([...lex.entries.keys()].map((k) => k.split(' ', 1)[0]!))
    firstWordsMemo.set(lex, set)
  }
  return set
}

/** Finds lexicon entries (longest first), applies negation and intensifiers, and sums. */
export function scoreText(text: string, lex: ToneLexicon): ToneScore {
  const words = tokenize(normalizeText(text))
    .filter((t) => t.kind === 'word')
    .map((t) => t.text.toLowerCase())
  const drivers: ToneDriver[] = []
  const starts = firstWords(lex)
  let raw = 0
  for (let i = 0; i < words.length; i++) {
    if (!starts.has(words[i]!)) continue
    let match = ''
    let weight = 0
    let len = 0
    for (let n = Math.min(MAX_ENTRY_WORDS, words.length - i); n >= 1; n--) {
      const cand = words.slice(i, i + n).join(' ')
      const w = lex.entries.get(cand)
      if (w !== undefined) {
        match = cand
        weight = w
        len = n
        break
      }
    }
    if (len === 0) continue
    const before = words.slice(Math.max(0, i - NEGATION_WINDOW), i)
    const negated = before.some(
      (w, k) => lex.negators.has(w) || lex.negators.has(`${w} ${before[k + 1] ?? ''}`.trim()),
    )
    const boost =
      lex.intensifiers.get(words[i - 1] ?? '') ??
      lex.intensifiers.get(`${words[i - 2] ?? ''} ${words[i - 1] ?? ''}`) ??
      1
    const w = weight * boost * (negated ? NEGATION_FACTOR : 1)
    raw += w
    drivers.push({
      text: negated ? `${before.join(' ')} ${match}`.trim() : match,
      weight: Math.round(w * 10) / 10,
    })
    i += len - 1
  }
  drivers.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
  return { score: squash(raw), drivers: drivers.slice(0, 12), hits: drivers.length }
}

/** Tone of each sentence that `mentions` selects (e.g. those naming the home locality or Viet Nam). */
export function scoreSentences(
  text: string,
  lex: ToneLexicon,
  mentions: (sentence: string) => boolean,
): SentenceTone[] {
  return splitSentences(text)
    .filter((s) => mentions(s.text))
    .map((s) => ({ ...scoreText(s.text, lex), text: s.text, start: s.start, end: s.end }))
}
