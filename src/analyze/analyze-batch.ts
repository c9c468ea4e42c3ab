import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { saveAnalyses } from '../db/tables/article-analysis.js'
import type { AnalysisOutcome, Home } from './analyze-article.js'
import type { Analyzer } from './analyzer.js'
import { type ArticleRow, draftAnalysis, homeNamesOf } from './draft-analysis.js'
import type { StoryWindow } from './stories/story-window.js'

/** Ids per `IN (…)` list: well under both databases' bound-parameter limits. */
const IDS_PER_QUERY = 500

/** Stored articles as analysis reads them, in id order; missing ids are left out. */
export async function readArticles(db: Kysely<Database>, ids: number[]): Promise<ArticleRow[]> {
  const out: ArticleRow[] = []
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('articles')
      .innerJoin('sources', 'sources.id', 'articles.source_id')
      .select([
        'articles.id',
        'articles.title',
        'articles.lead',
        'articles.body_text',
        'articles.lang',
        'articles.published_at',
        'articles.fetched_at',
        'articles.dup_of',
        'sources.lang as source_lang',
      ])
      .where('articles.id', 'in', ids.slice(i, i + IDS_PER_QUERY))
      .orderBy('articles.id')
      .execute()
    out.push(...rows)
  }
  return out
}

/** Current story of each article (re-analysis moves it; a reprint follows its representative's). */
async function currentStories(db: Kysely<Database>, ids: number[]): Promise<Map<number, number | null>> {
  const out = new Map<number, number | null>()
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'story_id'])
      .where('id', 'in', ids.slice(i, i + IDS_PER_QUERY))
      .execute()
    for (const r of rows) out.set(r.id, r.story_id)
  }
  return out
}

/**
 * Analyzes several articles, in the order given, and writes them in one transaction: the pure
 * stages first (no database), then, inside the transaction, each article's story from the window
 * (which keeps the open stories in memory across calls) and the results with a few multi-row
 * statements. The outcome is what analyzing the articles one by one gives.
 */
export async function analyzeBatch(
  an: Analyzer,
  db: Kysely<Database>,
  rows: ArticleRow[],
  home: Home,
  window: StoryWindow,
): Promise<AnalysisOutcome[]> {
  if (rows.length === 0) return []
  const homeNames = homeNamesOf(home)
  const drafts = rows.map((r) => draftAnalysis(an, r, home, homeNames))
  const ids = drafts.map((d) => d.articleId)
  const reps = drafts.flatMap((d) => (d.dupOf === null ? [] : [d.dupOf]))
  try {
    const storyIds = await db.transaction().execute(async (trx) => {
      await window.begin(trx)
      const current = await currentStories(trx, [...new Set([...ids, ...reps])])
      const assigned = new Map<number, number>()
      for (const d of drafts) {
        const group = d.dupOf === null ? null : (assigned.get(d.dupOf) ?? current.get(d.dupOf) ?? null)
        const storyId = await window.assign(trx, {
          lang: d.lang,
          title: d.title,
          at: d.at,
          vector: d.vector,
          keys: d.keys,
          previous: current.get(d.articleId) ?? null,
          groupStoryId: group,
        })
        assigned.set(d.articleId, storyId)
      }
      await window.flush(trx)
      const stored = drafts.map((d) => window.storedId(assigned.get(d.articleId)!))
      await saveAnalyses(
        trx,
        drafts.map((d, i) => ({ articleId: d.articleId, record: { ...d.record, storyId: stored[i]! } })),
      )
      return stored
    })
    window.committed()
    return drafts.map((d, i) => ({
      articleId: d.articleId,
      lang: d.lang,
      places: d.record.places.length,
      topics: d.ruleTopics,
      tone: d.tone,
      storyId: storyIds[i]!,
      problems: d.problems,
    }))
  } catch (e) {
    window.failed()
    throw e
  }
}
