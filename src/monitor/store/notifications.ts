import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

export async function insertNotifications(
  db: Kysely<Database>,
  alertId: number,
  userIds: readonly number[],
  now: Date,
) {
  if (userIds.length === 0) return
  await db
    .insertInto('notifications')
    .values(
      userIds.map((u) => ({ user_id: u, alert_id: alertId, created_at: now.toISOString(), read_at: null })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'alert_id']).doNothing())
    .execute()
}

/** A user's notifications with their alert, newest first. */
export const listNotifications = (
  db: Kysely<Database>,
  userId: number,
  opts: { unreadOnly?: boolean; limit: number; offset?: number },
) => {
  let q = db
    .selectFrom('notifications')
    .innerJoin('alerts', 'alerts.id', 'notifications.alert_id')
    .select([
      'notifications.id',
      'notifications.read_at',
      'notifications.created_at',
      'alerts.title',
      'alerts.body',
      'alerts.link',
      'alerts.level',
      'alerts.id as alert_id',
    ])
    .where('notifications.user_id', '=', userId)
  if (opts.unreadOnly) q = q.where('notifications.read_at', 'is', null)
  return q
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset ?? 0)
    .execute()
}

export async function countUnread(db: Kysely<Database>, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Marks one notification (or all of the user's, when `id` is omitted) read. Only the owner's rows change. */
export async function markRead(db: Kysely<Database>, userId: number, at: string, id?: number) {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (id !== undefined) q = q.where('id', '=', id)
  await q.execute()
}
