import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { Logger } from '../shared/logger.js'
import { analyzeArticle } from './analyze-article.js'
import type { Analyzer } from './analyzer.js'
import { resolveHome } from './resolve-home.js'

/** Articles read per batch: ids only, so memory stays flat over any corpus size. */
const BATCH = 500

export interface AnalysisRunSummary {
  analyzed: number
  withProblems: number
}

/**
 * Analyzes the articles not analyzed yet (or all, after a model or rule change), in the order they were stored, so
 * stories grow as the coverage arrived. Progress is reported per article.
 */
export async function runAnalysis(
  an: Analyzer,
  db: Kysely<Database>,
  log: Logger,
  opts: { all?: boolean; onTotal?: (n: number) => void; onDone?: () => void; after?: (articleId: number) => Promise<void> } = {},
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
  let after = 0
  for (;;) {
    const ids = await base().select('id').where('id', '>', after).orderBy('id').limit(BATCH).execute()
    if (ids.length === 0) break
    for (const { id } of ids) {
      const out = await analyzeArticle(an, db, id, home)
      await opts.after?.(id)
      summary.analyzed++
      if (out?.problems.length) {
        summary.withProblems++
        log.debug({ article_id: id, problems: out.problems }, 'analysis partial')
      }
      opts.onDone?.()
    }
    after = ids[ids.length - 1]!.id
  }
  return summary
}
