import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'

/** Roles that receive the office's alerts. */
export const ALERT_ROLES = ['analyst', 'leader', 'admin'] as const

export interface Recipient {
  id: number
  email: string
  name: string
  /** the user's choice (profile page): alert e-mails from rules that send at once */
  alertEmail: boolean
  /** the user's choice: the 07:00 digest e-mail */
  digestEmail: boolean
}

/**
 * The office's watchlists (no owner) alert every active analyst, leader and admin; a personal one its
 * owner. Each recipient carries their e-mail choices (no settings row: both on); in-app always.
 */
export async function recipientsOf(
  db: Kysely<Database>,
  watchlist: { owner_id: number | null },
): Promise<Recipient[]> {
  let q = db
    .selectFrom('users')
    .leftJoin('notification_settings as ns', 'ns.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'ns.alert_email', 'ns.digest_email'])
    .where('users.disabled', '=', 0)
  q =
    watchlist.owner_id === null
      ? q.where('users.role', 'in', [...ALERT_ROLES])
      : q.where('users.id', '=', watchlist.owner_id)
  const rows = await q.orderBy('users.id').execute()
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    alertEmail: r.alert_email !== 0,
    digestEmail: r.digest_email !== 0,
  }))
}
