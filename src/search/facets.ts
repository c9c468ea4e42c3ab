import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { CompiledSearch } from './compile-search.js'
import type { QueryNode } from './query/ast.js'
import { prepareSearch } from './search-articles.js'
import { textMatchCount } from './text-count.js'
import { timedRows } from './timed-query.js'

/** Tone bands on the analysis scale −10…+10: the same cuts as `tone:negative|neutral|positive`. */
export const TONE_BANDS = [
  { band: 'negative', sql: sql`d.tone < -1` },
  { band: 'neutral', sql: sql`d.tone >= -1 and d.tone <= 1` },
  { band: 'positive', sql: sql`d.tone > 1` },
] as const
/** Rows returned for open-ended facets (sources, topics, places). */
export const DEFAULT_FACET_LIMIT = 20

export type Interval = 'day' | 'week' | 'month'
export interface TimeBucket {
  /** `2019-03-01` (day; week = its Monday) or `2019-03` (month), Viet Nam time */
  bucket: string
  count: number
  /** all indexed articles in the bucket */
  total: number
  /** count / total (0 when the bucket is empty) */
  share: number
  /** the count is estimated from a sample (`sampleAbove`): show it as ≈ */
  approximate?: true
}
export interface FacetCount {
  key: string
  label: string
  count: number
  /** the count is estimated from a sample (`sampleAbove`): show it as ≈ */
  approximate?: true
}

interface Opts {
  timeoutMs?: number
  /**
   * SQLite: when the words alone match more than this many articles, count every k-th of them (by
   * id) and scale, so that about `SAMPLE_ROWS` are read; the counts then carry `approximate`. Off
   * by default: spike detection and exports need exact counts, an explorer page can show "≈".
   */
  sampleAbove?: number
  /** matches a sample reads, about (default `SAMPLE_ROWS`) */
  sampleRows?: number
}

/** Matches a sampled facet reads, about: each costs a row lookup (about a microsecond). */
export const SAMPLE_ROWS = 50_000
/**
 * Where a page may show estimates (the explorer, unless the reader asks for exact counts), facets
 * and attention are sampled above this many matches: at a million articles an exact facet of a
 * word in 45 % of them joins 450,000 rows (0.7 s CPU), a sampled one about `SAMPLE_ROWS`.
 */
export const ESTIMATE_ABOVE = 100_000

/**
 * Keep one match in `step`: 1 (exact) unless sampling was asked for and the words match more
 * than `sampleAbove` articles. Systematic by id, so it follows the archive's spread over time.
 */
async function sampleStep(store: Db, c: CompiledSearch, opts: Opts): Promise<number> {
  if (opts.sampleAbove === undefined || c.sampling === undefined) return 1
  const n = await textMatchCount(store, c, opts.timeoutMs)
  return n > opts.sampleAbove ? Math.ceil(n / (opts.sampleRows ?? SAMPLE_ROWS)) : 1
}

const sampled = (c: CompiledSearch, step: number) =>
  step > 1 && c.sampling ? sql<boolean>`${c.where} and ${c.sampling.every(step)}` : c.where
const approx = (step: number) => (step > 1 ? { approximate: true as const } : {})

/** Monday of the ISO week of a `YYYY-MM-DD` day. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}
const bucketOf = (day: string, interval: Interval) =>
  interval === 'day' ? day : interval === 'week' ? weekOf(day) : day.slice(0, 7)

/** The last day (as a comparable `YYYY-MM-DD` string) of the bucket holding `day`. */
function bucketEnd(day: string, interval: Interval): string {
  if (interval === 'day') return day
  if (interval === 'month') return `${day.slice(0, 7)}-31`
  const d = new Date(`${weekOf(day)}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 6)
  return d.toISOString().slice(0, 10)
}

function rollUp(rows: { day: string; n: number | string }[], interval: Interval): Map<string, number> {
  const out = new Map<string, number>()
  for (const r of rows) {
    const b = bucketOf(r.day, interval)
    out.set(b, (out.get(b) ?? 0) + Number(r.n))
  }
  return out
}

/**
 * "Attention over time": matching articles per day, week or month (Viet Nam calendar), beside all
 * indexed articles in the same bucket and the share. Counted per day in SQL, rolled up here, so both
 * backends bucket identically. Buckets without a match but with articles are included (count 0).
 */
export async function attentionOverTime(
  store: Db,
  query: string | QueryNode,
  interval: Interval,
  opts: Opts = {},
): Promise<TimeBucket[]> {
  const { compiled: c } = await prepareSearch(store, query)
  const step = await sampleStep(store, c, opts)
  const hits = await timedRows<{ day: string; n: number | string }>(
    store,
    sql`select d.day, count(*) * ${step} as n from ${c.from} where ${sampled(c, step)} group by d.day`,
    opts.timeoutMs,
  )
  if (hits.length === 0) return []
  const days = hits.map((h) => h.day).sort()
  const from = bucketOf(days[0]!, interval)
  const to = days[days.length - 1]!
  // per-day totals are kept by triggers (migration 0311): no count over the whole archive
  const totals = await timedRows<{ day: string; n: number | string }>(
    store,
    sql`select day, n from search_day_totals where day >= ${from} and day <= ${bucketEnd(to, interval)} and n > 0`,
    opts.timeoutMs,
  )
  const counts = rollUp(hits, interval)
  const all = rollUp(totals, interval)
  return [...all.keys()]
    .sort()
    .filter((b) => b >= from && b <= bucketOf(to, interval))
    .map((bucket) => {
      const count = counts.get(bucket) ?? 0
      const total = all.get(bucket) ?? 0
      return { bucket, count, total, share: total === 0 ? 0 : Math.min(1, count / total), ...approx(step) }
    })
}

async function grouped(
  store: Db,
  query: string | QueryNode,
  key: RawBuilder<unknown>,
  join: RawBuilder<unknown> | null,
  limit: number,
  opts: Opts,
) {
  const { compiled: c } = await prepareSearch(store, query)
  const step = await sampleStep(store, c, opts)
  const rows = await timedRows<{ k: string | number | null; n: number | string }>(
    store,
    sql`select ${key} as k, count(*) * ${step} as n from ${c.from} ${join ?? sql``} where ${sampled(c, step)}
      group by 1 order by 2 desc, 1 limit ${limit}`,
    opts.timeoutMs,
  )
  return rows
    .filter((r) => r.k !== null)
    .map((r) => ({ key: String(r.k), count: Number(r.n), ...approx(step) }))
}

export type FacetName = 'source' | 'country' | 'lang' | 'topic' | 'place' | 'tone'

/**
 * Counts of matching articles by source, source country, language, topic, place or tone band, most
 * frequent first. Labels are names for sources and places, the key otherwise.
 */
export async function facetCounts(
  store: Db,
  query: string | QueryNode,
  facet: FacetName,
  opts: Opts & { limit?: number } = {},
): Promise<FacetCount[]> {
  const limit = opts.limit ?? DEFAULT_FACET_LIMIT
  switch (facet) {
    case 'source': {
      const rows = await grouped(store, query, sql`d.source_id`, null, limit, opts)
      const byId = await sourceNames(
        store,
        rows.map((r) => r.key),
      )
      return rows.map((r) => ({ ...r, label: byId.get(r.key) ?? r.key }))
    }
    case 'country':
    case 'lang':
      return (await grouped(store, query, sql.ref(`d.${facet}`), null, limit, opts)).map((r) => ({
        ...r,
        label: r.key,
      }))
    case 'topic':
      return (
        await grouped(
          store,
          query,
          sql`t.topic`,
          sql`join article_topics t on t.article_id = d.article_id`,
          limit,
          opts,
        )
      ).map((r) => ({ ...r, label: r.key }))
    case 'place': {
      const rows = await grouped(
        store,
        query,
        sql`p.place_id`,
        sql`join article_places p on p.article_id = d.article_id`,
        limit,
        opts,
      )
      // One indexed row per place for its name: grouping every mention of a common place read
      // ~100,000 rows at a million articles.
      const names = await Promise.all(
        rows.map((r) =>
          store.db
            .selectFrom('article_places')
            .select(['place_id', 'name'])
            .where('place_id', '=', r.key)
            .limit(1)
            .executeTakeFirst(),
        ),
      )
      const byId = new Map(names.flatMap((n) => (n ? [[n.place_id, n.name] as const] : [])))
      return rows.map((r) => ({ ...r, label: byId.get(r.key) ?? r.key }))
    }
    case 'tone': {
      const band = toneBandSql()
      const rows = await grouped(store, query, band, null, TONE_BANDS.length, opts)
      const estimated = rows.some((r) => r.approximate) ? { approximate: true as const } : {}
      return TONE_BANDS.map((b) => ({
        key: b.band,
        label: b.band,
        count: rows.find((r) => r.key === b.band)?.count ?? 0,
        ...estimated,
      }))
    }
  }
}

const toneBandSql = () =>
  sql`case ${sql.join(
    TONE_BANDS.map((b) => sql`when ${b.sql} then ${b.band}`),
    sql` `,
  )} end`

export type MetadataFacet = 'source' | 'country' | 'lang' | 'tone'

/**
 * The four one-value-per-article facets (source, country, language, tone band) from one pass over
 * the matches instead of four: grouped by all four keys in SQL (a few thousand groups at most, as a
 * source has one country), summed per facet here. Same counts, order and labels as `facetCounts`.
 */
export async function metadataFacets(
  store: Db,
  query: string | QueryNode,
  opts: Opts & { limit?: number } = {},
): Promise<Record<MetadataFacet, FacetCount[]>> {
  const limit = opts.limit ?? DEFAULT_FACET_LIMIT
  const { compiled: c } = await prepareSearch(store, query)
  const step = await sampleStep(store, c, opts)
  const rows = await timedRows<{
    s: number | string | null
    c: string | null
    l: string | null
    b: string | null
    n: number | string
  }>(
    store,
    sql`select d.source_id as s, d.country as c, d.lang as l, ${toneBandSql()} as b, count(*) * ${step} as n
      from ${c.from} where ${sampled(c, step)} group by 1, 2, 3, 4`,
    opts.timeoutMs,
  )
  const sums = { s: new Map<string, number>(), c: new Map<string, number>(), l: new Map<string, number>() }
  const bands = new Map<string, number>()
  for (const r of rows) {
    const n = Number(r.n)
    for (const k of ['s', 'c', 'l'] as const) {
      const key = r[k]
      if (key !== null) sums[k].set(String(key), (sums[k].get(String(key)) ?? 0) + n)
    }
    if (r.b !== null) bands.set(r.b, (bands.get(r.b) ?? 0) + n)
  }
  const est = approx(step)
  // most frequent first, ties by key as SQL orders them (source ids as numbers)
  const top = (m: Map<string, number>, numeric: boolean) =>
    [...m]
      .sort((a, b) =>
        b[1] !== a[1]
          ? b[1] - a[1]
          : numeric
            ? Number(a[0]) - Number(b[0])
            : a[0] < b[0]
              ? -1
              : a[0] > b[0]
                ? 1
                : 0,
      )
      .slice(0, limit)
  const sources = top(sums.s, true)
  const byId = await sourceNames(
    store,
    sources.map(([k]) => k),
  )
  const plain = (m: Map<string, number>) =>
    top(m, false).map(([key, count]) => ({ key, label: key, count, ...est }))
  const toneEst = rows.length > 0 ? est : {}
  return {
    source: sources.map(([key, count]) => ({ key, label: byId.get(key) ?? key, count, ...est })),
    country: plain(sums.c),
    lang: plain(sums.l),
    tone: TONE_BANDS.map((b) => ({ key: b.band, label: b.band, count: bands.get(b.band) ?? 0, ...toneEst })),
  }
}

/** Source names by id (as facet keys: the id as text), in one look-up. */
async function sourceNames(store: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await store.db
    .selectFrom('sources')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      ids.map((k) => Number(k)),
    )
    .execute()
  return new Map(rows.map((n) => [String(n.id), n.name]))
}
