import type { AnyFeed } from 'feedsmith'
import { AppError } from '../../shared/errors.js'
import { adaptAtomEntry, alternateLink, atomTitle } from './atom-adapter.js'
import { absoluteUrl, text } from './entry-fields.js'
import { findFeedLinks } from './feed-links.js'
import type { AdaptContext, FeedEntry, ParsedFeed, ParseFeedOptions } from './feed-types.js'
import { adaptJsonItem } from './json-adapter.js'
import { readWireFeed } from './read-wire-feed.js'
import { adaptRdfItem, adaptRssItem } from './rss-adapter.js'
import { rootElement } from './split-entries.js'

/** Real feeds carry 10–500 items; 5000 keeps a full backfill while bounding memory on 100k-item dumps. */
export const DEFAULT_MAX_ITEMS = 5000

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i

/**
 * Parses RSS 0.9x/1.0/2.0, Atom, RDF or JSON Feed text into one shape. Format detection and wire
 * parsing are feedsmith's; each format then has one adapter into FeedEntry (after Miniflux).
 * Throws PARSE_FAILED with `details.reason`: `not_a_feed` (HTML: `details.alternates` lists the feeds the
 * page links to), `xml`, `json` or `empty`.
 */
export function parseFeed(input: string, opts: ParseFeedOptions): ParsedFeed {
  const text = input.replace(/^\uFEFF/, '')
  if (text.trim() === '')
    throw new AppError('PARSE_FAILED', 'empty document', { details: { reason: 'empty' } })
  if (HTML_START.test(text) || rootElement(text)?.toLowerCase() === 'html') {
    throw new AppError('PARSE_FAILED', 'not a feed (got HTML)', {
      details: { reason: 'not_a_feed', alternates: findFeedLinks(text, opts.url) },
    })
  }
  const warnings: string[] = []
  const maxItems = opts.maxItems ?? DEFAULT_MAX_ITEMS
  const now = opts.now ?? new Date()
  const wire = readWireFeed(text, maxItems, now, warnings)
  const feed = adapt(wire, opts.url, { base: opts.url, now, warnings })
  if (feed.items.length > maxItems) {
    warnings.push(`feed has ${feed.items.length} items; kept the newest ${maxItems}`)
    feed.items = newest(feed.items, maxItems)
  }
  return feed
}

function adapt(wire: AnyFeed, feedUrl: string, ctx: AdaptContext): ParsedFeed {
  const head = feedHead(wire, feedUrl)
  const base = { ...ctx, base: head.siteUrl ?? feedUrl }
  let raw: (FeedEntry | null)[]
  switch (wire.format) {
    case 'rss':
      raw = (wire.feed.items ?? []).map((i) => adaptRssItem(i, base))
      break
    case 'rdf':
      raw = (wire.feed.items ?? []).map((i) => adaptRdfItem(i, base))
      break
    case 'atom':
      raw = (wire.feed.entries ?? []).map((e) => adaptAtomEntry(e, base))
      break
    case 'json':
      raw = (wire.feed.items ?? []).map((i) => adaptJsonItem(i, base))
      break
  }
  const items = raw.filter((e): e is FeedEntry => e !== null)
  const skipped = raw.length - items.length
  if (skipped > 0)
    ctx.warnings.push(`skipped ${skipped} item${skipped === 1 ? '' : 's'} without a usable link`)
  return { format: wire.format, ...head, items, warnings: ctx.warnings }
}

function feedHead(wire: AnyFeed, feedUrl: string): Pick<ParsedFeed, 'title' | 'siteUrl' | 'language'> {
  switch (wire.format) {
    case 'rss':
      return {
        title: text(wire.feed.title),
        siteUrl: absoluteUrl(wire.feed.link, feedUrl),
        language: wire.feed.language ?? wire.feed.dc?.languages?.[0] ?? null,
      }
    case 'rdf':
      return {
        title: text(wire.feed.title),
        siteUrl: absoluteUrl(wire.feed.link, feedUrl),
        language: wire.feed.dc?.languages?.[0] ?? null,
      }
    case 'atom':
      return {
        title: atomTitle(wire.feed.title),
        siteUrl: absoluteUrl(alternateLink(wire.feed.links), feedUrl),
        language: wire.feed.xml?.lang ?? null,
      }
    case 'json':
      return {
        title: text(wire.feed.title),
        siteUrl: absoluteUrl(wire.feed.home_page_url, feedUrl),
        language: wire.feed.language ?? null,
      }
  }
}

/** The `max` newest entries (undated ones last), kept in feed order. */
function newest(items: FeedEntry[], max: number): FeedEntry[] {
  const ranked = items.map((e, i) => ({
    e,
    i,
    t: e.publishedAt ? Date.parse(e.publishedAt) : Number.NEGATIVE_INFINITY,
  }))
  ranked.sort((a, b) => b.t - a.t || a.i - b.i)
  return ranked
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((r) => r.e)
}
