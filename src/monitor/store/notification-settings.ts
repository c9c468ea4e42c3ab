import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** What a user receives by e-mail. In-app notifications are not optional: they are the record. */
export interface NotificationSettings {
  alertEmail: boolean
  digestEmail: boolean
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { alertEmail: true, digestEmail: true }

export async function notificationSettings(
  db: Kysely<Database>,
  userId: number,
): Promise<NotificationSettings> {
  const row = await db
    .selectFrom('notification_settings')
    .select(['alert_email', 'digest_email'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row
    ? { alertEmail: row.alert_email === 1, digestEmail: row.digest_email === 1 }
    : DEFAULT_NOTIFICATION_SETTINGS
}

export async function putNotificationSettings(
  db: Kysely<Database>,
  userId: number,
  s: NotificationSettings,
  now = new Date(),
) {
  const values = {
    alert_email: s.alertEmail ? 1 : 0,
    digest_email: s.digestEmail ? 1 : 0,
    updated_at: now.toISOString(),
  }
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute()
}
