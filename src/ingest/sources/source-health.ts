import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.js'

/** Days over which "items per day" is averaged on the Sources page. */
const RATE_DAYS = 7

export interface FeedHealth {
  id: number
  url: string
  kind: string
  lastCheckedAt: string | null
  lastSuccessAt: string | null
  nextCheckAt: string
  failures: number
  lastError: string | null
  lastErrorCode: string | null
  /** listed pages passed over as not articles, with the latest reason (see ingest_skipped_pages) */
  skippedPages: number
  lastSkipReason: string | null
}

export interface SourceHealth {
  id: number
  name: string
  homepage: string
  country: string
  lang: string
  kind: string
  collection: string | null
  verified: boolean
  enabled: boolean
  articles: number
  perDay: number
  feeds: FeedHealth[]
}

/** Every source with its feeds' state and its recent volume: one query per table, joined in memory. */
export async function sourceHealth(db: Kysely<Database>, now: Date): Promise<SourceHealth[]> {
  const since = new Date(now.getTime() - RATE_DAYS * 86_400_000).toISOString()
  const [sources, feeds, counts, skips] = await Promise.all([
    db.selectFrom('sources').selectAll().orderBy('name').execute(),
    db.selectFrom('feeds').selectAll().orderBy('id').execute(),
    db
      .selectFrom('articles')
      .select([
        'source_id',
        (eb) => eb.fn.countAll<string | number>().as('total'),
        sql<string | number>`sum(case when fetched_at >= ${since} then 1 else 0 end)`.as('recent'),
      ])
      .groupBy('source_id')
      .execute(),
    db
      .selectFrom('ingest_skipped_pages')
      .select(['feed_id', 'reason', 'last_seen_at'])
      .orderBy('last_seen_at')
      .execute(),
  ])
  const skipsByFeed = new Map<number, { n: number; reason: string }>()
  for (const k of skips) {
    if (k.feed_id === null) continue
    skipsByFeed.set(k.feed_id, { n: (skipsByFeed.get(k.feed_id)?.n ?? 0) + 1, reason: k.reason })
  }
  const bySource = new Map(counts.map((c) => [c.source_id, c]))
  return sources.map((s) => ({
    id: s.id,
    name: s.name,
    homepage: s.homepage,
    country: s.country,
    lang: s.lang,
    kind: s.kind,
    collection: s.collection,
    verified: s.verified === 1,
    enabled: s.enabled === 1,
    articles: Number(bySource.get(s.id)?.total ?? 0),
    perDay: Number(bySource.get(s.id)?.recent ?? 0) / RATE_DAYS,
    feeds: feeds
      .filter((f) => f.source_id === s.id)
      .map((f) => ({
        id: f.id,
        url: f.url,
        kind: f.kind,
        lastCheckedAt: f.last_checked_at,
        lastSuccessAt: f.last_success_at,
        nextCheckAt: f.next_check_at,
        failures: f.failures,
        lastError: f.last_error,
        lastErrorCode: f.last_error_code,
        skippedPages: skipsByFeed.get(f.id)?.n ?? 0,
        lastSkipReason: skipsByFeed.get(f.id)?.reason ?? null,
      })),
  }))
}
