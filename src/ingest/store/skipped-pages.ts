import type { Generated, Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** Table of migration 0120, added to the shared `Database` by module augmentation. */
export interface IngestSkippedPagesTable {
  id: Generated<number>
  source_id: number
  feed_id: number | null
  url: string
  canonical_url: string
  /** stable code, e.g. `NOT_AN_ARTICLE` */
  reason_code: string
  /** what was found instead, in plain words (shown on the feed) */
  reason: string
  times_seen: number
  first_seen_at: string
  last_seen_at: string
  retry_after: string
}

declare module '../../db/schema.js' {
  interface Database {
    ingest_skipped_pages: IngestSkippedPagesTable
  }
}

/** Reason code of a listed page on which extraction found no article. */
export const NOT_AN_ARTICLE = 'NOT_AN_ARTICLE'
export const NOT_AN_ARTICLE_REASON =
  'no article text on the page (a section, tag, listing or home page?): not stored, looked at again in 30 days'

/** How long a page found not to be an article is left alone before it is looked at again. */
export const SKIP_RETRY_DAYS = 30

export interface SkippedPage {
  sourceId: number
  feedId: number | null
  url: string
  canonicalUrl: string
  reasonCode: string
  reason: string
}

/** Records (or refreshes) a page passed over, with its reason and the time it may be tried again. */
export async function recordSkippedPage(db: Kysely<Database>, p: SkippedPage, now: Date): Promise<void> {
  const at = now.toISOString()
  const retryAfter = new Date(now.getTime() + SKIP_RETRY_DAYS * 86_400_000).toISOString()
  await db
    .insertInto('ingest_skipped_pages')
    .values({
      source_id: p.sourceId,
      feed_id: p.feedId,
      url: p.url,
      canonical_url: p.canonicalUrl,
      reason_code: p.reasonCode,
      reason: p.reason,
      times_seen: 1,
      first_seen_at: at,
      last_seen_at: at,
      retry_after: retryAfter,
    })
    .onConflict((oc) =>
      oc.column('canonical_url').doUpdateSet((eb) => ({
        feed_id: p.feedId,
        reason_code: p.reasonCode,
        reason: p.reason,
        times_seen: eb('ingest_skipped_pages.times_seen', '+', 1),
        last_seen_at: at,
        retry_after: retryAfter,
      })),
    )
    .execute()
}

/** Of these canonical URLs, the ones passed over and not due for another look yet. */
export async function skippedCanonicalUrls(
  db: Kysely<Database>,
  urls: string[],
  now: Date,
): Promise<Set<string>> {
  const out = new Set<string>()
  const at = now.toISOString()
  for (let i = 0; i < urls.length; i += CHUNK) {
    const rows = await db
      .selectFrom('ingest_skipped_pages')
      .select('canonical_url')
      .where('canonical_url', 'in', urls.slice(i, i + CHUNK))
      .where('retry_after', '>', at)
      .execute()
    for (const r of rows) out.add(r.canonical_url)
  }
  return out
}
/** URLs per lookup: under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500

/** The pages a feed passed over, latest first (for the feed's health and the CLI). */
export const skippedPagesOfFeed = (db: Kysely<Database>, feedId: number, limit = 50) =>
  db
    .selectFrom('ingest_skipped_pages')
    .selectAll()
    .where('feed_id', '=', feedId)
    .orderBy('last_seen_at', 'desc')
    .limit(limit)
    .execute()
