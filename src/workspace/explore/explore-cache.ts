import type { Db } from '../../db/database.js'
import type { SearchSort } from '../../search/search-articles.js'
import { createDashboardCache } from '../dashboard/dashboard-cache.js'
import type { ReadRunner } from '../read-worker/read-worker.js'
import { type ExploreHits, type ExploreOverview, exploreOverview } from './explore-data.js'

/** How long a computed explorer result may be shown while nothing was indexed or analysed. */
export const EXPLORE_TTL_MS = 60_000
/** Results kept: queries × sorts × pages; an overview serves every sort and page of its query. */
const MAX_ENTRIES = 256

/**
 * What explorer results depend on, cheaply: the newest indexed article (new matches) and the newest
 * analysis time (tone, topics, places). Two index look-ups (there is no index on the indexing time).
 */
async function exploreVersion(store: Db): Promise<string> {
  const r = await store.db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('search_docs')
        .select((x) => x.fn.max('article_id').as('m'))
        .as('indexed'),
      eb
        .selectFrom('articles')
        .select((x) => x.fn.max('analyzed_at').as('m'))
        .as('analyzed'),
    ])
    .executeTakeFirst()
  return `${r?.indexed ?? ''}|${r?.analyzed ?? ''}`
}

/**
 * Explorer results kept as the dashboard keeps its figures: per query, a page of hits (by sort and
 * page) and the overview (facets and attention, by exactness), served again while nothing was
 * indexed or analysed and for at most EXPLORE_TTL_MS (a deleted article, a renamed source age out).
 * Concurrent requests for the same result share one computation; a failure (a timeout) is not kept.
 */
export function createExploreCache(store: Db, opts: { ttlMs?: number; reader?: ReadRunner } = {}) {
  const ttlMs = opts.ttlMs ?? EXPLORE_TTL_MS
  const hits = createDashboardCache<ExploreHits>(ttlMs, MAX_ENTRIES)
  const overviews = createDashboardCache<ExploreOverview>(ttlMs, MAX_ENTRIES)
  return {
    version: () => exploreVersion(store),
    /** Counts a query's overview, on the read worker when there is one (it holds no reader's thread). */
    computeOverview: (q: string, o: { timeoutMs: number; exact?: boolean }): Promise<ExploreOverview> =>
      opts.reader
        ? opts.reader.run('overview', { q, timeoutMs: o.timeoutMs, ...(o.exact ? { exact: true } : {}) })
        : exploreOverview(store, q, o),
    hits: (
      q: string,
      o: { sort: SearchSort; page: number; exact?: boolean },
      version: string,
      compute: () => Promise<ExploreHits>,
    ) => hits.get(JSON.stringify([q, o.sort, o.page, o.exact === true]), version, compute),
    overview: (q: string, o: { exact?: boolean }, version: string, compute: () => Promise<ExploreOverview>) =>
      overviews.get(JSON.stringify([q, o.exact === true]), version, compute),
    /** The overview of a query if it is computed already for this version. */
    readyOverview: (q: string, o: { exact?: boolean }, version: string) =>
      overviews.peek(JSON.stringify([q, o.exact === true]), version),
  }
}

export type ExploreCache = ReturnType<typeof createExploreCache>
