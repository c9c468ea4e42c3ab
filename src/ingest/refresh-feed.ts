import type { FeedRow } from '../db/tables/feeds.js'
import { recordFeedFailure, recordFeedSuccess } from '../db/tables/feeds.js'
import { existingCanonicalUrls } from '../db/tables/articles.js'
import { markSourceVerified } from '../db/tables/sources.js'
import { canonicalizeUrl } from './dedupe/canonicalize-url.js'
import { classifyFetchError, nextCheckDelay } from './fetch/classify-fetch-error.js'
import type { IngestContext } from './ingest-context.js'
import { decodeBytes } from './parse/charset.js'
import { parseFeed } from './parse/parse-feed.js'
import { parseListing } from './parse/parse-listing.js'
import { parseSitemap } from './parse/parse-sitemap.js'

/** An article URL found in a feed, sitemap or listing, with whatever the listing said about it. */
export interface Candidate {
  url: string
  canonicalUrl: string
  title?: string | null
  publishedAt?: string | null
  author?: string | null
  summary?: string | null
  contentHtml?: string | null
}

export interface RefreshResult {
  status: 'ok' | 'not_modified' | 'error'
  /** entries not yet stored, newest first as the feed listed them */
  candidates: Candidate[]
  error?: { code: string; grade: string; message: string }
}

/** Child sitemaps read per index visit: the newest few carry the news; the rest is archive. */
const MAX_CHILD_SITEMAPS = 5
/** Graded failure weights (hard errors back a feed off fastest). */
const FAILURE_WEIGHT: Record<string, number> = { hard: 1, soft: 0.5, temporary: 0.25 }

/**
 * Fetches one feed (RSS/Atom/JSON, sitemap or listing page), records the outcome on the feed row
 * and returns the entries that are not stored yet. Errors never escape: they are graded, stored on
 * the feed with the next check time, and returned.
 */
export async function refreshFeed(ctx: IngestContext, feed: FeedRow): Promise<RefreshResult> {
  const log = ctx.log.child({ feed_id: feed.id, feed_url: feed.url })
  try {
    const res = await ctx.client.get(feed.url, { etag: feed.etag, lastModified: feed.last_modified })
    const next = new Date(ctx.now().getTime() + feed.interval_minutes * 60_000).toISOString()
    if (res.notModified) {
      await recordFeedSuccess(ctx.db, feed.id, {
        etag: feed.etag,
        lastModified: feed.last_modified,
        itemsSeen: 0,
        nextCheckAt: next,
      })
      return { status: 'not_modified', candidates: [] }
    }
    const { entries, format, title } = await readEntries(ctx, feed, res.bytes, res.url, res.charset)
    const found = dedupeByCanonical(entries)
    const stored = await existingCanonicalUrls(
      ctx.db,
      found.map((c) => c.canonicalUrl),
    )
    const candidates = found.filter((c) => !stored.has(c.canonicalUrl))
    await recordFeedSuccess(ctx.db, feed.id, {
      etag: res.etag,
      lastModified: res.lastModified,
      format,
      title,
      itemsSeen: candidates.length,
      nextCheckAt: next,
    })
    await markSourceVerified(ctx.db, feed.source_id)
    log.info({ entries: found.length, new_entries: candidates.length }, 'feed refreshed')
    return { status: 'ok', candidates }
  } catch (e) {
    const g = classifyFetchError(e)
    const delaySec = nextCheckDelay(Math.ceil(feed.failures + 1), g.grade, feed.interval_minutes * 60)
    const nextCheckAt = new Date(ctx.now().getTime() + delaySec * 1000).toISOString()
    await recordFeedFailure(ctx.db, feed.id, { ...g, weight: FAILURE_WEIGHT[g.grade] ?? 1, nextCheckAt })
    log.warn(
      { error_code: g.code, grade: g.grade, err_message: g.message, next_check_at: nextCheckAt },
      'feed refresh failed',
    )
    return { status: 'error', candidates: [], error: { code: g.code, grade: g.grade, message: g.message } }
  }
}

async function readEntries(
  ctx: IngestContext,
  feed: FeedRow,
  bytes: Uint8Array,
  url: string,
  charset: string | null,
) {
  if (feed.kind === 'sitemap')
    return { entries: await readSitemap(ctx, bytes, url), format: 'sitemap', title: null }
  const text = decodeBytes(bytes, { charset: charset }).text
  if (feed.kind === 'listing') {
    const links = parseListing(text, { url, selector: feed.selector ?? 'a' })
    return { entries: links.map((u) => ({ url: u })), format: 'listing', title: null }
  }
  const parsed = parseFeed(text, { url })
  const entries = parsed.items.map((i) => ({
    url: i.url,
    title: i.title,
    publishedAt: i.publishedAt,
    author: i.author,
    summary: i.summary,
    contentHtml: i.contentHtml,
  }))
  return { entries, format: parsed.format, title: parsed.title }
}

async function readSitemap(
  ctx: IngestContext,
  bytes: Uint8Array,
  url: string,
): Promise<Omit<Candidate, 'canonicalUrl'>[]> {
  const map = await parseSitemap(bytes)
  const out: Omit<Candidate, 'canonicalUrl'>[] = map.urls.map((u) => ({
    url: new URL(u.loc, url).href,
    title: u.news?.title ?? null,
    publishedAt: u.news?.publishedAt ?? u.lastmod ?? null,
  }))
  for (const child of map.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
    const res = await ctx.client.get(new URL(child, url).href)
    out.push(...(await readSitemap(ctx, res.bytes, res.url)))
  }
  return out
}

function dedupeByCanonical(entries: Omit<Candidate, 'canonicalUrl'>[]): Candidate[] {
  const seen = new Map<string, Candidate>()
  for (const e of entries) {
    if (!e.url || !/^https?:/i.test(e.url)) continue
    let canonicalUrl: string
    try {
      canonicalUrl = canonicalizeUrl(e.url)
    } catch {
      continue
    }
    if (!seen.has(canonicalUrl)) seen.set(canonicalUrl, { ...e, canonicalUrl })
  }
  return [...seen.values()]
}
