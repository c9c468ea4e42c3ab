import type { Kysely } from 'kysely'

/** Each user's choice of alert e-mail and the daily digest (absent row = both on, as before). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('alert_email', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('digest_email', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}
