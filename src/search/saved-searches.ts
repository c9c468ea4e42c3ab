import { createHash, randomBytes } from 'node:crypto'
import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { Db } from '../db/database.js'
import { nowIso } from '../db/dialect.js'
import type { SavedSearchesTable } from '../db/schema.js'
import { AppError } from '../shared/errors.js'
import { parseQuery } from './query/parse-query.js'

export type SavedSearch = Omit<Selectable<SavedSearchesTable>, 'feed_token_hash'>

/** Bytes of randomness in a feed token (URL-safe base64: 32 characters). */
const TOKEN_BYTES = 24

export const SavedSearchInput = z.object({
  name: z.string().trim().min(1).max(200),
  query: z.string().trim().min(1).max(1000),
  shared: z.boolean().default(false),
  sort: z.enum(['date', 'relevance']).default('date'),
})
export type SavedSearchInput = z.input<typeof SavedSearchInput>

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')
const newToken = () => randomBytes(TOKEN_BYTES).toString('base64url')

const COLUMNS = ['id', 'name', 'query', 'owner_id', 'shared', 'sort', 'created_at', 'updated_at'] as const

/**
 * Saves a search. The query is parsed first (QUERY_SYNTAX with the position if it is wrong). Returns
 * the row and the feed token: the token is shown once (only its hash is stored); `rotateFeedToken`
 * issues a new one. The token opens the RSS/Atom/JSON feeds of the search without a session.
 */
export async function createSavedSearch(store: Db, ownerId: number | null, input: SavedSearchInput) {
  const v = SavedSearchInput.parse(input)
  parseQuery(v.query)
  const token = newToken()
  const now = nowIso()
  const row = await store.db
    .insertInto('saved_searches')
    .values({
      name: v.name,
      query: v.query,
      owner_id: ownerId,
      shared: v.shared ? 1 : 0,
      sort: v.sort,
      feed_token_hash: hashToken(token),
      created_at: now,
      updated_at: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()
  return { saved: row, token }
}

/** A saved search the user may see: their own, or a shared one. */
export async function getSavedSearch(store: Db, id: number, userId: number | null): Promise<SavedSearch> {
  const row = await store.db
    .selectFrom('saved_searches')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row || (row.shared !== 1 && row.owner_id !== userId))
    throw new AppError('NOT_FOUND', `Saved search ${id} not found`)
  return row
}

/** The user's own saved searches and every shared one, by name. */
export function listSavedSearches(store: Db, userId: number | null): Promise<SavedSearch[]> {
  return store.db
    .selectFrom('saved_searches')
    .select(COLUMNS)
    .where((eb) =>
      eb.or([
        eb('shared', '=', 1),
        userId === null ? eb('owner_id', 'is', null) : eb('owner_id', '=', userId),
      ]),
    )
    .orderBy('name')
    .execute()
}

async function ownedBy(store: Db, id: number, userId: number | null): Promise<SavedSearch> {
  const row = await getSavedSearch(store, id, userId)
  if (row.owner_id !== userId) throw new AppError('FORBIDDEN', 'Only the owner can change a saved search')
  return row
}

export async function updateSavedSearch(
  store: Db,
  id: number,
  userId: number | null,
  input: SavedSearchInput,
): Promise<SavedSearch> {
  await ownedBy(store, id, userId)
  const v = SavedSearchInput.parse(input)
  parseQuery(v.query)
  await store.db
    .updateTable('saved_searches')
    .set({ name: v.name, query: v.query, shared: v.shared ? 1 : 0, sort: v.sort, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  return getSavedSearch(store, id, userId)
}

export async function deleteSavedSearch(store: Db, id: number, userId: number | null): Promise<void> {
  await ownedBy(store, id, userId)
  await store.db.deleteFrom('saved_searches').where('id', '=', id).execute()
}

/** Issues a new feed token; the old feed URLs stop working. */
export async function rotateFeedToken(store: Db, id: number, userId: number | null): Promise<string> {
  await ownedBy(store, id, userId)
  const token = newToken()
  await store.db
    .updateTable('saved_searches')
    .set({ feed_token_hash: hashToken(token), updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
  return token
}

/** The saved search a feed token opens, or NOT_FOUND (same answer for a wrong id and a wrong token). */
export async function savedSearchByToken(store: Db, id: number, token: string): Promise<SavedSearch> {
  const row = await store.db
    .selectFrom('saved_searches')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('feed_token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'No such feed')
  return row
}
