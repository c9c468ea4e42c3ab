import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema.js'
import type { TaskList } from '../jobs/job-queue.js'
import type { Logger } from '../shared/logger.js'
import { analyzeArticle } from './analyze-article.js'
import type { Analyzer } from './analyzer.js'
import { resolveHome } from './resolve-home.js'
import { runAnalysis } from './run-analysis.js'

const ArticlePayload = z.object({ articleId: z.number().int() })

/**
 * Analysis as jobs: `analyze.article` after each stored article, `analyze.pending` to catch up
 * (scheduled, and after a restart). The analyzer loads lazily, once per process. `after` runs for
 * each analyzed article (the search index is refreshed there).
 */
export function analysisTasks(
  db: Kysely<Database>,
  log: Logger,
  analyzer: () => Promise<Analyzer>,
  after: (articleId: number) => Promise<void> = async () => {},
): TaskList {
  return {
    'analyze.article': async (payload) => {
      const { articleId } = ArticlePayload.parse(payload)
      const an = await analyzer()
      await analyzeArticle(an, db, articleId, await resolveHome(db, an.gazetteer))
      await after(articleId)
    },
    'analyze.pending': async () => {
      const summary = await runAnalysis(await analyzer(), db, log, { after })
      if (summary.analyzed > 0)
        log.info({ analyzed: summary.analyzed, with_problems: summary.withProblems }, 'analysis caught up')
    },
  }
}
