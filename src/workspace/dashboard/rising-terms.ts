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
 * A title's terms: per syllable bigram (stopwords removed) its folded key and its text as written,
 * flattened `[key, text, key, text, …]`, each key once.
 */
export function titleTerms(title: string, lang: string): string[] {
  const stop = stopwords(lang)
  const text = normalizeText(title)
  const words = wordsOf(text)
  // the title folded once and split alike; per word only if folding changed the word boundaries
  let folded = wordsOf(foldText(text))
  if (folded.length !== words.length) folded = words.map(foldText)
  const stopped = words.map((w) => stop.has(w.toLowerCase()))
  const out: string[] = []
  const seen = new Set<string>()
  for (let i = 0; i + 1 < words.length; i++) {
    if (stopped[i] || stopped[i + 1]) continue
    const key = `${folded[i]} ${folded[i + 1]}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(key, `${words[i]} ${words[i + 1]}`)
  }
  return out
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
  const terms = (rows: { title: string; lang: string }[]) => rows.map((r) => titleTerms(r.title, r.lang))
  return risingFromTerms(terms(current), terms(baseline), top)
}

/** `risingTerms` over titles already cut into terms (`titleTerms`), newest first. */
export function risingFromTerms(current: string[][], baseline: string[][], top = 12): RisingTerm[] {
  const cur = countTerms(current)
  const base = countTerms(baseline)
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

/** Titles counting each term, shown as the first (newest) title wrote it. */
function countTerms(titles: string[][]) {
  const counts = new Map<string, { count: number; text: string }>()
  for (const terms of titles)
    for (let i = 0; i < terms.length; i += 2) {
      const e = counts.get(terms[i]!)
      if (e === undefined) counts.set(terms[i]!, { count: 1, text: terms[i + 1]! })
      else e.count++
    }
  return counts
}

/** How long a title's terms are kept: an edited title is cut again after this at the latest. */
export const TITLE_TERMS_TTL_MS = 10 * 60_000

/**
 * Terms of titles by article id, kept for the titles the dashboard reads again and again (the
 * newest of a period and of the one before): a new article's title is read and cut once, not on
 * every recount. Oldest entries go first.
 */
export function createTitleTermsMemo(max = 30_000, ttlMs = TITLE_TERMS_TTL_MS) {
  const memo = new Map<number, { at: number; terms: string[] }>()
  return {
    /** The kept terms of an article, or undefined when they must be cut (again). */
    get(id: number, now = Date.now()): string[] | undefined {
      const e = memo.get(id)
      return e && now - e.at < ttlMs ? e.terms : undefined
    },
    /** Cuts and keeps a title's terms. */
    put(id: number, title: string, lang: string, now = Date.now()): string[] {
      const terms = titleTerms(title, lang)
      memo.delete(id)
      memo.set(id, { at: now, terms })
      if (memo.size > max) memo.delete(memo.keys().next().value!)
      return terms
    },
    get size() {
      return memo.size
    },
  }
}

export type TitleTermsMemo = ReturnType<typeof createTitleTermsMemo>
