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

function countBigrams(rows: { title: string; lang: string }[]) {
  const counts = new Map<string, { count: number; text: string }>()
  for (const r of rows) {
    const stop = stopwords(r.lang)
    const words = tokenize(normalizeText(r.title))
      .filter((t) => t.kind === 'word')
      .map((t) => t.text)
    const seen = new Set<string>()
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i]!
      const b = words[i + 1]!
      if (stop.has(a.toLowerCase()) || stop.has(b.toLowerCase())) continue
      const key = `${foldText(a)} ${foldText(b)}`
      if (seen.has(key)) continue
      seen.add(key)
      const e = counts.get(key)
      if (e) e.count++
      else counts.set(key, { count: 1, text: `${a} ${b}` })
    }
  }
  return counts
}
