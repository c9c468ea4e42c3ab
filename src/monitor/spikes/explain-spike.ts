import { articleTerms } from './article-terms.js'

/** What the explanation needs to know about one matching article. */
export interface ArticleFacts {
  id: number
  /** outlet name */
  source: string
  title: string
  lead: string
  places: readonly { id: string; name: string }[]
  story: { id: number; title: string } | null
}

export interface Driver {
  key: string
  label: string
  /** articles on the judged day(s) with this feature */
  current: number
  /** articles in the baseline window with it */
  baseline: number
  /** articles expected on the judged day(s) from the baseline rate */
  expected: number
  /** (current + ½) / (expected + ½): smoothed so a feature new today does not divide by zero */
  lift: number
}

export interface SpikeExplanation {
  articles: number
  baselineArticles: number
  outlets: Driver[]
  terms: Driver[]
  places: Driver[]
  stories: Driver[]
}

export const EXPLAIN_DEFAULTS = {
  /** drivers listed per kind: what fits in an e-mail bullet */
  top: 5,
  /** a term in a single article is that article's wording, not a driver */
  minTermArticles: 2,
  /** a unigram is left out when a listed bigram holds it in nearly as many articles (`biển` in `biển đông`) */
  subsumeShare: 0.8,
  baselineDays: 28,
  currentDays: 1,
} as const

type Counter = Map<string, { label: string; current: number; baseline: number }>

function count(into: Counter, features: Iterable<[string, string]>, side: 'current' | 'baseline') {
  for (const [key, label] of features) {
    const c = into.get(key) ?? { label, current: 0, baseline: 0 }
    c[side] += 1
    into.set(key, c)
  }
}

/** Features with more articles than the baseline rate predicts, by excess (current − expected). */
function rank(counter: Counter, scale: number, minCurrent: number): Driver[] {
  const out: Driver[] = []
  for (const [key, c] of counter) {
    const expected = c.baseline * scale
    if (c.current < minCurrent || c.current <= expected) continue
    const lift = (c.current + 0.5) / (expected + 0.5)
    out.push({ key, label: c.label, current: c.current, baseline: c.baseline, expected, lift })
  }
  return out.sort(
    (a, b) =>
      b.current - b.expected - (a.current - a.expected) || b.lift - a.lift || (a.key < b.key ? -1 : 1),
  )
}

/**
 * Says what drives a spike: the outlets, terms (unigrams and bigrams, folded, stopwords removed),
 * places and stories with more of the judged day's articles than the baseline window predicts.
 * `baseline` covers `baselineDays` days and `current` covers `currentDays`.
 */
export function explainSpike(
  current: readonly ArticleFacts[],
  baseline: readonly ArticleFacts[],
  opts: Partial<{ top: number; baselineDays: number; currentDays: number }> = {},
): SpikeExplanation {
  const o = { ...EXPLAIN_DEFAULTS, ...opts }
  const scale = o.currentDays / o.baselineDays
  const counters = { outlets: new Map(), terms: new Map(), places: new Map(), stories: new Map() } as Record<
    'outlets' | 'terms' | 'places' | 'stories',
    Counter
  >
  for (const [list, side] of [
    [current, 'current'],
    [baseline, 'baseline'],
  ] as const) {
    for (const a of list) {
      count(counters.outlets, [[a.source, a.source]], side)
      count(
        counters.terms,
        articleTerms(`${a.title}. ${a.lead}`).map((t) => [t.key, t.label]),
        side,
      )
      count(counters.places, new Map(a.places.map((p) => [p.id, p.name])), side)
      if (a.story) count(counters.stories, [[String(a.story.id), a.story.title]], side)
    }
  }
  return {
    articles: current.length,
    baselineArticles: baseline.length,
    outlets: rank(counters.outlets, scale, 1).slice(0, o.top),
    terms: dropSubsumed(rank(counters.terms, scale, EXPLAIN_DEFAULTS.minTermArticles)).slice(0, o.top),
    places: rank(counters.places, scale, 1).slice(0, o.top),
    stories: rank(counters.stories, scale, 1).slice(0, o.top),
  }
}

function dropSubsumed(terms: Driver[]): Driver[] {
  const bigrams = terms.filter((t) => t.key.includes(' '))
  return terms.filter(
    (t) =>
      t.key.includes(' ') ||
      !bigrams.some(
        (b) => b.key.split(' ').includes(t.key) && b.current >= t.current * EXPLAIN_DEFAULTS.subsumeShare,
      ),
  )
}
