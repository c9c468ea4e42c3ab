import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WatchlistsTable } from '../monitor-schema.js'

export type WatchlistRow = Selectable<WatchlistsTable>

export interface NewWatchlist {
  name: string
  query: string
  ownerId?: number | null
  shared?: boolean
  isDefault?: boolean
}

export async function createWatchlist(
  db: Kysely<Database>,
  w: NewWatchlist,
  now = new Date(),
): Promise<WatchlistRow> {
  return db
    .insertInto('watchlists')
    .values({
      name: w.name,
      query: w.query,
      owner_id: w.ownerId ?? null,
      shared: w.shared === false ? 0 : 1,
      is_default: w.isDefault ? 1 : 0,
      last_checked_at: null,
      created_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export const findWatchlist = (db: Kysely<Database>, id: number) =>
  db.selectFrom('watchlists').selectAll().where('id', '=', id).executeTakeFirst()

/** The watchlists a user sees: the office's, the shared ones and their own. */
export const listWatchlists = (db: Kysely<Database>, userId: number) =>
  db
    .selectFrom('watchlists')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('shared', '=', 1), eb('owner_id', '=', userId)]))
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .execute()

export const setWatchlistChecked = (db: Kysely<Database>, id: number, at: string) =>
  db.updateTable('watchlists').set({ last_checked_at: at }).where('id', '=', id).execute()

/** Records that `userId` looked at the watchlist now: matches after this are "new since last visit". */
export async function markWatchlistSeen(
  db: Kysely<Database>,
  userId: number,
  watchlistId: number,
  at: string,
) {
  await db
    .insertInto('watchlist_seen')
    .values({ user_id: userId, watchlist_id: watchlistId, last_seen_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'watchlist_id']).doUpdateSet({ last_seen_at: at }))
    .execute()
}

export async function watchlistLastSeen(
  db: Kysely<Database>,
  userId: number,
  watchlistId: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('watchlist_seen')
    .select('last_seen_at')
    .where('user_id', '=', userId)
    .where('watchlist_id', '=', watchlistId)
    .executeTakeFirst()
  return row?.last_seen_at ?? null
}

export const updateWatchlist = (
  db: Kysely<Database>,
  id: number,
  w: { name: string; query: string; shared: boolean },
) =>
  db
    .updateTable('watchlists')
    .set({ name: w.name, query: w.query, shared: w.shared ? 1 : 0 })
    .where('id', '=', id)
    .execute()

/** Deletes the watchlist with its rules, alerts, notifications and visit marks (foreign-key cascade). */
export const deleteWatchlist = (db: Kysely<Database>, id: number) =>
  db.deleteFrom('watchlists').where('id', '=', id).execute()
