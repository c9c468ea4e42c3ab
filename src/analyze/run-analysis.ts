import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { Logger } from '../shared/logger.js'
import { analyzeBatch, readArticles } from './analyze-batch.js'
import type { Analyzer } from './analyzer.js'
import { resolveHome } from './resolve-home.js'
import { StoryWindow } from './stories/story-window.js'

/** Articles read, analyzed and written per transaction: memory stays flat over any corpus size. */
export const ANALYSIS_BATCH = 100

export interface AnalysisRunSummary {
  analyzed: number
  withProblems: number
}

/**
 * Analyzes the articles not analyzed yet (or all, after a model or rule change), in the order they
 * were stored, so stories grow as the coverage arrived. Articles go ANALYSIS_BATCH at a time through
 * `analyzeBatch`, one transaction each, with the open stories kept in memory for the whole run (see
 * StoryWindow for how several processes stay correct). `after` runs for each article once its batch
 * is committed; progress is reported per article.
 */
export async function runAnalysis(
  an: Analyzer,
  db: Kysely<Database>,
  log: Logger,
  opts: {
    all?: boolean
    onTotal?: (n: number) => void
    onDone?: () => void
    after?: (articleId: number) => Promise<void>
    /** open stories kept in memory, e.g. across a worker's jobs; a new one per run by default */
    window?: StoryWindow
  } = {},
): Promise<AnalysisRunSummary> {
  const home = await resolveHome(db, an.gazetteer)
  const base = () => {
    let q = db.selectFrom('articles')
    if (!opts.all) q = q.where('analyzed_at', 'is', null)
    return q
  }
  const total = await base()
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst()
  opts.onTotal?.(Number(total?.n ?? 0))
  const summary: AnalysisRunSummary = { analyzed: 0, withProblems: 0 }
  const window = opts.window ?? new StoryWindow()
  let after = 0
  for (;;) {
    const ids = await base()
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(ANALYSIS_BATCH)
      .execute()
    if (ids.length === 0) break
    after = ids[ids.length - 1]!.id
    const rows = await readArticles(
      db,
      ids.map((r) => r.id),
    )
    for (const out of await analyzeBatch(an, db, rows, home, window)) {
      await opts.after?.(out.articleId)
      summary.analyzed++
      if (out.problems.length) {
        summary.withProblems++
        log.debug({ article_id: out.articleId, problems: out.problems }, 'analysis partial')
      }
      opts.onDone?.()
    }
  }
  return summary
}
