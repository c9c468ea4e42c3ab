import { z } from 'zod'
import { dueFeeds, findFeed } from '../db/tables/feeds.js'
import { findSource } from '../db/tables/sources.js'
import type { JobQueue, TaskList } from '../jobs/job-queue.js'
import type { IngestContext } from './ingest-context.js'
import { ingestArticle } from './ingest-article.js'
import { refreshFeed } from './refresh-feed.js'

const FeedPayload = z.object({ feedId: z.number().int() })
const ArticlePayload = z.object({
  feedId: z.number().int(),
  url: z.string(),
  canonicalUrl: z.string(),
  title: z.string().nullish(),
  publishedAt: z.string().nullish(),
  author: z.string().nullish(),
  summary: z.string().nullish(),
  contentHtml: z.string().nullish(),
})

/**
 * Ingest as background jobs: `ingest.poll` (scheduled) queues a refresh per due feed; each refresh
 * queues one job per new article. Job keys make a feed or URL queued twice run once.
 */
export function ingestTasks(ctx: IngestContext, queue: JobQueue): TaskList {
  return {
    'ingest.poll': async () => {
      for (const feed of await dueFeeds(ctx.db, { now: ctx.now().toISOString() })) {
        await queue.add(
          'ingest.refresh_feed',
          { feedId: feed.id },
          { jobKey: `refresh:${feed.id}`, maxAttempts: 1 },
        )
      }
    },
    'ingest.refresh_feed': async (payload) => {
      const { feedId } = FeedPayload.parse(payload)
      const feed = await findFeed(ctx.db, feedId)
      if (!feed || !feed.enabled) return
      const r = await refreshFeed(ctx, feed)
      for (const c of r.candidates) {
        await queue.add(
          'ingest.fetch_article',
          { feedId, ...c },
          { jobKey: `article:${c.canonicalUrl}`, maxAttempts: 3 },
        )
      }
    },
    'ingest.fetch_article': async (payload) => {
      const p = ArticlePayload.parse(payload)
      const feed = await findFeed(ctx.db, p.feedId)
      const source = feed ? await findSource(ctx.db, feed.source_id) : undefined
      if (!feed || !source) return
      const out = await ingestArticle(ctx, {
        ...p,
        sourceId: source.id,
        feedId: feed.id,
        sourceLang: source.lang,
      })
      if (out.status === 'failed' && !['FETCH_BLOCKED', 'HTTP_404', 'HTTP_410'].includes(out.code)) {
        throw new Error(`${out.code}: ${out.message}`)
      }
    },
  }
}
