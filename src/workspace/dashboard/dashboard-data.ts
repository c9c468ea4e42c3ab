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

/** Every aggregate of the dashboard, each one grouped query over the period's articles. */
export async function dashboardData(
  db: Kysely<Database>,
  dialect: DialectName,
  p: Period,
  scope: ScopeKey,
): Promise<DashboardData> {
  const day = vnDaySql(dialect, 'articles.published_at')
  const [total, tone, topic, kind, lang, foreign, stories, places] = await Promise.all([
    scoped(db, p, scope).select(count.as('n')).executeTakeFirst(),
    scoped(db, p, scope)
      .select([day.as('day'), band.as('band'), count.as('n')])
      .groupBy([sql`1`, sql`2`])
      .execute(),
    scoped(db, p, scope)
      .innerJoin('article_topics', 'article_topics.article_id', 'articles.id')
      .where('article_topics.source', '=', 'rule')
      .select([day.as('day'), 'article_topics.topic', count.as('n')])
      .groupBy([sql`1`, sql`2`])
      .execute(),
    scoped(db, p, scope)
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .select([day.as('day'), 'sources.kind', count.as('n')])
      .groupBy([sql`1`, sql`2`])
      .execute(),
    scoped(db, p, scope)
      .select(['articles.lang', count.as('n')])
      .groupBy('articles.lang')
      .orderBy(count, 'desc')
      .execute(),
    scoped(db, p, scope)
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .where('sources.kind', '=', 'foreign')
      .select([
        count.as('total'),
        sql<string | number>`sum(case when articles.tone < ${TONE_NEGATIVE} then 1 else 0 end)`.as(
          'negative',
        ),
      ])
      .executeTakeFirst(),
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
    scoped(db, p, scope)
      .innerJoin('article_places', 'article_places.article_id', 'articles.id')
      .select([
        'article_places.place_id',
        sql<string>`max(article_places.name)`.as('name'),
        count.as('articles'),
      ])
      .groupBy('article_places.place_id')
      .orderBy(count, 'desc')
      .limit(TOP_N)
      .execute(),
  ])
  return {
    total: Number(total?.n ?? 0),
    byDayTone: tone.map((r) => ({ day: r.day, band: r.band, n: Number(r.n) })),
    byDayTopic: topic.map((r) => ({ day: r.day, topic: r.topic, n: Number(r.n) })),
    byDayKind: kind.map((r) => ({ day: r.day, kind: r.kind, n: Number(r.n) })),
    byLang: lang.map((r) => ({ lang: r.lang, n: Number(r.n) })),
    foreign: { total: Number(foreign?.total ?? 0), negative: Number(foreign?.negative ?? 0) },
    topStories: stories.map((r) => ({
      id: r.id,
      title: r.title,
      articles: Number(r.articles),
      outlets: Number(r.outlets),
    })),
    topPlaces: places.map((r) => ({ placeId: r.place_id, name: r.name, articles: Number(r.articles) })),
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
    .orderBy('articles.published_at', 'desc')
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
