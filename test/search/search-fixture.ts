import { Readable } from 'node:stream'
import type { Db } from '../../src/db/database.js'
import { indexArticles } from '../../src/search/index-article.js'
import { importJsonl } from '../../src/search/import-jsonl.js'
import type { CorpusDoc } from './corpus.js'

/**
 * Loads the corpus into a migrated test database through the real importer, then writes the analysis
 * results (tone, topics, places) as the analyzers would and re-indexes. Returns article id → corpus id.
 */
export async function loadCorpus(store: Db, docs: CorpusDoc[]): Promise<Map<number, string>> {
  const lines = docs.map((d) =>
    JSON.stringify({
      id: d.id,
      title: d.title,
      text: d.text,
      source: d.source,
      lang: d.lang,
      published_at: d.published_at,
    }),
  )
  const result = await importJsonl(store, Readable.from(lines.map((l) => `${l}\n`)))
  if (result.failed > 0) throw new Error(`corpus import failed: ${JSON.stringify(result.errors)}`)
  const rows = await store.db.selectFrom('articles').select(['id', 'canonical_url']).execute()
  const byKey = new Map(rows.map((r) => [r.canonical_url, r.id]))
  const ids = new Map<number, string>()
  for (const d of docs) {
    const id = byKey.get(`import:${d.id}`)!
    ids.set(id, d.id)
    if (d.tone !== undefined)
      await store.db.updateTable('articles').set({ tone: d.tone }).where('id', '=', id).execute()
    for (const topic of d.topics ?? [])
      await store.db
        .insertInto('article_topics')
        .values({ article_id: id, topic, source: 'rule', score: 1, why_json: null })
        .execute()
    for (const p of d.places ?? [])
      await store.db
        .insertInto('article_places')
        .values({
          article_id: id,
          place_id: p.id,
          name: p.name,
          level: 'province',
          in_title: 0,
          in_lead: 0,
          mentions: 1,
          confidence: 1,
        })
        .execute()
  }
  const places = new Map(docs.flatMap((d) => d.places ?? []).map((p) => [p.id, p.name]))
  for (const [id, name] of places)
    await store.db
      .insertInto('places')
      .values({
        id,
        code: id,
        level: 'province',
        era: '2025',
        name,
        name_en: null,
        type: 'tỉnh',
        parent_id: null,
        record_json: '{}',
      })
      .execute()
  await indexArticles(store, [...ids.keys()])
  return ids
}
