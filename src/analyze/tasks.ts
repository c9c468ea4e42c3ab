import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema.js'
import type { TaskList } from '../jobs/job-queue.js'
import type { Logger } from '../shared/logger.js'
import { analyzeArticle } from './analyze-article.js'
import type { Analyzer } from './analyzer.js'
import { resolveHome } from './resolve-home.js'
import { runAnalysis } from './run-analysis.js'
import { StoryWindow } from './stories/story-window.js'

const ArticlePayload = z.object({ articleId: z.number().int() })

/**
 * Analysis as jobs: `analyze.article` after each stored article, `analyze.pending` to catch up
 * (scheduled, and after a restart). The analyzer loads lazily, once per process. `after` runs for
 * each analyzed article (the search index is refreshed there). The process keeps one StoryWindow
 * (open stories in memory) for all its analysis jobs, which therefore run one at a time; other
 * processes writing stories are noticed by the window's generation check.
 */
export function analysisTasks(
  db: Kysely<Database>,
  log: Logger,
  analyzer: () => Promise<Analyzer>,
  after: (articleId: number) => Promise<void> = async () => {},
): TaskList {
  const window = new StoryWindow()
  let queue: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(f: () => Promise<T>): Promise<T> => {
    const run = queue.then(f)
    queue = run.catch(() => {})
    return run
  }
  return {
    'analyze.article': async (payload) => {
      const { articleId } = ArticlePayload.parse(payload)
      const an = await analyzer()
      await oneAtATime(async () =>
        analyzeArticle(an, db, articleId, await resolveHome(db, an.gazetteer), window),
      )
      await after(articleId)
    },
    'analyze.pending': async () => {
      const an = await analyzer()
      const summary = await oneAtATime(() => runAnalysis(an, db, log, { after, window }))
      if (summary.analyzed > 0)
        log.info({ analyzed: summary.analyzed, with_problems: summary.withProblems }, 'analysis caught up')
    },
  }
}
