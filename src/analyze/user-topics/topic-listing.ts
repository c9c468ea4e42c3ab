import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.js'
import { userTopicKey } from './user-topic-store.js'

export interface TopicMemberRow {
  id: number
  title: string
  lang: string
  publishedAt: string
  sourceName: string
  score: number
  /** `label`: a person labelled it in; `model`: the model scored it ≥ 0.5 */
  by: 'label' | 'model'
}

/** Who put the article in the topic, from `why_json` (`{"by":"label"}` or `{"by":"model"}`). */
function byOf(why: string | null): 'label' | 'model' {
  try {
    return (JSON.parse(why ?? '{}') as { by?: unknown }).by === 'label' ? 'label' : 'model'
  } catch {
    return 'model'
  }
}

/** One page of the articles currently in the topic, highest score first, then newest. */
export async function topicMembers(
  db: Kysely<Database>,
  topicId: number,
  page: { limit: number; offset: number },
): Promise<TopicMemberRow[]> {
  const rows = await db
    .selectFrom('article_topics as t')
    .innerJoin('articles as a', 'a.id', 't.article_id')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select([
      'a.id',
      'a.title',
      'a.lang',
      sql<string>`coalesce(a.published_at, a.fetched_at)`.as('published_at'),
      's.name as source_name',
      't.score',
      't.why_json',
    ])
    .where('t.topic', '=', userTopicKey(topicId))
    .orderBy('t.score', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    lang: r.lang,
    publishedAt: r.published_at,
    sourceName: r.source_name,
    score: Number(r.score),
    by: byOf(r.why_json),
  }))
}

export interface LabelledRow {
  articleId: number
  title: string
  lang: string
  label: boolean
  userName: string | null
  at: string
}

/** One page of a topic's labels, latest first. */
export async function topicLabels(
  db: Kysely<Database>,
  topicId: number,
  page: { limit: number; offset: number },
): Promise<LabelledRow[]> {
  const rows = await db
    .selectFrom('topic_labels as l')
    .innerJoin('articles as a', 'a.id', 'l.article_id')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.article_id', 'a.title', 'a.lang', 'l.label', 'u.name as user_name', 'l.created_at'])
    .where('l.topic_id', '=', topicId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.article_id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map((r) => ({
    articleId: r.article_id,
    title: r.title,
    lang: r.lang,
    label: r.label === 1,
    userName: r.user_name,
    at: r.created_at,
  }))
}

/** The labels an article carries, per topic id (for the article page's panel). */
export async function labelsOfArticle(
  db: Kysely<Database>,
  articleId: number,
): Promise<Map<number, boolean>> {
  const rows = await db
    .selectFrom('topic_labels')
    .select(['topic_id', 'label'])
    .where('article_id', '=', articleId)
    .execute()
  return new Map(rows.map((r) => [r.topic_id, r.label === 1]))
}
