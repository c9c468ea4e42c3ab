import { foldText } from '../../text/fold.js'
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

/**
 * For each first word of the lexicon's entries, the most words an entry starting with it has; per
 * lexicon object. Most words start no entry and are skipped; the others try only lengths that exist.
 */
const firstWordsMemo = new WeakMap<ToneLexicon, Map<string, number>>()
function firstWords(lex: ToneLexicon): Map<string, number> {
  let map = firstWordsMemo.get(lex)
  if (!map) {
    map = new Map()
    for (const k of lex.entries.keys()) {
      const parts = k.split(' ')
      map.set(parts[0]!, Math.max(map.get(parts[0]!) ?? 0, parts.length))
    }
    firstWordsMemo.set(lex, map)
  }
  return map
}

/** Finds lexicon entries (longest first), applies negation and intensifiers, and sums. */
export function scoreText(text: string, lex: ToneLexicon): ToneScore {
  const words = tokenize(normalizeText(text))
    .filter((t) => t.kind === 'word')
    .map((t) => t.text.toLowerCase())
  return scoreWords(words, lex)
}

/** The same over words already split and lowercased (normalized text, word tokens only). */
export function scoreWords(words: string[], lex: ToneLexicon): ToneScore {
  const drivers: ToneDriver[] = []
  const starts = firstWords(lex)
  let raw = 0
  for (let i = 0; i < words.length; i++) {
    const longest = starts.get(words[i]!)
    if (longest === undefined) continue
    let match = ''
    let weight = 0
    let len = 0
    for (let n = Math.min(MAX_ENTRY_WORDS, longest, words.length - i); n >= 1; n--) {
      let cand = words[i]!
      for (let k = 1; k < n; k++) cand += ` ${words[i + k]!}`
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

const COMBINING_MARK = /[\u0300-\u036f]/

/**
 * Tone of the sentences naming one of `names` (folded: `dak lak`, `viet nam`), as
 * `scoreSentences(text, lex, s => names.some(n => foldText(s).includes(n)))` gives, cheaper: a text
 * naming none has no such sentence, and when folding keeps one character per character (no combining
 * marks) only the paragraphs holding a name are split into sentences (a line break always ends one).
 */
export function scoreSentencesNaming(text: string, lex: ToneLexicon, names: string[]): SentenceTone[] {
  const folded = foldText(text)
  if (!names.some((n) => folded.includes(n))) return []
  const mentions = (s: string) => {
    const f = foldText(s)
    return names.some((n) => f.includes(n))
  }
  if (folded.length !== text.length || COMBINING_MARK.test(text)) return scoreSentences(text, lex, mentions)
  const out: SentenceTone[] = []
  let from = 0
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10
    if (c !== 10 && c !== 13 && c !== 0x2029) continue
    const named = names.some((n) => {
      const k = folded.indexOf(n, from)
      return k >= 0 && k + n.length <= i
    })
    if (named) {
      for (const s of splitSentences(text.slice(from, i))) {
        if (mentions(s.text))
          out.push({ ...scoreText(s.text, lex), text: s.text, start: s.start + from, end: s.end + from })
      }
    }
    from = i + 1
  }
  return out
}
