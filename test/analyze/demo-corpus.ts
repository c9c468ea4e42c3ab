import type { Kysely } from 'kysely'
import { listOutlets, loadCorpus } from '../../src/demo/fixture-site/load-corpus.js'
import type { Database } from '../../src/db/schema.js'
import { insertLocality } from '../../src/db/tables/localities.js'
import { seedArticle } from '../support/seed.js'

/** The demo corpus's clock: ages are hours before this instant. */
export const DEMO_NOW = Date.parse('2026-11-20T03:00:00Z')

/**
 * Stores the demo corpus (data/demo/articles.json) as ingest would, oldest first, reprints pointing
 * at their original (dup_of), with the demo office's home (Đắk Lắk) as the home locality.
 * Returns the stored ids by corpus id.
 */
export async function seedDemoCorpus(db: Kysely<Database>): Promise<Map<string, number>> {
  const vn = await insertLocality(db, { level: 'country', name: 'Việt Nam' })
  await insertLocality(db, { level: 'province', name: 'Đắk Lắk', parentId: vn.id, isHome: true })
  const outlets = new Map(listOutlets().map((o) => [o.key, o]))
  const ids = new Map<string, number>()
  const oldestFirst = [...loadCorpus()].sort((a, b) => b.ageHours - a.ageHours || a.id.localeCompare(b.id))
  for (const a of oldestFirst) {
    const o = outlets.get(a.outlet)!
    ids.set(
      a.id,
      await seedArticle(db, {
        title: a.title,
        lead: a.lead,
        body: a.body.join('\n'),
        lang: a.lang,
        source: o.name,
        kind: o.kind,
        country: o.country,
        publishedAt: new Date(DEMO_NOW - a.ageHours * 3_600_000).toISOString(),
        dupOf: a.reprintOf ? (ids.get(a.reprintOf) ?? null) : null,
      }),
    )
  }
  return ids
}

/** Everything analysis wrote, in a comparable form (analysis times left out). */
export async function analysisSnapshot(db: Kysely<Database>) {
  const articles = await db
    .selectFrom('articles')
    .select([
      'id',
      'lang',
      'lang_reason',
      'tone',
      'tone_json',
      'home_score',
      'home_level',
      'news_topic',
      'news_score',
      'story_id',
      'analysis_error',
    ])
    .orderBy('id')
    .execute()
  const places = await db
    .selectFrom('article_places')
    .selectAll()
    .orderBy('article_id')
    .orderBy('place_id')
    .execute()
  const topics = await db
    .selectFrom('article_topics')
    .selectAll()
    .orderBy('article_id')
    .orderBy('topic')
    .execute()
  const stories = await db.selectFrom('stories').selectAll().orderBy('id').execute()
  const links = await db
    .selectFrom('story_links')
    .selectAll()
    .orderBy('story_id')
    .orderBy('other_id')
    .execute()
  return { articles, places, topics, stories, links }
}
