import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { vnDayKey } from '../shared/time.js'
import type { Logger } from '../shared/logger.js'
import type { MonitorSearch } from './monitor-context.js'
import { newSinceLastVisit } from './new-since-visit.js'
import { matchedThrough } from './store/watchlist-matches.js'
import { listWatchlists, type WatchlistRow, watchlistLastSeen } from './store/watchlists.js'

const DAY_MS = 86_400_000
/** A first visit counts the last week as new (as newSinceLastVisit does). */
const FIRST_VISIT_DAYS = 7

export interface WatchlistSummary {
  watchlist: WatchlistRow
  /** articles that reached the store since the user last opened it; null when the query failed */
  newSinceVisit: number | null
  /** articles published in the last 7 Viet Nam days (today included); null when the query failed */
  lastWeek: number | null
}

export interface OverviewDeps {
  db: Kysely<Database>
  search: MonitorSearch
  /** how many articles match a query (one count on the index) */
  count: (query: string) => Promise<number>
  log: Logger
}

/**
 * The watchlists a user sees, each with what is new since their last visit and the week's matches.
 * "New" reads the matches the 10-minute matching pass recorded (one indexed count); a watchlist the
 * pass has not reached yet is searched directly. A query that fails (time limit) shows as unknown
 * rather than failing the page.
 */
export async function watchlistOverview(
  deps: OverviewDeps,
  args: { userId: number; now: Date },
): Promise<WatchlistSummary[]> {
  const lists = await listWatchlists(deps.db, args.userId)
  const week = `date:${vnDayKey(new Date(args.now.getTime() - 6 * DAY_MS))}..${vnDayKey(args.now)}`
  const out: WatchlistSummary[] = []
  for (const w of lists) {
    const guarded = async (f: () => Promise<number>) => {
      try {
        return await f()
      } catch (err) {
        deps.log.warn({ err, watchlist_id: w.id }, 'watchlist count failed')
        return null
      }
    }
    out.push({
      watchlist: w,
      newSinceVisit: await guarded(() => newCount(deps, w, args)),
      lastWeek: await guarded(() => deps.count(`(${w.query}) ${week}`)),
    })
  }
  return out
}

async function newCount(deps: OverviewDeps, w: WatchlistRow, args: { userId: number; now: Date }) {
  if (!(await matchedThrough(deps.db, w.id))) {
    const ids = await newSinceLastVisit(deps.db, deps.search, {
      userId: args.userId,
      watchlist: w,
      now: args.now,
    })
    return ids.length
  }
  const since =
    (await watchlistLastSeen(deps.db, args.userId, w.id)) ??
    new Date(args.now.getTime() - FIRST_VISIT_DAYS * DAY_MS).toISOString()
  const r = await deps.db
    .selectFrom('watchlist_matches as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.watchlist_id', '=', w.id)
    .where('a.created_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}
