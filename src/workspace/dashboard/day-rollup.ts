import { type Kysely, sql } from 'kysely'
import { type DialectName, vnDaySql } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import { fromVnWallClock } from '../../shared/time.js'
import { type ArticlesVersion, articlesVersion } from './dashboard-cache.js'

/** Tone bands, as the search facets draw them: below −1 negative, above +1 positive (−10…+10 scale). */
export const TONE_NEGATIVE = -1
export const TONE_POSITIVE = 1
/** How long a day's counts may be used while nothing tells they changed (deletions, rule edits). */
export const DAY_TTL_MS = 60_000
/** Days kept (custom periods reach a year back; two years of days is a few MB). */
const MAX_DAYS = 800
const DAY_MS = 86_400_000

export type Band = 'neg' | 'neu' | 'pos' | 'none'
/** Each row is for one home level (null: not analysed yet); a scope sums the levels it covers. */
export interface DayCounts {
  base: { level: string | null; band: Band; lang: string; kind: string; n: number }[]
  topics: { level: string | null; topic: string; n: number }[]
  stories: { level: string | null; story: number; source: number; n: number }[]
  places: { level: string | null; place: string; n: number }[]
}

const empty = (): DayCounts => ({ base: [], topics: [], stories: [], places: [] })
const band = sql<Band>`case when articles.tone is null then 'none' when articles.tone < ${TONE_NEGATIVE} then 'neg' when articles.tone > ${TONE_POSITIVE} then 'pos' else 'neu' end`
const count = sql<string | number>`count(*)`

/** `[from, to)` of a run of VN days, as ISO instants. */
function dayRange(first: string, last: string) {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number]
  const [y2, m2, d2] = last.split('-').map(Number) as [number, number, number]
  const from = fromVnWallClock(y, m, d).toISOString()
  const to = new Date(fromVnWallClock(y2, m2, d2).getTime() + DAY_MS).toISOString()
  return { from, to }
}

/** The counts of every day in `[from, to)`, by VN day: four grouped scans of the covering index. */
async function countDays(db: Kysely<Database>, dialect: DialectName, from: string, to: string) {
  const day = vnDaySql(dialect, 'articles.published_at')
  const inRange = db
    .selectFrom('articles')
    .where('articles.published_at', '>=', from)
    .where('articles.published_at', '<', to)
  const [base, topics, stories, places] = await Promise.all([
    inRange
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .select([
        day.as('day'),
        'articles.home_level as level',
        band.as('band'),
        'articles.lang',
        'sources.kind',
        count.as('n'),
      ])
      .groupBy([sql`1`, sql`2`, sql`3`, sql`4`, sql`5`])
      .execute(),
    inRange
      .innerJoin('article_topics', 'article_topics.article_id', 'articles.id')
      .where('article_topics.source', '=', 'rule')
      .select([day.as('day'), 'articles.home_level as level', 'article_topics.topic', count.as('n')])
      .groupBy([sql`1`, sql`2`, sql`3`])
      .execute(),
    inRange
      .where('articles.story_id', 'is not', null)
      .select([
        day.as('day'),
        'articles.home_level as level',
        'articles.story_id',
        'articles.source_id',
        count.as('n'),
      ])
      .groupBy([sql`1`, sql`2`, sql`3`, sql`4`])
      .execute(),
    inRange
      .innerJoin('article_places', 'article_places.article_id', 'articles.id')
      .select([day.as('day'), 'articles.home_level as level', 'article_places.place_id', count.as('n')])
      .groupBy([sql`1`, sql`2`, sql`3`])
      .execute(),
  ])
  const out = new Map<string, DayCounts>()
  const of = (d: string) => out.get(d) ?? out.set(d, empty()).get(d)!
  for (const r of base)
    of(r.day).base.push({ level: r.level, band: r.band, lang: r.lang, kind: r.kind, n: Number(r.n) })
  for (const r of topics) of(r.day).topics.push({ level: r.level, topic: r.topic, n: Number(r.n) })
  for (const r of stories)
    of(r.day).stories.push({ level: r.level, story: r.story_id!, source: r.source_id, n: Number(r.n) })
  for (const r of places) of(r.day).places.push({ level: r.level, place: r.place_id, n: Number(r.n) })
  return out
}

/** The VN days of the articles added or analysed since a version (through the id and analysis indexes). */
async function changedDays(
  db: Kysely<Database>,
  dialect: DialectName,
  since: ArticlesVersion,
): Promise<string[]> {
  const day = vnDaySql(dialect, 'articles.published_at')
  const rows = await db
    .selectFrom('articles')
    .select(day.as('day'))
    .distinct()
    .where((eb) => eb.or([eb('articles.id', '>', since.id), eb('articles.analyzed_at', '>', since.analyzed)]))
    .where('articles.published_at', 'is not', null)
    .execute()
  return rows.map((r) => r.day)
}

/** Consecutive runs of days (sorted `YYYY-MM-DD`), so a period is read in as few scans as possible. */
function runs(days: string[]): [string, string][] {
  const out: [string, string][] = []
  for (const d of [...days].sort()) {
    const last = out[out.length - 1]
    if (last && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${last[1]}T00:00:00Z`) === DAY_MS) last[1] = d
    else out.push([d, d])
  }
  return out
}

export type DayRollup = ReturnType<typeof createDayRollup>

/**
 * The dashboard's counts per VN day and home level, kept in memory. A request reads the data
 * version (newest article id and analysis time: two index look-ups); when it moved, only the days
 * of the articles added or analysed since are counted again, so a new article costs one day's scan,
 * not the period's. A day's counts are also counted again after `ttlMs` (what the version does not
 * see: a deleted article, an edited rule topic), after the request that found them aged, which is
 * served with them, a few days per scan. Requests are served one at a time, so concurrent requests
 * never count the same day twice.
 */
export function createDayRollup(db: Kysely<Database>, dialect: DialectName, ttlMs = DAY_TTL_MS) {
  const days = new Map<string, { at: number; counts: DayCounts }>()
  let seen: ArticlesVersion | null = null
  let chain: Promise<unknown> = Promise.resolve()
  let recounting: Promise<void> | null = null

  const put = (d: string, at: number, counts: DayCounts) => {
    days.delete(d)
    days.set(d, { at, counts })
  }

  /** Counts aged-out days again, a few days per scan, replacing only entries nothing replaced meanwhile. */
  async function recount(aged: string[]) {
    for (const [first, last] of runs(aged).flatMap(short)) {
      const was = new Map(aged.filter((d) => d >= first && d <= last).map((d) => [d, days.get(d)]))
      const at = Date.now()
      const { from, to } = dayRange(first, last)
      const counted = await countDays(db, dialect, from, to)
      for (const [d, entry] of was) if (entry && days.get(d) === entry) put(d, at, counted.get(d) ?? empty())
    }
  }

  async function refresh(wanted: readonly string[], now: number): Promise<DayCounts[]> {
    const v = await articlesVersion(db)
    if (seen && (v.id !== seen.id || v.analyzed !== seen.analyzed))
      for (const d of await changedDays(db, dialect, seen)) days.delete(d)
    seen = v
    const missing = wanted.filter((d) => !days.has(d))
    for (const [first, last] of runs(missing)) {
      const { from, to } = dayRange(first, last)
      const counted = await countDays(db, dialect, from, to)
      for (const d of missing) if (d >= first && d <= last) put(d, now, counted.get(d) ?? empty())
    }
    // days past their TTL are served as counted and counted again after this request
    const aged = wanted.filter((d) => now - days.get(d)!.at >= ttlMs)
    if (aged.length > 0 && !recounting)
      recounting = new Promise<void>((r) => setImmediate(r))
        .then(() => recount(aged))
        .catch(() => {})
        .finally(() => {
          recounting = null
        })
    while (days.size > MAX_DAYS) days.delete(days.keys().next().value!)
    return wanted.map((d) => days.get(d)?.counts ?? empty())
  }

  return {
    /** The counts of each of these VN days, in order. */
    counts(wanted: readonly string[], now = Date.now()): Promise<DayCounts[]> {
      const next = chain.then(() => refresh(wanted, now))
      chain = next.catch(() => {})
      return next
    },
    /** Resolves when no aged-out day is being counted again (tests). */
    async settled() {
      await recounting
    },
  }
}

/** Runs of at most three days: a recount in the background never holds the database long. */
function short([first, last]: [string, string]): [string, string][] {
  const out: [string, string][] = []
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 3 * DAY_MS) {
    const end = Math.min(t + 2 * DAY_MS, Date.parse(`${last}T00:00:00Z`))
    out.push([new Date(t).toISOString().slice(0, 10), new Date(end).toISOString().slice(0, 10)])
  }
  return out
}
