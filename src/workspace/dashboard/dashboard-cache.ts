import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** Age after which a computed dashboard of an unchanged data version is computed again (in the background). */
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
  /** an aged entry being computed again (its value is served meanwhile) */
  refreshing?: boolean
}

/**
 * The dashboard's aggregates and charts per (period, scope, language), served again while the data
 * version is unchanged. Concurrent requests for the same key share one computation. A new version
 * (an article added or analysed) is waited for. An entry older than `ttlMs` of the same version
 * (what the version does not see: deletions, rule edits, renamed sources) is served once more while
 * it is computed again in the background: an aged entry never makes a reader wait, so entries
 * that age together never queue every request behind their recomputation. Per-user panels are not
 * cached.
 */
export function createDashboardCache<T>(ttlMs = DASHBOARD_TTL_MS, maxEntries = MAX_ENTRIES) {
  const entries = new Map<string, Entry<T>>()

  function start(version: string, compute: () => Promise<T>, now: number): Entry<T> {
    const value = compute()
    const entry: Entry<T> = { at: now, version, value }
    value.then(
      (v) => {
        entry.done = { value: v }
      },
      () => {},
    )
    return entry
  }

  function put(key: string, entry: Entry<T>) {
    entries.delete(key)
    entries.set(key, entry)
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
  }

  return {
    get(key: string, version: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
      const e = entries.get(key)
      if (e && e.version === version) {
        if (now - e.at < ttlMs || !e.done) return e.value
        if (!e.refreshing) {
          e.refreshing = true
          const next = start(version, compute, now)
          next.value.then(
            () => {
              if (entries.get(key) === e) put(key, next)
            },
            () => {
              e.refreshing = false
            },
          )
        }
        return Promise.resolve(e.done.value)
      }
      const entry = start(version, compute, now)
      put(key, entry)
      // a failed computation is not kept: the next request tries again
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key)
      })
      return entry.value
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
