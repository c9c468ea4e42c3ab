import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** One article matched by one watchlist: the article is in the triage queue (migration 0440). */
export interface WatchlistMatchesTable {
  watchlist_id: number
  article_id: number
  matched_at: string
}

/** How far a watchlist's matching pass has read: every match that reached the office before this. */
export interface WatchlistMatchMarksTable {
  watchlist_id: number
  matched_through: string
}

declare module '../../db/schema.js' {
  interface Database {
    watchlist_matches: WatchlistMatchesTable
    watchlist_match_marks: WatchlistMatchMarksTable
  }
}

/** Records matches; an article already on the watchlist keeps its first match time. */
export async function addWatchlistMatches(
  db: Kysely<Database>,
  watchlistId: number,
  articleIds: readonly number[],
  at: string,
): Promise<number> {
  let added = 0
  for (let i = 0; i < articleIds.length; i += 500) {
    const chunk = articleIds.slice(i, i + 500)
    const r = await db
      .insertInto('watchlist_matches')
      .values(chunk.map((article_id) => ({ watchlist_id: watchlistId, article_id, matched_at: at })))
      .onConflict((oc) => oc.columns(['watchlist_id', 'article_id']).doNothing())
      .executeTakeFirst()
    added += Number(r.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}

export const matchedThrough = async (db: Kysely<Database>, watchlistId: number) =>
  (
    await db
      .selectFrom('watchlist_match_marks')
      .select('matched_through')
      .where('watchlist_id', '=', watchlistId)
      .executeTakeFirst()
  )?.matched_through ?? null

export const setMatchedThrough = (db: Kysely<Database>, watchlistId: number, at: string) =>
  db
    .insertInto('watchlist_match_marks')
    .values({ watchlist_id: watchlistId, matched_through: at })
    .onConflict((oc) => oc.column('watchlist_id').doUpdateSet({ matched_through: at }))
    .execute()

/** The watchlists an article is on, by name, for the triage list. */
export const watchlistsOfArticles = (db: Kysely<Database>, articleIds: readonly number[]) =>
  articleIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('watchlist_matches')
        .innerJoin('watchlists', 'watchlists.id', 'watchlist_matches.watchlist_id')
        .select(['watchlist_matches.article_id', 'watchlists.id', 'watchlists.name'])
        .where('watchlist_matches.article_id', 'in', articleIds)
        .orderBy('watchlists.name')
        .execute()
