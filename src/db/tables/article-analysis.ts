import type { Kysely } from 'kysely'
import type { PlaceMention } from '../../analyze/places/place-record.js'
import { nowIso } from '../dialect.js'
import type { ArticleTopicsTable, Database } from '../schema.js'

export interface AnalysisRecord {
  lang: string
  langReason: string
  tone: number | null
  toneJson: string | null
  homeScore: number | null
  homeLevel: string | null
  newsTopic: string | null
  newsScore: number | null
  storyId: number | null
  problems: string[]
  places: PlaceMention[]
  topics: { topic: string; source: ArticleTopicsTable['source']; score: number; why: unknown }[]
}

/**
 * Writes one article's analysis, replacing the previous one (re-analysis is idempotent). Topics
 * labelled by people (`source = 'user'`) are kept.
 */
export async function saveAnalysis(
  db: Kysely<Database>,
  articleId: number,
  r: AnalysisRecord,
): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      lang: r.lang,
      lang_reason: r.langReason.slice(0, 300),
      tone: r.tone,
      tone_json: r.toneJson,
      home_score: r.homeScore,
      home_level: r.homeLevel,
      news_topic: r.newsTopic,
      news_score: r.newsScore,
      story_id: r.storyId,
      analyzed_at: nowIso(),
      analysis_error: r.problems.length ? r.problems.join('; ').slice(0, 2000) : null,
    })
    .where('id', '=', articleId)
    .execute()
  await db.deleteFrom('article_places').where('article_id', '=', articleId).execute()
  if (r.places.length) {
    await db
      .insertInto('article_places')
      .values(
        r.places.map((p) => ({
          article_id: articleId,
          place_id: p.placeId,
          name: p.name,
          level: p.level,
          in_title: p.fields.title,
          in_lead: p.fields.lead,
          mentions: p.count,
          confidence: p.confidence,
        })),
      )
      .execute()
  }
  await db
    .deleteFrom('article_topics')
    .where('article_id', '=', articleId)
    .where('source', '!=', 'user')
    .execute()
  if (r.topics.length) {
    await db
      .insertInto('article_topics')
      .values(
        r.topics.map((t) => ({
          article_id: articleId,
          topic: t.topic,
          source: t.source,
          score: t.score,
          why_json: t.why == null ? null : JSON.stringify(t.why),
        })),
      )
      .onConflict((oc) => oc.columns(['article_id', 'topic']).doNothing())
      .execute()
  }
}

export const articlePlaces = (db: Kysely<Database>, articleId: number) =>
  db
    .selectFrom('article_places')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('mentions', 'desc')
    .execute()

export const articleTopics = (db: Kysely<Database>, articleId: number) =>
  db
    .selectFrom('article_topics')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('score', 'desc')
    .execute()
