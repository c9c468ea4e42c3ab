import { randomBytes } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WebhooksTable } from '../monitor-schema.js'

export type WebhookRow = Selectable<WebhooksTable>

/** 32 random bytes: the HMAC-SHA256 key length. */
const SECRET_BYTES = 32

/** Creates a webhook with a fresh random secret (returned in the row: show it once). */
export async function createWebhook(
  db: Kysely<Database>,
  w: { name: string; url: string; secret?: string },
  now = new Date(),
): Promise<WebhookRow> {
  return db
    .insertInto('webhooks')
    .values({
      name: w.name,
      url: w.url,
      secret: w.secret ?? randomBytes(SECRET_BYTES).toString('hex'),
      enabled: 1,
      created_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export const findWebhook = (db: Kysely<Database>, id: number) =>
  db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst()

export const listWebhooks = (db: Kysely<Database>) =>
  db.selectFrom('webhooks').select(['id', 'name', 'url', 'enabled', 'created_at']).orderBy('name').execute()

export const setWebhookEnabled = (db: Kysely<Database>, id: number, enabled: boolean) =>
  db
    .updateTable('webhooks')
    .set({ enabled: enabled ? 1 : 0 })
    .where('id', '=', id)
    .execute()

export const deleteWebhook = (db: Kysely<Database>, id: number) =>
  db.deleteFrom('webhooks').where('id', '=', id).execute()
