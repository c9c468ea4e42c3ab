import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { Logger } from '../shared/logger.js'
import type { MonitorSearch } from './monitor-context.js'
import { addWatchlistMatches, matchedThrough, setMatchedThrough } from './store/watchlist-matches.js'

/** A new watchlist starts with the coverage of the last 30 days in its queue. */
export const BACKFILL_DAYS = 30
/**
 * Each pass re-reads this much before its mark: an article stored just before a pass may be indexed
 * (searchable) only after it. Re-matching is harmless (matches are unique per watchlist and article).
 */
export const OVERLAP_MS = 60 * 60 * 1000

export interface MatchPassSummary {
  watchlists: number
  added: number
  failed: number
}

/**
 * The matching pass: every watchlist's query over the articles that reached the office since its
 * last pass, recorded in `watchlist_matches` (the triage queue). A watchlist whose query fails is
 * logged and skipped; the others go on.
 */
export async function recordWatchlistMatches(
  ctx: { db: Kysely<Database>; search: MonitorSearch; log: Logger },
  now: Date,
): Promise<MatchPassSummary> {
  const lists = await ctx.db.selectFrom('watchlists').select(['id', 'query']).orderBy('id').execute()
  const summary: MatchPassSummary = { watchlists: lists.length, added: 0, failed: 0 }
  const to = now.toISOString()
  for (const w of lists) {
    try {
      const mark = await matchedThrough(ctx.db, w.id)
      const from = mark
        ? new Date(Date.parse(mark) - OVERLAP_MS).toISOString()
        : new Date(now.getTime() - BACKFILL_DAYS * 86_400_000).toISOString()
      const ids = await ctx.search.matchArticles(w.query, { from, to, field: 'created_at' })
      summary.added += await addWatchlistMatches(
        ctx.db,
        w.id,
        ids.map((a) => a.id),
        to,
      )
      await setMatchedThrough(ctx.db, w.id, to)
    } catch (err) {
      summary.failed++
      ctx.log.warn({ err, watchlist_id: w.id }, 'watchlist matching failed')
    }
  }
  return summary
}
