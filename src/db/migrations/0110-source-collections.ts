import type { Kysely } from 'kysely'
import { type DialectName, withId } from '../dialect.js'

/** The collections shipped with the product; admins may rename or delete them afterwards. */
export const DEFAULT_COLLECTIONS = [
  { key: 'central', name: 'Báo chí trung ương' },
  { key: 'foreign', name: 'Báo chí nước ngoài' },
  { key: 'local', name: 'Báo địa phương' },
] as const

/**
 * Source collections ("Báo chí trung ương", "Báo chí nước ngoài", "Báo địa phương"…) and which sources
 * belong to each (a source may be in several). The three defaults are created here, once.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(db.schema.createTable('source_collections'), dialect)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    /** `central` | `foreign` | `local` for the shipped ones (default membership), null otherwise */
    .addColumn('default_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('source_collection_members')
    .addColumn('collection_id', 'integer', (c) =>
      c.notNull().references('source_collections.id').onDelete('cascade'),
    )
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('source_collection_members_pk', ['collection_id', 'source_id'])
    .execute()
  await db.schema
    .createIndex('source_collection_members_source_idx')
    .on('source_collection_members')
    .column('source_id')
    .execute()
  const now = new Date().toISOString()
  await db
    .insertInto('source_collections' as never)
    .values(
      DEFAULT_COLLECTIONS.map((c) => ({
        name: c.name,
        description: null,
        default_key: c.key,
        created_at: now,
        updated_at: now,
      })) as never,
    )
    .execute()
}
