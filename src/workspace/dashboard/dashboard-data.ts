import { type Kysely, sql } from 'kysely'
import { type DialectName, vnDaySql } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import type { Period, ScopeKey } from './period.js'

/** Tone bands, as the search facets draw them: below −1 negative, above +1 positive (−10…+10 scale). */
export const TONE_NEGATIVE = -1
export const TONE_POSITIVE = 1
const TOP_N = 10

export interface DashboardData {
  total: number
  byDayTone: { day: string; band: 'neg' | 'neu' | 'pos' | 'none'; n: number }[]
  byDayTopic: { day: string; topic: string; n: number }[]
  byDayKind: { day: string; kind: string; n: number }[]
  byLang: { lang: string; n: number }[]
  foreign: { total: number; negative: number }
  topStories: { id: number; title: string; articles: number; outlets: number }[]
  topPlaces: { placeId: string; name: string; articles: number }[]
}

/** Articles of the period within the scope: the base of every panel. */
function scoped(db: Kysely<Database>, p: Pick<Period, 'from' | 'to'>, scope: ScopeKey) {
  let q = db
    .selectFrom('articles')
    .where('articles.published_at', '>=', p.from)
    .where('articles.published_at', '<', p.to)
  if (scope === 'province') q = q.where('articles.home_level', 'in', ['province', 'commune'])
  if (scope === 'commune') q = q.where('articles.home_level', '=', 'commune')
  return q
}

const count = sql<string | number>`count(*)`
const band = sql<
  'neg' | 'neu' | 'pos' | 'none'
>`case when articles.tone is null then 'none' when articles.tone < ${TONE_NEGATIVE} then 'neg' when articles.tone > ${TONE_POSITIVE} then 'pos' else 'neu' end`

interface BaseRow {
  day: string
  band: 'neg' | 'neu' | 'pos' | 'none'
  lang: string
  kind: string
  n: string | number
}

/**
 * Every aggregate of the dashboard. One grouped scan (day × tone band × language × source kind) gives
 * the total, the tone, kind and language charts and the foreign-negative share; topics, stories and
 * places join their tables. The period's articles are read from one covering index (migration 0430).
 */
export async function dashboardData(
  db: Kysely<Database>,
  dialect: DialectName,
  p: Period,
  scope: ScopeKey,
): Promise<DashboardData> {
  const day = vnDaySql(dialect, 'articles.published_at')
  const [base, topic, stories, places] = await Promise.all([
    scoped(db, p, scope)
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .select([day.as('day'), band.as('band'), 'articles.lang', 'sources.kind', count.as('n')])
      .groupBy([sql`1`, sql`2`, sql`3`, sql`4`])
      .execute() as Promise<BaseRow[]>,
    scoped(db, p, scope)
      .innerJoin('article_topics', 'article_topics.article_id', 'articles.id')
      .where('article_topics.source', '=', 'rule')
      .select([day.as('day'), 'article_topics.topic', count.as('n')])
      .groupBy([sql`1`, sql`2`])
      .execute(),
    scoped(db, p, scope)
      .innerJoin('stories', 'stories.id', 'articles.story_id')
      .select([
        'stories.id',
        'stories.title',
        count.as('articles'),
        sql<string | number>`count(distinct articles.source_id)`.as('outlets'),
      ])
      .groupBy(['stories.id', 'stories.title'])
      .orderBy(sql`count(distinct articles.source_id)`, 'desc')
      .orderBy(count, 'desc')
      .limit(TOP_N)
      .execute(),
    // counted from the (article, place) key alone; the ten names are looked up after
    scoped(db, p, scope)
      .innerJoin('article_places', 'article_places.article_id', 'articles.id')
      .select(['article_places.place_id', count.as('articles')])
      .groupBy('article_places.place_id')
      .orderBy(count, 'desc')
      .orderBy('article_places.place_id')
      .limit(TOP_N)
      .execute()
      .then((rows) => withPlaceNames(db, rows)),
  ])
  return {
    ...fromBase(base),
    byDayTopic: topic.map((r) => ({ day: r.day, topic: r.topic, n: Number(r.n) })),
    topStories: stories.map((r) => ({
      id: r.id,
      title: r.title,
      articles: Number(r.articles),
      outlets: Number(r.outlets),
    })),
    topPlaces: places,
  }
}

/** The name each top place was found under (one row each, by the place index). */
async function withPlaceNames(db: Kysely<Database>, rows: { place_id: string; articles: string | number }[]) {
  return Promise.all(
    rows.map(async (r) => {
      const named = await db
        .selectFrom('article_places')
        .select('name')
        .where('place_id', '=', r.place_id)
        .limit(1)
        .executeTakeFirst()
      return { placeId: r.place_id, name: named?.name ?? r.place_id, articles: Number(r.articles) }
    }),
  )
}

/** Sums the grouped scan along each panel's dimensions. */
function fromBase(rows: BaseRow[]) {
  const tone = new Map<string, DashboardData['byDayTone'][number]>()
  const kind = new Map<string, DashboardData['byDayKind'][number]>()
  const lang = new Map<string, number>()
  const foreign = { total: 0, negative: 0 }
  let total = 0
  for (const r of rows) {
    const n = Number(r.n)
    total += n
    const t = tone.get(`${r.day}|${r.band}`) ?? { day: r.day, band: r.band, n: 0 }
    t.n += n
    tone.set(`${r.day}|${r.band}`, t)
    const k = kind.get(`${r.day}|${r.kind}`) ?? { day: r.day, kind: r.kind, n: 0 }
    k.n += n
    kind.set(`${r.day}|${r.kind}`, k)
    lang.set(r.lang, (lang.get(r.lang) ?? 0) + n)
    if (r.kind === 'foreign') {
      foreign.total += n
      if (r.band === 'neg') foreign.negative += n
    }
  }
  return {
    total,
    byDayTone: [...tone.values()],
    byDayKind: [...kind.values()],
    byLang: [...lang]
      .map(([l, n]) => ({ lang: l, n }))
      .sort((a, b) => b.n - a.n || a.lang.localeCompare(b.lang)),
    foreign,
  }
}

/** Titles of the period and of the one before, for rising terms. */
export async function titlesOf(
  db: Kysely<Database>,
  p: Pick<Period, 'from' | 'to'>,
  scope: ScopeKey,
  limit = 5000,
) {
  const rows = await scoped(db, p, scope)
    .select(['articles.title', 'articles.lang'])
    .orderBy('articles.published_at', 'desc')
    .limit(limit)
    .execute()
  return rows
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
