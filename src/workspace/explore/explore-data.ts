import type { Db } from '../../db/database.js'
import {
  attentionOverTime,
  ESTIMATE_ABOVE,
  type FacetCount,
  facetCounts,
  type FacetName,
  metadataFacets,
  type TimeBucket,
} from '../../search/facets.js'
import { type SearchPage, type SearchSort, searchArticles } from '../../search/search-articles.js'
import { isAppError } from '../../shared/errors.js'
import type { ExploreCache } from './explore-cache.js'

export const PAGE_SIZE = 20
/**
 * Attention is drawn a bar per day up to this many days; longer spans a bar per week (Monday):
 * a bar per day over years is unreadable, and drawing a thousand bars costs the page about 100 ms.
 */
export const MAX_DAY_BARS = 120
export const FACETS: FacetName[] = ['source', 'country', 'lang', 'topic', 'place', 'tone']
/** Entries shown per facet. */
const FACET_LIMIT = 8

export interface HitExtras {
  topics: string[]
  places: string[]
  copies: number
}

export type ExploreResult = ExploreHits & { overview: ExploreOverview | null }

export type ExploreOutcome<T = ExploreResult> =
  | { ok: true; result: T }
  | {
      ok: false
      position: number | null
      message: string
      code: string
      reasonKey?: string | undefined
      params?: Record<string, string | number> | undefined
    }

/** What the explorer shows beside the hits: facets and attention over time (every match counted). */
export interface ExploreOverview {
  facets: Record<FacetName, FacetCount[]>
  attention: TimeBucket[]
  /** some facet or attention counts are estimated from a sample (shown as ≈) */
  approximate: boolean
}

/** One page of hits with, per hit, its topics, places and syndicated copies. */
export interface ExploreHits {
  page: SearchPage
  extras: Map<number, HitExtras>
}

/** Facets and attention of a query. Of more than `ESTIMATE_ABOVE` matches they are estimated unless `exact`. */
export async function exploreOverview(
  store: Db,
  q: string,
  opts: { timeoutMs: number; exact?: boolean },
): Promise<ExploreOverview> {
  const t = { timeoutMs: opts.timeoutMs, ...(opts.exact ? {} : { sampleAbove: ESTIMATE_ABOVE }) }
  // source, country, language and tone come from one pass over the matches; topics and places
  // (several per article) each need their own
  const [attention, meta, topic, place] = await Promise.all([
    attentionOverTime(store, q, 'day', t),
    metadataFacets(store, q, { ...t, limit: FACET_LIMIT }),
    facetCounts(store, q, 'topic', { ...t, limit: FACET_LIMIT }),
    facetCounts(store, q, 'place', { ...t, limit: FACET_LIMIT }),
  ])
  const all: Record<FacetName, FacetCount[]> = { ...meta, topic, place }
  const facets = Object.fromEntries(FACETS.map((f) => [f, all[f]])) as Record<FacetName, FacetCount[]>
  const approximate = [...attention, ...Object.values(all).flat()].some((x) => x.approximate)
  return { facets, attention: weeklyWhenLong(attention), approximate }
}

/**
 * One page of hits (sorted by relevance or date) and what each hit shows beside its snippet; the
 * number of matches is estimated above `EXACT_TOTAL_UP_TO` unless `exact`.
 */
export async function exploreHits(
  store: Db,
  q: string,
  opts: { sort: SearchSort; page: number; timeoutMs: number; exact?: boolean },
): Promise<ExploreHits> {
  const page = await searchArticles(store, q, {
    timeoutMs: opts.timeoutMs,
    exactTotal: opts.exact === true,
    sort: opts.sort,
    limit: PAGE_SIZE,
    offset: (opts.page - 1) * PAGE_SIZE,
  })
  return {
    page,
    extras: await hitExtras(
      store,
      page.hits.map((h) => h.id),
    ),
  }
}

export type ExploreOptions = { sort: SearchSort; page: number; timeoutMs: number; exact?: boolean }

/**
 * Everything the explorer shows for a query: one page of hits, per hit its topics, places and
 * syndicated copies, and the overview (facets, attention over time), through the caches when given
 * (`explore-cache.ts`). With `overview: 'if-ready'` the overview is only given when it is kept
 * already (null otherwise: the page loads it after, `exploreOverviewOutcome`), so the page waits
 * for one page of hits, not for counting every match. Syntax errors and timeouts come back as
 * values (with the position), so the page can keep the user's text and point at the problem.
 */
export async function explore(
  store: Db,
  q: string,
  opts: ExploreOptions & { overview?: 'wait' | 'if-ready' },
  cache?: ExploreCache,
): Promise<ExploreOutcome<ExploreResult>> {
  try {
    const version = cache ? await cache.version() : ''
    const later = opts.overview === 'if-ready'
    const [hits, overview] = await Promise.all([
      cache ? cache.hits(q, opts, version, () => exploreHits(store, q, opts)) : exploreHits(store, q, opts),
      later
        ? (cache?.readyOverview(q, opts, version) ?? null)
        : cache
          ? cache.overview(q, opts, version, () => cache.computeOverview(q, opts))
          : exploreOverview(store, q, opts),
    ])
    return { ok: true, result: { ...hits, overview } }
  } catch (e) {
    return failure(e)
  }
}

/** The overview alone (the part of the page loaded after the hits). */
export async function exploreOverviewOutcome(
  store: Db,
  q: string,
  opts: { timeoutMs: number; exact?: boolean },
  cache?: ExploreCache,
): Promise<ExploreOutcome<ExploreOverview>> {
  try {
    const version = cache ? await cache.version() : ''
    const overview = cache
      ? await cache.overview(q, opts, version, () => cache.computeOverview(q, opts))
      : await exploreOverview(store, q, opts)
    return { ok: true, result: overview }
  } catch (e) {
    return failure(e)
  }
}

/** A refused query or a timeout as a value (with the position); anything else is thrown again. */
function failure(e: unknown): ExploreOutcome<never> {
  if (
    isAppError(e) &&
    (e.code === 'QUERY_SYNTAX' || e.code === 'QUERY_TIMEOUT' || e.code === 'INPUT_INVALID')
  ) {
    // The parser counts from 0; people count from 1.
    const position = typeof e.details.position === 'number' ? e.details.position + 1 : null
    const reason = typeof e.details.reason === 'string' ? e.details.reason : e.message
    const { reasonKey, params } = e.details
    return {
      ok: false,
      position,
      message: position ? reason : e.message,
      code: e.code,
      reasonKey: typeof reasonKey === 'string' ? reasonKey : undefined,
      params: params && typeof params === 'object' ? (params as Record<string, string | number>) : undefined,
    }
  }
  throw e
}

/** Day buckets (sorted) summed into week buckets keyed by their Monday when there are too many. */
export function weeklyWhenLong(days: TimeBucket[]): TimeBucket[] {
  if (days.length <= MAX_DAY_BARS) return days
  const weeks = new Map<string, TimeBucket>()
  for (const b of days) {
    const d = new Date(`${b.bucket}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
    const key = d.toISOString().slice(0, 10)
    const w = weeks.get(key) ?? { bucket: key, count: 0, total: 0, share: 0 }
    w.count += b.count
    w.total += b.total
    if (b.approximate) w.approximate = true
    weeks.set(key, w)
  }
  return [...weeks.values()].map((w) => ({ ...w, share: w.total === 0 ? 0 : Math.min(1, w.count / w.total) }))
}

async function hitExtras(store: Db, ids: number[]): Promise<Map<number, HitExtras>> {
  const out = new Map<number, HitExtras>(ids.map((id) => [id, { topics: [], places: [], copies: 0 }]))
  if (ids.length === 0) return out
  const [topics, places, copies] = await Promise.all([
    store.db
      .selectFrom('article_topics')
      .select(['article_id', 'topic'])
      .where('article_id', 'in', ids)
      .where('source', '!=', 'model')
      .execute(),
    store.db
      .selectFrom('article_places')
      .select(['article_id', 'name'])
      .where('article_id', 'in', ids)
      .orderBy('mentions', 'desc')
      .execute(),
    store.db
      .selectFrom('articles')
      .select(['dup_of', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('dup_of', 'in', ids)
      .groupBy('dup_of')
      .execute(),
  ])
  for (const t of topics) out.get(t.article_id)?.topics.push(t.topic)
  for (const p of places) {
    const x = out.get(p.article_id)
    if (x && x.places.length < 5) x.places.push(p.name)
  }
  for (const c of copies) {
    const x = out.get(c.dup_of ?? -1)
    if (x) x.copies = Number(c.n)
  }
  return out
}
