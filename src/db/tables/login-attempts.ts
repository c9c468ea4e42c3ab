import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'

export async function recordLoginFailure(db: Kysely<Database>, keys: string[], at: string) {
  if (keys.length === 0) return
  await db
    .insertInto('login_attempts')
    .values(keys.map((key) => ({ key, at })))
    .execute()
}

/** The highest number of failures any of the keys has had since `since`. */
export async function recentFailures(db: Kysely<Database>, keys: string[], since: string): Promise<number> {
  if (keys.length === 0) return 0
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('key', 'in', keys)
    .where('at', '>', since)
    .groupBy('key')
    .execute()
  return Math.max(0, ...rows.map((r) => Number(r.n)))
}

export async function clearLoginFailures(db: Kysely<Database>, keys: string[]) {
  if (keys.length === 0) return
  await db.deleteFrom('login_attempts').where('key', 'in', keys).execute()
}
