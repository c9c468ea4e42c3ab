import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { vnDayKey } from '../../shared/time.js'
import type { MonitorSearch } from '../monitor-context.js'
import { addDays } from '../spikes/day-math.js'
import { fromVnWallClock } from '../../shared/time.js'

/** Test support: a small corpus written through Kysely with every required column, and SQL search. */
export async function seedSource(db: Kysely<Database>, name: string): Promise<number> {
  const now = new Date().toISOString()
  const row = await db
    .insertInto('sources')
    .values({
      name,
      homepage: `https://${name.toLowerCase().replace(/\W+/g, '-')}.example/`,
      country: 'VN',
      lang: 'vi',
      kind: 'domestic',
      collection: null,
      verified: 1,
      enabled: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface SeedArticle {
  sourceId: number
  title: string
  lead?: string
  publishedAt: Date
  /** when it reached the store; default = published */
  createdAt?: Date
  topics?: string[]
  places?: { id: string; name: string }[]
  tone?: number | null
}

let serial = 0

export async function seedArticle(db: Kysely<Database>, a: SeedArticle): Promise<number> {
  serial++
  const url = `https://news.example/a/${serial}-${Math.random().toString(36).slice(2)}`
  const created = (a.createdAt ?? a.publishedAt).toISOString()
  const row = await db
    .insertInto('articles')
    .values({
      source_id: a.sourceId,
      feed_id: null,
      url,
      canonical_url: url,
      title: a.title,
      author: null,
      published_at: a.publishedAt.toISOString(),
      modified_at: null,
      fetched_at: created,
      lang: 'vi',
      lead: a.lead ?? '',
      body_text: `${a.title}. ${a.lead ?? ''}`,
      content_html: `<p>${a.title}</p>`,
      image_url: null,
      word_count: 10,
      content_hash: `h${serial}`,
      simhash: '0000000000000000',
      sim_b0: serial,
      sim_b1: serial,
      sim_b2: serial,
      sim_b3: serial,
      mh_b0: serial,
      mh_b1: serial,
      mh_b2: serial,
      mh_b3: serial,
      minhash: new Uint8Array(8),
      shingles: 1,
      dup_of: null,
      warnings: null,
      created_at: created,
      analyzed_at: created,
      analysis_error: null,
      lang_reason: null,
      tone: a.tone ?? null,
      tone_json: null,
      home_score: null,
      news_topic: null,
      news_score: null,
      story_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const topic of a.topics ?? []) {
    await db
      .insertInto('article_topics')
      .values({ article_id: row.id, topic, source: 'rule', score: 0.9, why_json: null })
      .execute()
  }
  for (const p of a.places ?? []) {
    await db
      .insertInto('article_places')
      .values({
        article_id: row.id,
        place_id: p.id,
        name: p.name,
        level: 'commune',
        in_title: 1,
        in_lead: 0,
        mentions: 1,
        confidence: 0.9,
      })
      .execute()
  }
  return row.id
}

/** Understands only `topic:<id>` and `place:<id>`: enough to stand in for the query engine. */
export function sqlSearch(db: Kysely<Database>): MonitorSearch {
  const base = (query: string) => {
    const i = query.indexOf(':')
    const [field, value] = [query.slice(0, i), query.slice(i + 1)]
    let q = db.selectFrom('articles').select(['articles.id', 'articles.published_at'])
    q =
      field === 'topic'
        ? q.where(
            'articles.id',
            'in',
            db.selectFrom('article_topics').select('article_id').where('topic', '=', value),
          )
        : q.where(
            'articles.id',
            'in',
            db.selectFrom('article_places').select('article_id').where('place_id', '=', value),
          )
    return q
  }
  return {
    async matchArticles(query, range) {
      const col = range.field === 'created_at' ? 'articles.created_at' : 'articles.published_at'
      return base(query)
        .where(col, '>=', range.from)
        .where(col, '<', range.to)
        .orderBy('articles.id')
        .execute()
    },
    async dailyCounts(query, range) {
      const [y, m, d] = range.from.split('-').map(Number) as [number, number, number]
      const [y2, m2, d2] = addDays(range.to, 1).split('-').map(Number) as [number, number, number]
      const rows = await base(query)
        .where('articles.published_at', '>=', fromVnWallClock(y, m, d).toISOString())
        .where('articles.published_at', '<', fromVnWallClock(y2, m2, d2).toISOString())
        .execute()
      const counts = new Map<string, number>()
      for (const r of rows) {
        const day = vnDayKey(r.published_at!)
        counts.set(day, (counts.get(day) ?? 0) + 1)
      }
      return [...counts].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? -1 : 1))
    },
  }
}
