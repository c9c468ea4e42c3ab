import { type Kysely, sql } from 'kysely'
import type { DialectName } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import { type Band, createDayRollup, type DayCounts, type DayRollup } from './day-rollup.js'
import type { Period, ScopeKey } from './period.js'
import type { TitleTermsMemo } from './rising-terms.js'

export { TONE_NEGATIVE, TONE_POSITIVE } from './day-rollup.js'

const TOP_N = 10

export interface DashboardData {
  total: number
  byDayTone: { day: string; band: Band; n: number }[]
  byDayTopic: { day: string; topic: string; n: number }[]
  byDayKind: { day: string; kind: string; n: number }[]
  byLang: { lang: string; n: number }[]
  foreign: { total: number; negative: number }
  topStories: { id: number; title: string; articles: number; outlets: number }[]
  topPlaces: { placeId: string; name: string; articles: number }[]
}

/** Articles of the period within the scope: the base of the per-article panels. */
function scoped(db: Kysely<Database>, p: Pick<Period, 'from' | 'to'>, scope: ScopeKey) {
  let q = db
    .selectFrom('articles')
    .where('articles.published_at', '>=', p.from)
    .where('articles.published_at', '<', p.to)
  if (scope === 'province') q = q.where('articles.home_level', 'in', ['province', 'commune'])
  if (scope === 'commune') q = q.where('articles.home_level', '=', 'commune')
  return q
}

/** Whether a home level belongs to a scope (country: every article, analysed or not). */
const inScope = (scope: ScopeKey) =>
  scope === 'country'
    ? () => true
    : scope === 'province'
      ? (level: string | null) => level === 'province' || level === 'commune'
      : (level: string | null) => level === 'commune'

/** Adds n to the entry of `key`, made by `make` the first time. */
function bump<T extends { n: number }>(m: Map<string, T>, key: string, make: () => T, n: number) {
  const e = m.get(key)
  if (e) e.n += n
  else m.set(key, { ...make(), n })
}

type StoryTally = Map<number, { articles: number; sources: Set<number> }>

/** Sums the per-day counts of a scope along each panel's dimensions. */
function sumDays(days: readonly string[], counts: readonly DayCounts[], scope: ScopeKey) {
  const keep = inScope(scope)
  const tone = new Map<string, DashboardData['byDayTone'][number]>()
  const kind = new Map<string, DashboardData['byDayKind'][number]>()
  const topic = new Map<string, DashboardData['byDayTopic'][number]>()
  const lang = new Map<string, number>()
  const foreign = { total: 0, negative: 0 }
  const stories: StoryTally = new Map()
  const places = new Map<string, number>()
  let total = 0
  days.forEach((day, i) => {
    const c = counts[i]!
    for (const r of c.base) {
      if (!keep(r.level)) continue
      total += r.n
      bump(tone, `${day}|${r.band}`, () => ({ day, band: r.band, n: 0 }), r.n)
      bump(kind, `${day}|${r.kind}`, () => ({ day, kind: r.kind, n: 0 }), r.n)
      lang.set(r.lang, (lang.get(r.lang) ?? 0) + r.n)
      if (r.kind === 'foreign') {
        foreign.total += r.n
        if (r.band === 'neg') foreign.negative += r.n
      }
    }
    for (const r of c.topics)
      if (keep(r.level)) bump(topic, `${day}|${r.topic}`, () => ({ day, topic: r.topic, n: 0 }), r.n)
    for (const r of c.stories) {
      if (!keep(r.level)) continue
      const s = stories.get(r.story) ?? { articles: 0, sources: new Set<number>() }
      s.articles += r.n
      s.sources.add(r.source)
      stories.set(r.story, s)
    }
    for (const r of c.places) if (keep(r.level)) places.set(r.place, (places.get(r.place) ?? 0) + r.n)
  })
  return { total, tone, kind, topic, lang, foreign, stories, places }
}

/**
 * Every aggregate of the dashboard, summed from the per-day counts (`day-rollup.ts`: the period's
 * days are counted once, then only the days that changed): the total, the tone, kind and language
 * charts and the foreign-negative share from the day × home level × tone band × language × source
 * kind counts; topics, stories and places from their own per-day counts. Without a roll-up the
 * period is counted afresh.
 */
export async function dashboardData(
  db: Kysely<Database>,
  dialect: DialectName,
  p: Period,
  scope: ScopeKey,
  rollup: DayRollup = createDayRollup(db, dialect),
): Promise<DashboardData> {
  const s = sumDays(p.days, await rollup.counts(p.days), scope)
  const [topStories, topPlaces] = await Promise.all([storyTitles(db, s.stories), placeNames(db, s.places)])
  return {
    total: s.total,
    byDayTone: [...s.tone.values()],
    byDayKind: [...s.kind.values()],
    byDayTopic: [...s.topic.values()],
    byLang: [...s.lang]
      .map(([l, n]) => ({ lang: l, n }))
      .sort((a, b) => b.n - a.n || a.lang.localeCompare(b.lang)),
    foreign: s.foreign,
    topStories,
    topPlaces,
  }
}

/** The ten stories told by the most outlets (then the most articles), with their titles. */
async function storyTitles(db: Kysely<Database>, stories: StoryTally) {
  const ranked = [...stories]
    .map(([id, s]) => ({ id, articles: s.articles, outlets: s.sources.size }))
    .sort((a, b) => b.outlets - a.outlets || b.articles - a.articles || a.id - b.id)
  const out: DashboardData['topStories'] = []
  // a story row that is gone is skipped, as the join to stories did
  for (let i = 0; i < ranked.length && out.length < TOP_N; i += TOP_N) {
    const batch = ranked.slice(i, i + TOP_N)
    const rows = await db
      .selectFrom('stories')
      .select(['id', 'title'])
      .where(
        'id',
        'in',
        batch.map((s) => s.id),
      )
      .execute()
    const titles = new Map(rows.map((r) => [r.id, r.title]))
    for (const s of batch) {
      const title = titles.get(s.id)
      if (title !== undefined && out.length < TOP_N) out.push({ ...s, title })
    }
  }
  return out
}

/** The ten places with the most articles, each with the name it was found under (one row each). */
async function placeNames(db: Kysely<Database>, places: Map<string, number>) {
  const top = [...places]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP_N)
  return Promise.all(
    top.map(async ([placeId, articles]) => {
      const named = await db
        .selectFrom('article_places')
        .select('name')
        .where('place_id', '=', placeId)
        .limit(1)
        .executeTakeFirst()
      return { placeId, name: named?.name ?? placeId, articles }
    }),
  )
}

/**
 * The terms of the newest titles of a period (for rising terms), newest first. The ids come from
 * the covering period index; only the titles the memo does not hold are read and cut.
 */
export async function recentTitleTerms(
  db: Kysely<Database>,
  p: Pick<Period, 'from' | 'to'>,
  scope: ScopeKey,
  memo: TitleTermsMemo,
  limit = 5000,
): Promise<string[][]> {
  const rows = await scoped(db, p, scope)
    .select(['articles.id', 'articles.lang'])
    .orderBy('articles.published_at', 'desc')
    .limit(limit)
    .execute()
  const now = Date.now()
  const missing = rows.filter((r) => memo.get(r.id, now) === undefined)
  for (let i = 0; i < missing.length; i += 500) {
    const chunk = missing.slice(i, i + 500)
    const titles = await db
      .selectFrom('articles')
      .select(['id', 'title'])
      .where(
        'id',
        'in',
        chunk.map((r) => r.id),
      )
      .execute()
    const byId = new Map(titles.map((t) => [t.id, t.title]))
    for (const r of chunk) memo.put(r.id, byId.get(r.id) ?? '', r.lang, now)
  }
  return rows.map((r) => memo.get(r.id, now) ?? [])
}

/** Newest articles on a sensitive topic since a moment (the watchlist panel's "new since last visit"), each once. */
export async function newSensitive(db: Kysely<Database>, since: string, limit = 15) {
  const rows = await db
    .selectFrom('article_topics')
    .innerJoin('articles', 'articles.id', 'article_topics.article_id')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .select([
      'articles.id',
      'articles.title',
      'articles.published_at',
      'articles.tone',
      'article_topics.topic',
      'sources.name as source_name',
      'sources.kind',
    ])
    .where('article_topics.topic', 'like', 'sensitive.%')
    .where('articles.fetched_at', '>', since)
    // through the fetched-at index (few articles are new since a visit), then sorted: ordering by the
    // bare column would make SQLite walk the date index and read every article to test fetched_at
    .orderBy(sql`coalesce(articles.published_at, '')`, 'desc')
    .limit(limit * 6)
    .execute()
  // An article on several sensitive topics comes once per topic: keep it once, with all its topics.
  const byId = new Map<number, (typeof rows)[number] & { topics: string[] }>()
  for (const r of rows) {
    const seen = byId.get(r.id)
    if (seen) seen.topics.push(r.topic)
    else byId.set(r.id, { ...r, topics: [r.topic] })
  }
  return [...byId.values()].slice(0, limit)
}
