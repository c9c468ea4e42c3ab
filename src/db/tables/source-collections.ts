import type { Generated, Kysely, Selectable } from 'kysely'
import { nowIso } from '../dialect.js'
import type { Database } from '../schema.js'

/** A named group of sources (migration 0110); `default_key` marks the three shipped ones. */
export interface SourceCollectionsTable {
  id: Generated<number>
  name: string
  description: string | null
  /** `central` | `foreign` | `local` for the shipped collections, null for the office's own */
  default_key: string | null
  created_at: string
  updated_at: string
}

export interface SourceCollectionMembersTable {
  collection_id: number
  source_id: number
  added_at: string
}

declare module '../schema.js' {
  interface Database {
    source_collections: SourceCollectionsTable
    source_collection_members: SourceCollectionMembersTable
  }
}

export type SourceCollectionRow = Selectable<SourceCollectionsTable>

export interface CollectionWithCount extends SourceCollectionRow {
  sources: number
}

/** Every collection with how many sources it holds, by name. */
export async function listCollections(db: Kysely<Database>): Promise<CollectionWithCount[]> {
  const rows = await db
    .selectFrom('source_collections as c')
    .leftJoin('source_collection_members as m', 'm.collection_id', 'c.id')
    .select((eb) => [
      'c.id',
      'c.name',
      'c.description',
      'c.default_key',
      'c.created_at',
      'c.updated_at',
      eb.fn.count<number | string>('m.source_id').as('sources'),
    ])
    .groupBy(['c.id', 'c.name', 'c.description', 'c.default_key', 'c.created_at', 'c.updated_at'])
    .orderBy('c.name')
    .execute()
  return rows.map((r) => ({ ...r, sources: Number(r.sources) }))
}

export const findCollection = (db: Kysely<Database>, id: number) =>
  db.selectFrom('source_collections').selectAll().where('id', '=', id).executeTakeFirst()

export async function insertCollection(
  db: Kysely<Database>,
  c: { name: string; description: string | null },
): Promise<SourceCollectionRow> {
  const now = nowIso()
  return db
    .insertInto('source_collections')
    .values({ name: c.name, description: c.description, default_key: null, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateCollection(
  db: Kysely<Database>,
  id: number,
  c: { name: string; description: string | null },
): Promise<void> {
  await db
    .updateTable('source_collections')
    .set({ name: c.name, description: c.description, updated_at: nowIso() })
    .where('id', '=', id)
    .execute()
}

export async function deleteCollection(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('source_collection_members').where('collection_id', '=', id).execute()
  await db.deleteFrom('source_collections').where('id', '=', id).execute()
}

/** Adds sources to a collection; sources already in it stay as they are. Returns how many were added. */
export async function addMembers(
  db: Kysely<Database>,
  collectionId: number,
  sourceIds: readonly number[],
): Promise<number> {
  if (sourceIds.length === 0) return 0
  const present = new Set(
    (
      await db
        .selectFrom('source_collection_members')
        .select('source_id')
        .where('collection_id', '=', collectionId)
        .where('source_id', 'in', sourceIds)
        .execute()
    ).map((r) => r.source_id),
  )
  const fresh = [...new Set(sourceIds)].filter((id) => !present.has(id))
  if (fresh.length === 0) return 0
  const added_at = nowIso()
  await db
    .insertInto('source_collection_members')
    .values(fresh.map((source_id) => ({ collection_id: collectionId, source_id, added_at })))
    .onConflict((oc) => oc.columns(['collection_id', 'source_id']).doNothing())
    .execute()
  return fresh.length
}

export async function removeMembers(
  db: Kysely<Database>,
  collectionId: number,
  sourceIds: readonly number[],
): Promise<number> {
  if (sourceIds.length === 0) return 0
  const r = await db
    .deleteFrom('source_collection_members')
    .where('collection_id', '=', collectionId)
    .where('source_id', 'in', sourceIds)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** Collection ids and names per source, for the given sources. */
export async function collectionsOf(
  db: Kysely<Database>,
  sourceIds: readonly number[],
): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>()
  if (sourceIds.length === 0) return out
  const rows = await db
    .selectFrom('source_collection_members as m')
    .innerJoin('source_collections as c', 'c.id', 'm.collection_id')
    .select(['m.source_id', 'c.id', 'c.name'])
    .where('m.source_id', 'in', sourceIds)
    .orderBy('c.name')
    .execute()
  for (const r of rows) {
    const list = out.get(r.source_id) ?? []
    list.push({ id: r.id, name: r.name })
    out.set(r.source_id, list)
  }
  return out
}
