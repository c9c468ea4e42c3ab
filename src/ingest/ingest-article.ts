import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { classifyFetchError } from './fetch/classify-fetch-error.js'
import type { IngestContext } from './ingest-context.js'
import { prepareArticle } from './prepare-article.js'
import type { Candidate } from './refresh-feed.js'
import { writeArticle } from './store/article-writer.js'
import { NOT_AN_ARTICLE, NOT_AN_ARTICLE_REASON, recordSkippedPage } from './store/skipped-pages.js'
import { isHeavyPage, PAGE_JOB_TIMEOUT_MS } from './work/heavy-input.js'
import { sharedWorkPool } from './work/work-pool.js'

/** Compresses on libuv's thread pool: ~1 ms per 30 KB page that the event loop does not spend. */
const gzipAsync = promisify(gzip)

/** Near-duplicates are looked for among articles fetched this recently (syndication happens fast). */
const NEAR_DUP_WINDOW_DAYS = 14

export type IngestOutcome =
  | { status: 'stored'; id: number; dupOf: number | null }
  | { status: 'exists'; id: number }
  /** the page holds no article (a section, tag or home page): recorded as skipped, never stored */
  | { status: 'skipped'; code: string; message: string }
  | { status: 'failed'; code: string; message: string }

/**
 * One article, from URL to stored row: fetch the page, extract (sanitized HTML is extract's last
 * step), normalize the text, find its syndication group, store it with its compressed raw HTML.
 * Idempotent by canonical URL; a failure is returned, never thrown.
 */
export async function ingestArticle(
  ctx: IngestContext,
  c: Candidate & { sourceId: number; feedId: number | null; sourceLang: string },
): Promise<IngestOutcome> {
  const log = ctx.log.child({ entry_url: c.url, feed_id: c.feedId })
  let res: Fetched
  try {
    res = await ctx.client.get(c.url, { accept: 'text/html,application/xhtml+xml' })
  } catch (e) {
    const g = classifyFetchError(e)
    log.warn({ error_code: g.code, err_message: g.message }, 'article fetch failed')
    return { status: 'failed', code: g.code, message: g.message }
  }
  try {
    return await storePage(ctx, c, res)
  } catch (e) {
    // extraction or the store failed (a pathological page, a lost connection): this article only
    const g = classifyFetchError(e)
    log.error({ error_code: g.code, err_message: g.message }, 'article not stored')
    return { status: 'failed', code: g.code, message: g.message }
  }
}

type Fetched = Awaited<ReturnType<IngestContext['client']['get']>>

/** Extract, fingerprint and store one fetched page. */
async function storePage(
  ctx: IngestContext,
  c: Candidate & { sourceId: number; feedId: number | null; sourceLang: string },
  res: Fetched,
): Promise<IngestOutcome> {
  const gzipped = gzipAsync(res.bytes)
  // a failure before the await below must not leave the compression's rejection unhandled
  gzipped.catch(() => {})
  const input = {
    bytes: res.bytes,
    charset: res.charset,
    finalUrl: res.url,
    entry: c,
    sourceLang: c.sourceLang,
  }
  // big or deeply nested pages are extracted on a worker thread: seconds of parsing never block the loop
  const p = isHeavyPage(res.bytes)
    ? await (ctx.work ?? sharedWorkPool()).run('prepareArticle', input, { timeoutMs: PAGE_JOB_TIMEOUT_MS })
    : prepareArticle(input)
  if (p.kind === 'not-an-article') return skipNonArticle(ctx, c, res.url)
  const now = ctx.now()
  const written = await writeArticle(ctx.db, {
    row: {
      source_id: c.sourceId,
      feed_id: c.feedId,
      url: res.url,
      canonical_url: c.canonicalUrl,
      title: p.title,
      author: p.author,
      // Undated pages take their fetch time, so every article sits on the timeline; a warning says so.
      published_at: p.publishedAt ?? now.toISOString(),
      modified_at: p.modifiedAt,
      fetched_at: now.toISOString(),
      lang: p.lang,
      lead: p.lead,
      body_text: p.bodyText,
      content_html: p.contentHtml,
      image_url: p.imageUrl,
      word_count: p.wordCount,
      ...p.cols,
      warnings: [...p.warnings, ...(p.publishedAt ? [] : ['date-from-fetch'])].join(',') || null,
      created_at: now.toISOString(),
    },
    raw: {
      fetched_at: res.fetchedAt,
      final_url: res.url,
      http_status: res.status,
      content_type: res.contentType,
      sha256: p.sha256,
      html_gz: await gzipped,
    },
    cols: p.cols,
    fp: p.fp,
    since: new Date(now.getTime() - NEAR_DUP_WINDOW_DAYS * 86_400_000).toISOString(),
  })
  if (!written.created) return { status: 'exists', id: written.id }
  ctx.log.debug({ article_id: written.id, dup_of: written.dupOf }, 'article stored')
  await ctx.onArticle?.(written.id)
  return { status: 'stored', id: written.id, dupOf: written.dupOf }
}

/** A page with no article text and no feed text to fall back on: its reason is kept, no row is stored. */
async function skipNonArticle(
  ctx: IngestContext,
  c: Candidate & { sourceId: number; feedId: number | null },
  finalUrl: string,
): Promise<IngestOutcome> {
  const skip = { code: NOT_AN_ARTICLE, message: NOT_AN_ARTICLE_REASON }
  await recordSkippedPage(
    ctx.db,
    {
      sourceId: c.sourceId,
      feedId: c.feedId,
      url: finalUrl,
      canonicalUrl: c.canonicalUrl,
      reasonCode: skip.code,
      reason: skip.message,
    },
    ctx.now(),
  )
  ctx.log.info({ entry_url: c.url, feed_id: c.feedId, reason_code: skip.code }, 'page is not an article')
  return { status: 'skipped', ...skip }
}
