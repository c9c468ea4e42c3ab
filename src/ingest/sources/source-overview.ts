import { type Kysely, sql } from 'kysely'
import { type DialectName, vnDaySql } from '../../db/dialect.js'
import type { Database, SourceKind } from '../../db/schema.js'
import { collectionsOf } from '../../db/tables/source-collections.js'
import { vnDayKey } from '../../shared/time.js'

/** Days over which "items per day" is averaged. */
export const RATE_DAYS = 7

export interface SourceOverview {
  id: number
  name: string
  homepage: string
  country: string
  lang: string
  kind: SourceKind
  verified: boolean
  enabled: boolean
  collections: { id: number; name: string }[]
  articles: number
  perDay: number
  feeds: number
  /** latest successful fetch over its feeds */
  lastFetchAt: string | null
  /** the most recent error over its feeds still standing (cleared by a success) */
  lastError: { message: string; code: string | null } | null
  /** the soonest next check over its enabled feeds */
  nextCheckAt: string | null
  /** largest graded failure count over its feeds: > 0 means the fetcher is backing off */
  backoff: number
}

/**
 * One page of sources (by name), optionally of one collection, with their health: last fetch, items
 * per day over RATE_DAYS, last error, next check and backoff. Queries touch only the page's sources.
 */
export async function sourceOverview(
  db: Kysely<Database>,
  opts: { collectionId?: number | undefined; limit: number; offset: number; now: Date },
): Promise<SourceOverview[]> {
  let q = db.selectFrom('sources as s').selectAll('s')
  if (opts.collectionId !== undefined) {
    const cid = opts.collectionId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('source_collection_members as m')
          .select('m.source_id')
          .whereRef('m.source_id', '=', 's.id')
          .where('m.collection_id', '=', cid),
      ),
    )
  }
  const sources = await q.orderBy('s.name').orderBy('s.id').limit(opts.limit).offset(opts.offset).execute()
  const ids = sources.map((s) => s.id)
  if (ids.length === 0) return []
  const since = new Date(opts.now.getTime() - RATE_DAYS * 86_400_000).toISOString()
  const [feeds, counts, groups] = await Promise.all([
    db.selectFrom('feeds').selectAll().where('source_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('articles')
      .select([
        'source_id',
        (eb) => eb.fn.countAll<string | number>().as('total'),
        sql<string | number>`sum(case when fetched_at >= ${since} then 1 else 0 end)`.as('recent'),
      ])
      .where('source_id', 'in', ids)
      .groupBy('source_id')
      .execute(),
    collectionsOf(db, ids),
  ])
  const count = new Map(counts.map((c) => [c.source_id, c]))
  return sources.map((s) => {
    const own = feeds.filter((f) => f.source_id === s.id)
    const failing = own
      .filter((f) => f.last_error)
      .sort((a, b) => (b.last_checked_at ?? '').localeCompare(a.last_checked_at ?? ''))[0]
    const enabled = own.filter((f) => f.enabled === 1)
    return {
      id: s.id,
      name: s.name,
      homepage: s.homepage,
      country: s.country,
      lang: s.lang,
      kind: s.kind,
      verified: s.verified === 1,
      enabled: s.enabled === 1,
      collections: groups.get(s.id) ?? [],
      articles: Number(count.get(s.id)?.total ?? 0),
      perDay: Number(count.get(s.id)?.recent ?? 0) / RATE_DAYS,
      feeds: own.length,
      lastFetchAt: maxOf(own.map((f) => f.last_success_at)),
      lastError: failing ? { message: failing.last_error ?? '', code: failing.last_error_code } : null,
      nextCheckAt: enabled.length ? enabled.map((f) => f.next_check_at).sort()[0]! : null,
      backoff: Math.max(0, ...own.map((f) => f.failures)),
    }
  })
}

const maxOf = (xs: (string | null)[]) =>
  xs.reduce<string | null>((m, x) => (x !== null && (m === null || x > m) ? x : m), null)

/** How many sources the list holds (for paging), optionally in one collection. */
export async function countSources(db: Kysely<Database>, collectionId?: number): Promise<number> {
  let q = db.selectFrom('sources as s').select((eb) => eb.fn.countAll<string | number>().as('n'))
  if (collectionId !== undefined)
    q = q
      .innerJoin('source_collection_members as m', 'm.source_id', 's.id')
      .where('m.collection_id', '=', collectionId)
  return Number((await q.executeTakeFirstOrThrow()).n)
}

/**
 * Articles per Viet Nam calendar day over the last `days` days (publication time, fetch time when the
 * outlet gave none), every day present, oldest first.
 */
export async function dailyVolume(
  db: Kysely<Database>,
  dialect: DialectName,
  sourceId: number,
  days: number,
  now: Date,
): Promise<{ day: string; n: number }[]> {
  const first = vnDayKey(new Date(now.getTime() - (days - 1) * 86_400_000))
  // One day of slack before the first VN day: the day boundary is at 17:00 UTC.
  const since = new Date(now.getTime() - days * 86_400_000).toISOString()
  const day = vnDaySql(dialect, 'at_time')
  const rows = await db
    .selectFrom(
      db
        .selectFrom('articles')
        .select(sql<string>`coalesce(published_at, fetched_at)`.as('at_time'))
        .where('source_id', '=', sourceId)
        .where((eb) =>
          eb.or([
            eb('published_at', '>=', since),
            eb.and([eb('published_at', 'is', null), eb('fetched_at', '>=', since)]),
          ]),
        )
        .as('a'),
    )
    .select([day.as('day'), (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy(day)
    .execute()
  const byDay = new Map(rows.map((r) => [r.day, Number(r.n)]))
  const out: { day: string; n: number }[] = []
  for (let i = days - 1; i >= 0; i--) {
    const d = vnDayKey(new Date(now.getTime() - i * 86_400_000))
    if (d >= first) out.push({ day: d, n: byDay.get(d) ?? 0 })
  }
  return out
}

/** The source's newest articles (publication time, fetch time when none, then id). */
export const latestArticles = (db: Kysely<Database>, sourceId: number, limit: number) =>
  db
    .selectFrom('articles')
    .select(['id', 'title', 'published_at', 'fetched_at', 'lang', 'dup_of'])
    .where('source_id', '=', sourceId)
    .orderBy(sql`coalesce(published_at, fetched_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
