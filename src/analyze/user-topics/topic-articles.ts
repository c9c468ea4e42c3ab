import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** Articles read per query while scoring: bodies are a few KB, so memory stays small and flat. */
const BATCH = 500

export interface ArticleTextRow {
  id: number
  title: string
  lead: string
  body_text: string
}

/** The text a user topic model reads: title, lead and body, as analysis reads them. */
export const topicText = (a: Omit<ArticleTextRow, 'id'>) => `${a.title}\n${a.lead}\n${a.body_text}`

export interface LabelledArticle extends ArticleTextRow {
  label: number
}

/** Every labelled article of a topic with its text, in article order. */
export const labelledArticles = (db: Kysely<Database>, topicId: number): Promise<LabelledArticle[]> =>
  db
    .selectFrom('topic_labels as l')
    .innerJoin('articles as a', 'a.id', 'l.article_id')
    .select(['a.id', 'a.title', 'a.lead', 'a.body_text', 'l.label'])
    .where('l.topic_id', '=', topicId)
    .orderBy('a.id')
    .execute()

/** Labelled article ids of a topic, with their label. */
export async function labelMap(db: Kysely<Database>, topicId: number): Promise<Map<number, boolean>> {
  const rows = await db
    .selectFrom('topic_labels')
    .select(['article_id', 'label'])
    .where('topic_id', '=', topicId)
    .execute()
  return new Map(rows.map((r) => [r.article_id, r.label === 1]))
}

/**
 * Calls `each` for the newest `limit` stored articles (newest first; all of them when limit is
 * Infinity), a batch at a time. `originalsOnly` skips syndicated copies, which add nothing to label.
 */
export async function forRecentArticles(
  db: Kysely<Database>,
  opts: { limit: number; originalsOnly?: boolean },
  each: (a: ArticleTextRow) => void,
): Promise<number> {
  let before: number | null = null
  let seen = 0
  while (seen < opts.limit) {
    let q = db.selectFrom('articles').select(['id', 'title', 'lead', 'body_text'])
    if (before !== null) q = q.where('id', '<', before)
    if (opts.originalsOnly) q = q.where('dup_of', 'is', null)
    const rows = await q
      .orderBy('id', 'desc')
      .limit(Math.min(BATCH, opts.limit - seen))
      .execute()
    for (const r of rows) each(r)
    seen += rows.length
    if (rows.length < BATCH) break
    before = rows[rows.length - 1]!.id
  }
  return seen
}
