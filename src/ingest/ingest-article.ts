import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { findByContentHash, insertArticle, nearDuplicateCandidates } from '../db/tables/articles.js'
import { normalizeText } from '../text/normalize.js'
import { type DedupeColumns, dedupeColumns, fingerprintFromColumns } from './dedupe/dedupe-columns.js'
import { fingerprint, isNearDuplicate } from './dedupe/fingerprint.js'
import { extractArticle } from './extract/extract-article.js'
import type { ExtractedArticle } from './extract/types.js'
import { classifyFetchError } from './fetch/classify-fetch-error.js'
import type { IngestContext } from './ingest-context.js'
import { decodeBytes } from './parse/charset.js'
import type { Candidate } from './refresh-feed.js'
import { NOT_AN_ARTICLE, NOT_AN_ARTICLE_REASON, recordSkippedPage } from './store/skipped-pages.js'

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
  const html = decodeBytes(res.bytes, { charset: res.charset }).text
  const page = extractArticle(html, { url: res.url })
  const a = mergeWithEntry(page, c)
  if (!a.articleBody && page.warnings.includes('no-article')) return skipNonArticle(ctx, c, res.url)
  // Paragraphs stay (one blank line between them); a body that repeats the lead drops it.
  const lead = normalizeText(a.lead)
  const fullBody = normalizeText(a.articleBody, { keepNewlines: true }).replace(/\n/g, '\n\n')
  const body = lead && fullBody.startsWith(lead) ? fullBody.slice(lead.length).replace(/^\s+/, '') : fullBody
  // Reprints often change the title: the body alone decides what is the same text.
  const fp = fingerprint(body || a.title)
  const cols = dedupeColumns(fp)
  const now = ctx.now().toISOString()
  const raw = {
    fetched_at: res.fetchedAt,
    final_url: res.url,
    http_status: res.status,
    content_type: res.contentType,
    sha256: createHash('sha256').update(res.bytes).digest('hex'),
    html_gz: await gzipped,
  }
  // Group lookup and insert as one step: two copies of a release fetched together must see each other.
  const { stored, dupOf } = await oneAtATime(ctx.db, async () => {
    const dupOf = await findGroup(ctx, cols, fp)
    const row = {
      source_id: c.sourceId,
      feed_id: c.feedId,
      url: res.url,
      canonical_url: c.canonicalUrl,
      title: normalizeText(a.title).slice(0, 1000) || c.url,
      author: a.author ? normalizeText(a.author).slice(0, 300) : null,
      // Undated pages take their fetch time, so every article sits on the timeline; a warning says so.
      published_at: a.publishedAt ?? now,
      modified_at: a.updatedAt,
      fetched_at: now,
      lang: a.lang ?? c.sourceLang,
      lead: lead.slice(0, 5000),
      body_text: body,
      content_html: a.contentHtml,
      image_url: a.images[0]?.src ?? null,
      word_count: body ? body.split(/\s+/).length : 0,
      ...cols,
      dup_of: dupOf,
      warnings: [...a.warnings, ...(a.publishedAt ? [] : ['date-from-fetch'])].join(',') || null,
      created_at: now,
    }
    return { stored: await insertArticle(ctx.db, row, raw), dupOf }
  })
  if (!stored.created) return { status: 'exists', id: stored.id }
  ctx.log.debug({ article_id: stored.id, dup_of: dupOf }, 'article stored')
  await ctx.onArticle?.(stored.id)
  return { status: 'stored', id: stored.id, dupOf }
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

/** The tail of the store step running on each database handle, in this process. */
const storeSteps = new WeakMap<object, Promise<unknown>>()

/** Runs `step` after every step queued before it on the same database handle (failures included). */
function oneAtATime<T>(db: object, step: () => Promise<T>): Promise<T> {
  const next = (storeSteps.get(db) ?? Promise.resolve()).then(step, step)
  storeSteps.set(
    db,
    next.catch(() => {}),
  )
  return next
}

/** The page wins where it says something; the feed entry fills the gaps (title, date, author, text). */
function mergeWithEntry(page: ExtractedArticle, c: Candidate): ExtractedArticle {
  let fromFeed: ExtractedArticle | null = null
  if (!page.articleBody && c.contentHtml)
    fromFeed = extractArticle(`<article>${c.contentHtml}</article>`, { url: c.url })
  return {
    ...page,
    title: page.title || c.title || '',
    author: page.author ?? c.author ?? null,
    publishedAt: page.publishedAt ?? c.publishedAt ?? null,
    lead: page.lead || c.summary || '',
    articleBody: page.articleBody || fromFeed?.articleBody || '',
    contentHtml: page.articleBody ? page.contentHtml : (fromFeed?.contentHtml ?? ''),
  }
}

/** The representative of the article's syndication group, if an earlier article is the same text. */
async function findGroup(ctx: IngestContext, cols: DedupeColumns, fp: ReturnType<typeof fingerprint>) {
  const exact = await findByContentHash(ctx.db, cols.content_hash)
  if (exact) return exact.dup_of ?? exact.id
  const since = new Date(ctx.now().getTime() - NEAR_DUP_WINDOW_DAYS * 86_400_000).toISOString()
  for (const cand of await nearDuplicateCandidates(ctx.db, cols, since)) {
    if (isNearDuplicate(fp, fingerprintFromColumns(cand))) return cand.dup_of ?? cand.id
  }
  return null
}
