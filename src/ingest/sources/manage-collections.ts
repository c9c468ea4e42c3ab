import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Actor } from '../../accounts/create-user.js'
import { parseInput } from '../../accounts/validate.js'
import { lowerEq } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../../db/tables/audit-log.js'
import {
  addMembers,
  deleteCollection,
  findCollection,
  insertCollection,
  removeMembers,
  type SourceCollectionRow,
  updateCollection,
} from '../../db/tables/source-collections.js'
import { AppError } from '../../shared/errors.js'

/** Bulk assignment from the list page takes at most one page of sources, with room to spare. */
const MAX_BULK = 500

export const CollectionInput = z.object({
  name: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(120, 'field.too_long'),
  description: z
    .string()
    .trim()
    .max(1000, 'field.too_long')
    .nullish()
    .transform((d) => d || null),
})

export const MembershipInput = z.object({
  collectionIds: z.array(z.coerce.number().int().positive()).max(MAX_BULK, 'field.too_many'),
})

export const AssignInput = z.object({
  collectionId: z.coerce.number({ error: 'field.required' }).int('field.required').positive('field.required'),
  sourceIds: z
    .array(z.coerce.number().int().positive())
    .min(1, 'field.select_sources')
    .max(MAX_BULK, 'field.too_many'),
  mode: z.enum(['add', 'remove'], { error: 'field.invalid' }),
})

async function mustFind(db: Kysely<Database>, id: number): Promise<SourceCollectionRow> {
  const c = await findCollection(db, id)
  if (!c) throw new AppError('NOT_FOUND', `No source collection ${id}`, { details: { collectionId: id } })
  return c
}

async function assertNameFree(db: Kysely<Database>, name: string, exceptId?: number) {
  let q = db.selectFrom('source_collections').select('id').where(lowerEq('name', name))
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId)
  if (await q.executeTakeFirst())
    throw new AppError('CONFLICT', `A collection named ${name} exists`, {
      fields: [{ field: 'name', key: 'field.name_taken' }],
    })
}

/** Creates a collection; names are unique regardless of case. Audited. */
export async function createCollection(db: Kysely<Database>, input: unknown, by: Actor) {
  const data = parseInput(CollectionInput, input)
  return db.transaction().execute(async (trx) => {
    await assertNameFree(trx, data.name)
    const row = await insertCollection(trx, data)
    await recordAudit(trx, {
      ...by,
      action: 'source_collection.create',
      entity: 'source_collection',
      entityId: row.id,
      after: data,
    })
    return row
  })
}

/** Renames a collection (and changes its description). Audited. */
export async function renameCollection(db: Kysely<Database>, id: number, input: unknown, by: Actor) {
  const data = parseInput(CollectionInput, input)
  await db.transaction().execute(async (trx) => {
    const before = await mustFind(trx, id)
    await assertNameFree(trx, data.name, id)
    await updateCollection(trx, id, data)
    await recordAudit(trx, {
      ...by,
      action: 'source_collection.update',
      entity: 'source_collection',
      entityId: id,
      before: { name: before.name, description: before.description },
      after: data,
    })
  })
}

/** Deletes a collection; its sources stay, only their membership goes. Audited. */
export async function removeCollection(db: Kysely<Database>, id: number, by: Actor) {
  await db.transaction().execute(async (trx) => {
    const before = await mustFind(trx, id)
    await deleteCollection(trx, id)
    await recordAudit(trx, {
      ...by,
      action: 'source_collection.delete',
      entity: 'source_collection',
      entityId: id,
      before: { name: before.name, description: before.description },
    })
  })
}

/** Puts sources into a collection, or takes them out of it. Unknown sources are refused. Audited. */
export async function assignSources(db: Kysely<Database>, input: unknown, by: Actor): Promise<number> {
  const data = parseInput(AssignInput, input)
  return db.transaction().execute(async (trx) => {
    await mustFind(trx, data.collectionId)
    const ids = [...new Set(data.sourceIds)]
    const known = await trx.selectFrom('sources').select('id').where('id', 'in', ids).execute()
    if (known.length !== ids.length)
      throw new AppError('VALIDATION_FAILED', 'unknown source in selection', {
        fields: [{ field: 'sourceIds', key: 'field.invalid' }],
      })
    const changed =
      data.mode === 'add'
        ? await addMembers(trx, data.collectionId, ids)
        : await removeMembers(trx, data.collectionId, ids)
    await recordAudit(trx, {
      ...by,
      action: data.mode === 'add' ? 'source_collection.add_sources' : 'source_collection.remove_sources',
      entity: 'source_collection',
      entityId: data.collectionId,
      after: { sourceIds: ids, changed },
    })
    return changed
  })
}

/**
 * Sets exactly which collections one source belongs to (the source page's checkboxes); unknown
 * collections are refused. Audited with the names before and after.
 */
export async function setSourceCollections(
  db: Kysely<Database>,
  sourceId: number,
  input: unknown,
  by: Actor,
): Promise<void> {
  const wanted = new Set(parseInput(MembershipInput, input).collectionIds)
  await db.transaction().execute(async (trx) => {
    const source = await trx.selectFrom('sources').select('id').where('id', '=', sourceId).executeTakeFirst()
    if (!source) throw new AppError('NOT_FOUND', `No source ${sourceId}`, { details: { sourceId } })
    const all = await trx.selectFrom('source_collections').select(['id', 'name']).execute()
    if ([...wanted].some((id) => !all.some((c) => c.id === id)))
      throw new AppError('VALIDATION_FAILED', 'unknown collection', {
        fields: [{ field: 'collectionIds', key: 'field.invalid' }],
      })
    const current = new Set(
      (
        await trx
          .selectFrom('source_collection_members')
          .select('collection_id')
          .where('source_id', '=', sourceId)
          .execute()
      ).map((r) => r.collection_id),
    )
    for (const id of wanted) if (!current.has(id)) await addMembers(trx, id, [sourceId])
    for (const id of current) if (!wanted.has(id)) await removeMembers(trx, id, [sourceId])
    const names = (ids: Set<number>) => all.filter((c) => ids.has(c.id)).map((c) => c.name)
    await recordAudit(trx, {
      ...by,
      action: 'source.collections',
      entity: 'source',
      entityId: sourceId,
      before: { collections: names(current) },
      after: { collections: names(wanted) },
    })
  })
}
