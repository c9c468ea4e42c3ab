import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'

/** Roles that receive the office's alerts. */
export const ALERT_ROLES = ['analyst', 'leader', 'admin'] as const

export interface Recipient {
  id: number
  email: string
  name: string
}

/** The office's watchlists (no owner) alert every active analyst, leader and admin; a personal one its owner. */
export async function recipientsOf(
  db: Kysely<Database>,
  watchlist: { owner_id: number | null },
): Promise<Recipient[]> {
  let q = db.selectFrom('users').select(['id', 'email', 'name']).where('disabled', '=', 0)
  q =
    watchlist.owner_id === null
      ? q.where('role', 'in', [...ALERT_ROLES])
      : q.where('id', '=', watchlist.owner_id)
  return q.orderBy('id').execute()
}
