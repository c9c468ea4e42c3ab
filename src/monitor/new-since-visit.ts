import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { MonitorSearch } from './monitor-context.js'
import { markWatchlistSeen, watchlistLastSeen } from './store/watchlists.js'

/** A first visit counts the last week as new: enough to show what the watchlist finds. */
const FIRST_VISIT_DAYS = 7

/**
 * Articles that reached the store since the user last opened the watchlist (ids, oldest first).
 * `markSeen` then moves the mark to `now`, as opening the watchlist page does.
 */
export async function newSinceLastVisit(
  db: Kysely<Database>,
  search: MonitorSearch,
  args: { userId: number; watchlist: { id: number; query: string }; now: Date; markSeen?: boolean },
): Promise<number[]> {
  const last = await watchlistLastSeen(db, args.userId, args.watchlist.id)
  const from = last ?? new Date(args.now.getTime() - FIRST_VISIT_DAYS * 86_400_000).toISOString()
  const found = await search.matchArticles(args.watchlist.query, {
    from,
    to: args.now.toISOString(),
    field: 'created_at',
  })
  if (args.markSeen) await markWatchlistSeen(db, args.userId, args.watchlist.id, args.now.toISOString())
  return found.map((a) => a.id).sort((a, b) => a - b)
}
