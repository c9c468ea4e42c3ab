import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** How long a computed dashboard may be shown while no article has arrived or been analysed. */
export const DASHBOARD_TTL_MS = 60_000
/** Entries kept (periods × scopes × languages; custom periods make the key space open). */
const MAX_ENTRIES = 64

/**
 * What the aggregates depend on, cheaply: the newest article id and the newest analysis time (two
 * index look-ups). A new article or a finished analysis changes it, and so invalidates every entry.
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  // two scalar subqueries: each max() alone is one index look-up; together in one select, a scan
  const r = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('articles')
        .select((x) => x.fn.max('id').as('m'))
        .as('id'),
      eb
        .selectFrom('articles')
        .select((x) => x.fn.max('analyzed_at').as('m'))
        .as('analyzed'),
    ])
    .executeTakeFirst()
  return `${r?.id ?? 0}|${r?.analyzed ?? ''}`
}

interface Entry<T> {
  at: number
  version: string
  value: Promise<T>
}

/**
 * The dashboard's aggregates and charts per (period, scope, language), served again while the data
 * version is unchanged and for at most DASHBOARD_TTL_MS (deletions and rule edits age out). Concurrent
 * requests for the same key share one computation. Per-user panels are not cached.
 */
export function createDashboardCache<T>(ttlMs = DASHBOARD_TTL_MS) {
  const entries = new Map<string, Entry<T>>()
  return {
    get(key: string, version: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
      const e = entries.get(key)
      if (e && e.version === version && now - e.at < ttlMs) return e.value
      const value = compute()
      entries.delete(key)
      entries.set(key, { at: now, version, value })
      // a failed computation is not kept: the next request tries again
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key)
      })
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
      return value
    },
    get size() {
      return entries.size
    },
  }
}
