import { foldText } from '../../text/fold.js'
import { normalizeText } from '../../text/normalize.js'
import { stopwords } from '../../text/stopwords.js'
import { tokenize } from '../../text/tokenize.js'

/** A term must appear this often in the period to be called rising (noise floor for small offices). */
const MIN_COUNT = 3
/** Laplace smoothing of the baseline, so a term new this period gets a finite lift. */
const SMOOTHING = 1

export interface RisingTerm {
  term: string
  count: number
  baseline: number
  lift: number
}

/**
 * Multi-syllable terms (syllable bigrams, stopwords removed) that appear more in the period's
 * titles than in the baseline's, ranked by smoothed lift weighted by volume.
 */
export function risingTerms(
  current: { title: string; lang: string }[],
  baseline: { title: string; lang: string }[],
  top = 12,
): RisingTerm[] {
  const cur = countBigrams(current)
  const base = countBigrams(baseline)
  const scale = Math.max(1, current.length) / Math.max(1, baseline.length)
  const out: RisingTerm[] = []
  for (const [key, { count, text }] of cur) {
    if (count < MIN_COUNT) continue
    const b = base.get(key)?.count ?? 0
    const lift = (count + SMOOTHING) / (b * scale + SMOOTHING)
    if (lift > 1.5) out.push({ term: text, count, baseline: b, lift: Math.round(lift * 10) / 10 })
  }
  return out.sort((x, y) => y.lift * Math.log(1 + y.count) - x.lift * Math.log(1 + x.count)).slice(0, top)
}

function wordsOf(text: string): string[] {
  const words: string[] = []
  for (const t of tokenize(text)) if (t.kind === 'word') words.push(t.text)
  return words
}

function countBigrams(rows: { title: string; lang: string }[]) {
  // `row` marks the last title that counted the term: a term counts once per title, without a set per title
  const counts = new Map<string, { count: number; text: string; row: number }>()
  for (let row = 0; row < rows.length; row++) {
    const r = rows[row]!
    const stop = stopwords(r.lang)
    const text = normalizeText(r.title)
    const words = wordsOf(text)
    // the title folded once and split alike; per word only if folding changed the word boundaries
    let folded = wordsOf(foldText(text))
    if (folded.length !== words.length) folded = words.map(foldText)
    const stopped = words.map((w) => stop.has(w.toLowerCase()))
    for (let i = 0; i + 1 < words.length; i++) {
      if (stopped[i] || stopped[i + 1]) continue
      const key = `${folded[i]} ${folded[i + 1]}`
      const e = counts.get(key)
      if (e === undefined) counts.set(key, { count: 1, text: `${words[i]} ${words[i + 1]}`, row })
      else if (e.row !== row) {
        e.count++
        e.row = row
      }
    }
  }
  return counts
}
