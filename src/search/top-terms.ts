import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { loadSegmenter } from '../text/segment/segmenter.js'
import { isStopword } from '../text/stopwords.js'
import type { QueryNode } from './query/ast.js'
import { prepareSearch } from './search-articles.js'
import { timedRows } from './timed-query.js'

/** Articles read on each side: enough for stable frequencies, small enough to segment in ~100 ms. */
export const TOP_TERMS_SAMPLE = 300
/** Characters of body read per article (titles and leads carry the vocabulary of a story). */
const BODY_CHARS = 1200
/** A term must occur in at least this many sampled matches: one article's pet phrase is not a trend. */
const MIN_DOCS = 2
/** Default baseline when none is given: this many days before the earliest sampled match. */
const DEFAULT_BASELINE_DAYS = 90

export interface TopTerm {
  /** the word, syllables joined by spaces (`biển đông`) */
  term: string
  /** sampled matching articles containing it */
  count: number
  /** sampled baseline articles containing it */
  baselineCount: number
  /** how much more frequent than in the baseline (log-ratio weighted by count; higher = more typical) */
  score: number
}

export interface TopTermsOptions {
  /** baseline period, ISO instants [from, to); default: the 90 days before the matches */
  baseline?: { from: string; to: string }
  limit?: number
  timeoutMs?: number
}

type Row = { title: string; lead: string; body: string; published_at: string }

function documentWords(rows: Row[]): Map<string, number> {
  const seg = loadSegmenter()
  const df = new Map<string, number>()
  for (const r of rows) {
    const words = new Set<string>()
    for (const w of seg.segment(`${r.title}. ${r.lead} ${r.body.slice(0, BODY_CHARS)}`)) {
      const lower = w.toLowerCase()
      if (lower.includes('_') && !isStopword(lower, 'vi') && /\p{L}/u.test(lower)) words.add(lower)
    }
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1)
  }
  return df
}

const textColumns = sql`a.title, a.lead, a.body_text as body, d.published_at`

/**
 * The multi-syllable words (from the word segmenter, stopwords removed) most typical of a query's
 * recent matches compared with a baseline period: what the coverage is talking about.
 */
export async function topTerms(
  store: Db,
  query: string | QueryNode,
  opts: TopTermsOptions = {},
): Promise<TopTerm[]> {
  const { compiled: c } = await prepareSearch(store, query)
  const matches = await timedRows<Row>(
    store,
    sql`select ${textColumns} from ${c.from} join articles a on a.id = d.article_id where ${c.where}
      order by d.published_at desc limit ${TOP_TERMS_SAMPLE}`,
    opts.timeoutMs,
  )
  if (matches.length === 0) return []
  const earliest = matches[matches.length - 1]!.published_at
  const base = opts.baseline ?? {
    from: new Date(Date.parse(earliest) - DEFAULT_BASELINE_DAYS * 86_400_000).toISOString(),
    to: earliest,
  }
  const baseline = await timedRows<Row>(
    store,
    sql`select ${textColumns} from search_docs d join articles a on a.id = d.article_id
      where d.published_at >= ${base.from} and d.published_at < ${base.to} order by d.published_at desc limit ${TOP_TERMS_SAMPLE}`,
    opts.timeoutMs,
  )
  const q = documentWords(matches)
  const b = documentWords(baseline)
  const nq = matches.length
  const nb = baseline.length
  const out: TopTerm[] = []
  for (const [w, count] of q) {
    if (count < MIN_DOCS) continue
    const baselineCount = b.get(w) ?? 0
    const ratio = Math.log((count + 0.5) / (nq + 1)) - Math.log((baselineCount + 0.5) / (nb + 1))
    if (ratio > 0) out.push({ term: w.replaceAll('_', ' '), count, baselineCount, score: count * ratio })
  }
  return out.sort((x, y) => y.score - x.score || x.term.localeCompare(y.term)).slice(0, opts.limit ?? 30)
}
