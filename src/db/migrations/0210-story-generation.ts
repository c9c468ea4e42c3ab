import type { Kysely } from 'kysely'

/**
 * One counter that every analysis write transaction increments first (see
 * src/analyze/stories/story-window.ts): it serializes story assignment between processes (the row
 * lock on PostgreSQL, the write lock on SQLite) and tells a process whose open stories are kept in
 * memory whether another one changed the stories since its last write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('story_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute()
  await (db as Kysely<{ story_generation: { id: number; generation: number } }>)
    .insertInto('story_generation')
    .values({ id: 1, generation: 0 })
    .execute()
}
