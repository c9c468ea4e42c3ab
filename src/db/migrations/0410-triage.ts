import type { Kysely } from 'kysely'

/** Triage state of watched articles: status, assignee, tags and notes (absent row = new). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('triage_items')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute()
  await db.schema
    .createIndex('triage_status_idx')
    .on('triage_items')
    .columns(['status', 'assignee_id'])
    .execute()
}
