import { type Kysely, sql } from 'kysely'
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

/** Rows per multi-row INSERT: at most 8 parameters each, well under both databases' limits. */
const ROWS_PER_INSERT = 500
/** Articles per multi-row UPDATE: 12 parameters each. */
const ROWS_PER_UPDATE = 200

/**
 * Writes one article's analysis, replacing the previous one (re-analysis is idempotent). Topics
 * labelled by people (`source = 'user'`) are kept.
 */
export async function saveAnalysis(
  db: Kysely<Database>,
  articleId: number,
  r: AnalysisRecord,
): Promise<void> {
  await saveAnalyses(db, [{ articleId, record: r }])
}

/**
 * Writes several articles' analyses as `saveAnalysis` would one by one, with few statements: one
 * UPDATE for all the articles, one DELETE and multi-row INSERTs for all their places and topics.
 */
export async function saveAnalyses(
  db: Kysely<Database>,
  items: { articleId: number; record: AnalysisRecord }[],
): Promise<void> {
  if (items.length === 0) return
  const analyzedAt = nowIso()
  for (let i = 0; i < items.length; i += ROWS_PER_UPDATE) {
    const rows = items
      .slice(i, i + ROWS_PER_UPDATE)
      .map(
        ({ articleId, record: r }) =>
          sql`(${sql.join([
            articleId,
            r.lang,
            r.langReason.slice(0, 300),
            r.tone,
            r.toneJson,
            r.homeScore,
            r.homeLevel,
            r.newsTopic,
            r.newsScore,
            r.storyId,
            analyzedAt,
            r.problems.length ? r.problems.join('; ').slice(0, 2000) : null,
          ])})`,
      )
    // One UPDATE … FROM (VALUES …) for all: both databases name the columns column1…; parameters
    // arrive untyped in VALUES (text on PostgreSQL), so the numeric columns are cast.
    await sql`
      update articles set
        lang = v.column2, lang_reason = v.column3, tone = cast(v.column4 as real), tone_json = v.column5,
        home_score = cast(v.column6 as real), home_level = v.column7, news_topic = v.column8,
        news_score = cast(v.column9 as real), story_id = cast(v.column10 as integer),
        analyzed_at = v.column11, analysis_error = v.column12
      from (values ${sql.join(rows)}) as v
      where articles.id = cast(v.column1 as integer)`.execute(db)
  }
  const ids = items.map((i) => i.articleId)
  for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
    const part = ids.slice(i, i + ROWS_PER_INSERT)
    await db.deleteFrom('article_places').where('article_id', 'in', part).execute()
    await db
      .deleteFrom('article_topics')
      .where('article_id', 'in', part)
      .where('source', '!=', 'user')
      .execute()
  }
  const places = items.flatMap(({ articleId, record }) =>
    record.places.map((p) => ({
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
  for (let i = 0; i < places.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('article_places')
      .values(places.slice(i, i + ROWS_PER_INSERT))
      .execute()
  }
  const topics = items.flatMap(({ articleId, record }) =>
    record.topics.map((t) => ({
      article_id: articleId,
      topic: t.topic,
      source: t.source,
      score: t.score,
      why_json: t.why == null ? null : JSON.stringify(t.why),
    })),
  )
  for (let i = 0; i < topics.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('article_topics')
      .values(topics.slice(i, i + ROWS_PER_INSERT))
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
