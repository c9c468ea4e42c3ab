import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { analyzeBatch, readArticles } from './analyze-batch.js'
import type { Analyzer } from './analyzer.js'
import { StoryWindow } from './stories/story-window.js'

export interface Home {
  placeId: string | null
  /** names of the home locality as written (province, commune), for sentence-level tone */
  names: string[]
}

export interface AnalysisOutcome {
  articleId: number
  lang: string
  places: number
  topics: number
  tone: number | null
  storyId: number | null
  problems: string[]
}

/**
 * Analyzes one stored article: language, places, office topics, news topic, tone (article and the
 * sentences about home or Viet Nam), story (see `draftAnalysis` and `analyzeBatch`). By default reads
 * only the open stories this article can join; a worker passes its long-lived window instead. Runs
 * over many articles use `runAnalysis`, which writes in batches; all give the same results.
 */
export async function analyzeArticle(
  an: Analyzer,
  db: Kysely<Database>,
  articleId: number,
  home: Home,
  window: StoryWindow = new StoryWindow({ single: true }),
): Promise<AnalysisOutcome | null> {
  const rows = await readArticles(db, [articleId])
  if (rows.length === 0) return null
  const [out] = await analyzeBatch(an, db, rows, home, window)
  return out ?? null
}
