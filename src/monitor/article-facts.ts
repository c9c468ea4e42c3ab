import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ArticleFacts } from './spikes/explain-spike.js'

export interface MonitoredArticle extends ArticleFacts {
  tone: number | null
  publishedAt: string | null
  createdAt: string
}

/** Ids per `in (…)` list: well under SQLite's bound-parameter limit. */
const CHUNK = 500

/** Loads what explanations and messages need about these articles (outlet, places, story, tone). */
export async function loadArticleFacts(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<MonitoredArticle[]> {
  const out: MonitoredArticle[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    const rows = await db
      .selectFrom('articles')
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .leftJoin('stories', 'stories.id', 'articles.story_id')
      .select([
        'articles.id',
        'articles.title',
        'articles.lead',
        'articles.tone',
        'articles.published_at',
        'articles.created_at',
        'articles.story_id',
        'sources.name as source',
        'stories.title as story_title',
      ])
      .where('articles.id', 'in', chunk)
      .execute()
    const places = await db
      .selectFrom('article_places')
      .select(['article_id', 'place_id', 'name'])
      .where('article_id', 'in', chunk)
      .execute()
    const placesOf = new Map<number, { id: string; name: string }[]>()
    for (const p of places) {
      const list = placesOf.get(p.article_id) ?? []
      list.push({ id: p.place_id, name: p.name })
      placesOf.set(p.article_id, list)
    }
    for (const r of rows) {
      out.push({
        id: r.id,
        source: r.source,
        title: r.title,
        lead: r.lead,
        places: placesOf.get(r.id) ?? [],
        story: r.story_id !== null ? { id: r.story_id, title: r.story_title ?? '' } : null,
        tone: r.tone,
        publishedAt: r.published_at,
        createdAt: r.created_at,
      })
    }
  }
  return out
}
