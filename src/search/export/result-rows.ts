import type { Db } from '../../db/database.js'
import type { QueryNode } from '../query/ast.js'
import { iterateMatches } from '../search-articles.js'

/** Largest export: beyond this a person wants a database dump, not a spreadsheet. */
export const MAX_EXPORT_ROWS = 200_000

export interface ExportRow {
  id: number
  published_at: string
  source: string
  country: string
  lang: string
  title: string
  url: string
  tone: number | null
}

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'id',
  'published_at',
  'source',
  'country',
  'lang',
  'title',
  'url',
  'tone',
]

/** The rows of a result set, newest first, in batches (never the whole set in memory). */
export async function* exportRows(
  store: Db,
  query: string | QueryNode,
  max = MAX_EXPORT_ROWS,
): AsyncGenerator<ExportRow> {
  for await (const ids of iterateMatches(store, query, { batch: 1000, max })) {
    const rows = await store.db
      .selectFrom('search_docs as d')
      .innerJoin('articles as a', 'a.id', 'd.article_id')
      .innerJoin('sources as s', 's.id', 'd.source_id')
      .select([
        'd.article_id as id',
        'd.published_at',
        's.name as source',
        'd.country',
        'd.lang',
        'a.title',
        'a.url',
        'd.tone',
      ])
      .where('d.article_id', 'in', ids)
      .execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    for (const id of ids) {
      const r = byId.get(id)
      if (r) yield r
    }
  }
}
