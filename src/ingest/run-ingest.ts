import PQueue from 'p-queue'
import { dueFeeds, recordFeedValidators } from '../db/tables/feeds.js'
import { listSources } from '../db/tables/sources.js'
import type { IngestContext } from './ingest-context.js'
import { ingestArticle } from './ingest-article.js'
import { refreshFeed } from './refresh-feed.js'

export interface IngestRunOptions {
  /** check every enabled feed now, not only those due */
  force?: boolean
  sourceId?: number | undefined
  /** articles fetched at once across all sites (each site is still paced by the polite client) */
  concurrency?: number
  onProgress?: (e: { kind: 'total'; n: number } | { kind: 'done' }) => void
}

export interface IngestRunSummary {
  feeds: number
  feedErrors: number
  stored: number
  duplicates: number
  existing: number
  /** listed pages that hold no article (section, tag, home pages): recorded on the feed, not stored */
  skipped: number
  failed: number
}

/** The default spread of article fetches across sites; politeness per site is the client's job. */
const DEFAULT_CONCURRENCY = 8
/** Articles waiting in the queue at most (per pass); more are added as these start. */
const QUEUED_AHEAD = 200

/**
 * One ingest pass: refresh the due feeds, then fetch, extract and store every new article they list.
 * A failing feed or article is recorded and skipped; the rest goes on.
 */
export async function runIngest(ctx: IngestContext, opts: IngestRunOptions = {}): Promise<IngestRunSummary> {
  const feeds = await dueFeeds(ctx.db, {
    now: ctx.now().toISOString(),
    force: opts.force ?? false,
    sourceId: opts.sourceId,
  })
  const sources = new Map((await listSources(ctx.db)).map((s) => [s.id, s]))
  const summary: IngestRunSummary = {
    feeds: feeds.length,
    feedErrors: 0,
    stored: 0,
    duplicates: 0,
    existing: 0,
    skipped: 0,
    failed: 0,
  }
  const pool = new PQueue({ concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY })
  const claimed = new Set<string>()
  await Promise.all(
    feeds.map(async (feed) => {
      const source = sources.get(feed.source_id)
      if (!source || !source.enabled) return
      const r = await refreshFeed(ctx, feed, { deferValidators: true })
      if (r.status === 'error') summary.feedErrors++
      // The same article may be listed by two feeds of a run: fetch it once.
      const fresh = r.candidates.filter((c) => !claimed.has(c.canonicalUrl))
      for (const c of fresh) claimed.add(c.canonicalUrl)
      opts.onProgress?.({ kind: 'total', n: fresh.length })
      const tasks: Promise<void>[] = []
      for (const c of fresh) {
        // a feed of thousands of new entries is queued a slice at a time, not in one long turn
        if (pool.size >= QUEUED_AHEAD) await pool.onSizeLessThan(QUEUED_AHEAD / 2)
        tasks.push(
          pool
            .add(async () => {
              const out = await ingestArticle(ctx, {
                ...c,
                sourceId: source.id,
                feedId: feed.id,
                sourceLang: source.lang,
              })
              if (out.status === 'stored') {
                summary.stored++
                if (out.dupOf !== null) summary.duplicates++
              } else if (out.status === 'exists') summary.existing++
              else if (out.status === 'skipped') summary.skipped++
              else summary.failed++
              opts.onProgress?.({ kind: 'done' })
            })
            .catch((e: unknown) => {
              // ingestArticle returns its failures; anything else must still not escape as an unhandled rejection
              summary.failed++
              ctx.log.error({ err: e, entry_url: c.url }, 'article task failed')
            }),
        )
      }
      await Promise.all(tasks)
      // only now is every entry of the response stored (or given up on): its validators may be kept
      if (r.validators) await recordFeedValidators(ctx.db, feed.id, r.validators)
    }),
  )
  await pool.onIdle()
  return summary
}
