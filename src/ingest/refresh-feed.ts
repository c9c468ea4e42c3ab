import { setImmediate } from 'node:timers/promises'
import type { FeedRow } from '../db/tables/feeds.js'
import { recordFeedFailure, recordFeedSuccess } from '../db/tables/feeds.js'
import { existingCanonicalUrls } from '../db/tables/articles.js'
import { findSource, markSourceVerified } from '../db/tables/sources.js'
import { canonicalizeUrl } from './dedupe/canonicalize-url.js'
import { classifyFetchError, nextCheckDelay } from './fetch/classify-fetch-error.js'
import type { IngestContext } from './ingest-context.js'
import { decodeBytes } from './parse/charset.js'
import { parseFeed } from './parse/parse-feed.js'
import { parseHTML } from 'linkedom'
import { parseListing } from './parse/parse-listing.js'
import { parseSitemap } from './parse/parse-sitemap.js'
import { skippedCanonicalUrls } from './store/skipped-pages.js'
import { FEED_JOB_TIMEOUT_MS, isHeavyFeed } from './work/heavy-input.js'
import { sharedWorkPool } from './work/work-pool.js'

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
  /**
   * With `deferValidators` and new entries: the feed's new ETag/Last-Modified, not yet stored. Record
   * them (`recordFeedValidators`) once every candidate is processed, so a crash in between re-reads the
   * feed instead of getting a 304 and losing the entries not yet stored.
   */
  validators?: { etag: string | null; lastModified: string | null }
}

export interface RefreshOptions {
  /** keep the old validators while candidates are pending (see `RefreshResult.validators`) */
  deferValidators?: boolean
}

/** Child sitemaps read per index visit: the newest few carry the news; the rest is archive. */
const MAX_CHILD_SITEMAPS = 5
/** Listing pages followed by `rel="next"` in one visit, and only while every link on a page is new (a backfill). */
const MAX_LISTING_PAGES = 5
/** Graded failure weights (hard errors back a feed off fastest). */
const FAILURE_WEIGHT: Record<string, number> = { hard: 1, soft: 0.5, temporary: 0.25 }

/**
 * Fetches one feed (RSS/Atom/JSON, sitemap or listing page), records the outcome on the feed row
 * and returns the entries that are not stored yet. Errors never escape: they are graded, stored on
 * the feed with the next check time, and returned.
 */
export async function refreshFeed(
  ctx: IngestContext,
  feed: FeedRow,
  opts: RefreshOptions = {},
): Promise<RefreshResult> {
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
    // Sitemaps list the homepage among the articles: it is not one.
    const homepage = await sourceHomepage(ctx, feed.source_id)
    const found = (await dedupeByCanonical(entries)).filter((c) => c.canonicalUrl !== homepage)
    const stored = await existingCanonicalUrls(
      ctx.db,
      found.map((c) => c.canonicalUrl),
    )
    // pages found earlier to hold no article are left alone until their retry time
    const skipped = await skippedCanonicalUrls(
      ctx.db,
      found.filter((c) => !stored.has(c.canonicalUrl)).map((c) => c.canonicalUrl),
      ctx.now(),
    )
    const candidates = found.filter((c) => !stored.has(c.canonicalUrl) && !skipped.has(c.canonicalUrl))
    const defer = opts.deferValidators === true && candidates.length > 0
    await recordFeedSuccess(ctx.db, feed.id, {
      etag: defer ? feed.etag : res.etag,
      lastModified: defer ? feed.last_modified : res.lastModified,
      format,
      title,
      itemsSeen: candidates.length,
      nextCheckAt: next,
    })
    await markSourceVerified(ctx.db, feed.source_id)
    log.info({ entries: found.length, new_entries: candidates.length }, 'feed refreshed')
    const validators = { etag: res.etag, lastModified: res.lastModified }
    return { status: 'ok', candidates, ...(defer ? { validators } : {}) }
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
  if (feed.kind === 'listing') {
    const text = decodeBytes(bytes, { charset: charset }).text
    const links = await readListing(ctx, text, url, feed.selector ?? 'a')
    return { entries: links.map((u) => ({ url: u })), format: 'listing', title: null }
  }
  // a feed of 100k items takes seconds to decode and parse: on a worker thread, so the loop stays free
  const parsed = isHeavyFeed(bytes)
    ? await (ctx.work ?? sharedWorkPool()).run(
        'parseFeed',
        { bytes, charset, url },
        { timeoutMs: FEED_JOB_TIMEOUT_MS },
      )
    : parseFeed(decodeBytes(bytes, { charset: charset }).text, { url })
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

/**
 * Links of a listing page, then of its `rel="next"` pages while every link on the page read is new:
 * a first visit backfills the few pages behind page 1, a routine visit reads page 1 only.
 */
async function readListing(ctx: IngestContext, html: string, url: string, selector: string) {
  const out: string[] = []
  let page = { html, url }
  for (let n = 1; ; n++) {
    const links = parseListing(page.html, { url: page.url, selector })
    out.push(...links)
    const next = n < MAX_LISTING_PAGES && links.length > 0 ? nextPageUrl(page.html, page.url) : null
    if (!next || next === page.url) return out
    const stored = await existingCanonicalUrls(ctx.db, links.map(canonicalOrSelf))
    if (stored.size > 0) return out
    const res = await ctx.client.get(next, { accept: 'text/html,application/xhtml+xml' })
    page = { html: decodeBytes(res.bytes, { charset: res.charset }).text, url: res.url }
  }
}

function nextPageUrl(html: string, base: string): string | null {
  const href = parseHTML(html).document.querySelector('a[rel~="next"][href], link[rel~="next"][href]')
  try {
    const u = href ? new URL(href.getAttribute('href') ?? '', base) : null
    return u && /^https?:$/.test(u.protocol) ? u.href : null
  } catch {
    return null
  }
}

function canonicalOrSelf(url: string): string {
  try {
    return canonicalizeUrl(url)
  } catch {
    return url
  }
}

async function sourceHomepage(ctx: IngestContext, sourceId: number): Promise<string | null> {
  const source = await findSource(ctx.db, sourceId)
  return source ? canonicalOrSelf(source.homepage) : null
}

/** Entries canonicalized per turn of the event loop (a 5000-entry feed takes ~100 ms in all). */
const CANONICALIZE_SLICE = 500

async function dedupeByCanonical(entries: Omit<Candidate, 'canonicalUrl'>[]): Promise<Candidate[]> {
  const seen = new Map<string, Candidate>()
  for (const [n, e] of entries.entries()) {
    if (n > 0 && n % CANONICALIZE_SLICE === 0) await setImmediate()
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
