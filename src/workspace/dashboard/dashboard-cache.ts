import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** How long a computed dashboard may be shown while no article has arrived or been analysed. */
export const DASHBOARD_TTL_MS = 60_000
/** Entries kept (periods × scopes × languages; custom periods make the key space open). */
const MAX_ENTRIES = 64

/** The newest article id and the newest analysis time: what the dashboard's figures depend on. */
export interface ArticlesVersion {
  id: number
  analyzed: string
}

/** Two index look-ups: each max() alone is one; together in one select, a scan. */
export async function articlesVersion(db: Kysely<Database>): Promise<ArticlesVersion> {
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
  return { id: Number(r?.id ?? 0), analyzed: r?.analyzed ?? '' }
}

/**
 * What the aggregates depend on, cheaply (see `articlesVersion`): a new article or a finished
 * analysis changes it, and so invalidates every entry.
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const v = await articlesVersion(db)
  return `${v.id}|${v.analyzed}`
}

interface Entry<T> {
  at: number
  version: string
  value: Promise<T>
  /** set once the value has resolved */
  done?: { value: T }
}

/**
 * The dashboard's aggregates and charts per (period, scope, language), served again while the data
 * version is unchanged and for at most DASHBOARD_TTL_MS (deletions and rule edits age out). Concurrent
 * requests for the same key share one computation. Per-user panels are not cached.
 */
export function createDashboardCache<T>(ttlMs = DASHBOARD_TTL_MS, maxEntries = MAX_ENTRIES) {
  const entries = new Map<string, Entry<T>>()
  return {
    get(key: string, version: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
      const e = entries.get(key)
      if (e && e.version === version && now - e.at < ttlMs) return e.value
      const value = compute()
      const entry: Entry<T> = { at: now, version, value }
      entries.delete(key)
      entries.set(key, entry)
      value.then(
        (v) => {
          entry.done = { value: v }
        },
        () => {},
      )
      // a failed computation is not kept: the next request tries again
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key)
      })
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
      return value
    },
    /** The value kept for this version if it is computed already (nothing is started). */
    peek(key: string, version: string, now = Date.now()): T | undefined {
      const e = entries.get(key)
      return e?.done && e.version === version && now - e.at < ttlMs ? e.done.value : undefined
    },
    get size() {
      return entries.size
    },
  }
}
