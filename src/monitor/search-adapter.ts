import type { Db } from '../db/database.js'
import { attentionOverTime } from '../search/facets.js'
import { iterateMatches } from '../search/search-articles.js'
import type { MonitorSearch } from './monitor-context.js'

/** Matches examined per rule evaluation: alerts look at recent coverage, not the whole archive. */
const MAX_MATCHES = 20_000

/** The monitor's view of search: the real query language over the index (same rules as the explorer). */
export function searchAdapter(store: Db, timeoutMs: number): MonitorSearch {
  return {
    async matchArticles(query, range) {
      const out: { id: number }[] = []
      for await (const ids of iterateMatches(store, query, { batch: 1000, max: MAX_MATCHES, timeoutMs })) {
        if (ids.length === 0) continue
        const rows = await store.db
          .selectFrom('articles')
          .select('id')
          .where('id', 'in', ids)
          .where(range.field, '>=', range.from)
          .where(range.field, '<', range.to)
          .execute()
        out.push(...rows)
      }
      return out
    },
    async dailyCounts(query, range) {
      const buckets = await attentionOverTime(store, `(${query}) date:${range.from}..${range.to}`, 'day', {
        timeoutMs,
      })
      return buckets.map((b) => ({ day: b.bucket, count: b.count }))
    },
  }
}
