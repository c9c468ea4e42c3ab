import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { Logger } from '../shared/logger.js'
import type { MonitorSearch } from './monitor-context.js'
import { newSinceLastVisit } from './new-since-visit.js'
import { listWatchlists, type WatchlistRow } from './store/watchlists.js'

const WEEK_MS = 7 * 86_400_000

export interface WatchlistSummary {
  watchlist: WatchlistRow
  /** articles that reached the store since the user last opened it; null when the query failed */
  newSinceVisit: number | null
  /** articles published in the last 7 days; null when the query failed */
  lastWeek: number | null
}

/**
 * The watchlists a user sees, each with what is new since their last visit and the week's matches.
 * A query that fails (time limit) shows as unknown rather than failing the page.
 */
export async function watchlistOverview(
  db: Kysely<Database>,
  search: MonitorSearch,
  args: { userId: number; now: Date; log: Logger },
): Promise<WatchlistSummary[]> {
  const lists = await listWatchlists(db, args.userId)
  const out: WatchlistSummary[] = []
  for (const w of lists) {
    const guarded = async (f: () => Promise<number>) => {
      try {
        return await f()
      } catch (err) {
        args.log.warn({ err, watchlist_id: w.id }, 'watchlist count failed')
        return null
      }
    }
    const newSinceVisit = await guarded(
      async () =>
        (await newSinceLastVisit(db, search, { userId: args.userId, watchlist: w, now: args.now })).length,
    )
    const lastWeek = await guarded(
      async () =>
        (
          await search.matchArticles(w.query, {
            from: new Date(args.now.getTime() - WEEK_MS).toISOString(),
            to: args.now.toISOString(),
            field: 'published_at',
          })
        ).length,
    )
    out.push({ watchlist: w, newSinceVisit, lastWeek })
  }
  return out
}
