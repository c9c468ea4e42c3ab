import type { PoliteClient } from '../fetch/polite-client.js'
import { decodeBytes } from '../parse/charset.js'
import { findFeedLinks } from '../parse/feed-links.js'
import type { FeedFormat } from '../parse/feed-types.js'
import { parseFeed } from '../parse/parse-feed.js'
import { parseSitemap } from '../parse/parse-sitemap.js'
import { rootElement } from '../parse/split-entries.js'

/** A verified feed or sitemap of a site. */
export interface FeedCandidate {
  /** final URL after redirects */
  url: string
  kind: 'feed' | 'sitemap'
  /** feed format, or `urlset` / `news` (Google News urlset) / `index` for sitemaps */
  format: FeedFormat | 'urlset' | 'news' | 'index'
  title: string | null
  /** items in the feed, URLs in the urlset, child sitemaps in an index */
  itemCount: number
}

/** Where CMSes common in Viet Nam (WordPress, Blogger, Joomla, in-house portals) put their feeds. */
export const COMMON_FEED_PATHS = [
  '/rss',
  '/feed',
  '/rss.xml',
  '/atom.xml',
  '/feed.xml',
  '/index.rss',
  '/rss/home.rss',
  '/feeds/posts/default',
]
export const COMMON_SITEMAP_PATHS = [
  '/sitemap.xml',
  '/sitemap_index.xml',
  '/sitemap-news.xml',
  '/news-sitemap.xml',
]

/** Probes cost the site one request each (paced by the client); 40 covers link tags plus the lists above. */
const MAX_PROBES = 40
/** feed-looking anchors on the homepage (VN portals link every category RSS); keep the first few */
const MAX_ANCHOR_FEEDS = 12
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml;q=0.9, */*;q=0.5'

/**
 * Finds a site's feeds and sitemaps: `<link rel=alternate>` and feed-like anchors on the homepage,
 * common paths, robots.txt `Sitemap:` lines and the usual sitemap names. Every candidate is fetched
 * and parsed through `client` (guarded, polite); only those that parse are returned, in that order.
 */
export async function discoverFeeds(homepageUrl: string, client: PoliteClient): Promise<FeedCandidate[]> {
  const home = await homepage(homepageUrl, client)
  const origin = new URL(home.url).origin
  const robotsSitemaps = await client.robots(home.url).then(
    (r) => r.sitemaps,
    () => [],
  )
  const probes = unique([
    ...home.links,
    ...COMMON_FEED_PATHS.map((p) => origin + p),
    ...robotsSitemaps,
    ...COMMON_SITEMAP_PATHS.map((p) => origin + p),
  ]).slice(0, MAX_PROBES)
  const found: FeedCandidate[] = []
  const finalUrls = new Set<string>()
  for (const url of probes) {
    const candidate = await verify(url, client)
    if (candidate && !finalUrls.has(candidate.url)) {
      finalUrls.add(candidate.url)
      found.push(candidate)
    }
  }
  return found
}

async function homepage(url: string, client: PoliteClient): Promise<{ url: string; links: string[] }> {
  try {
    const res = await client.get(url, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' })
    const html = decodeBytes(res.bytes, { charset: res.charset }).text
    const declared = findFeedLinks(html, res.url).map((l) => l.url)
    const anchors = findFeedLinks(html, res.url, { anchors: true })
      .map((l) => l.url)
      .filter((u) => !declared.includes(u) && new URL(u).origin === new URL(res.url).origin)
      .slice(0, MAX_ANCHOR_FEEDS)
    return { url: res.url, links: [...declared, ...anchors] }
  } catch {
    // an unreachable homepage still leaves the well-known paths to try
    return { url, links: [] }
  }
}

async function verify(url: string, client: PoliteClient): Promise<FeedCandidate | null> {
  try {
    const res = await client.get(url, { accept: FEED_ACCEPT })
    const bytes = res.bytes
    const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b
    const text = isGzip ? '' : decodeBytes(bytes, { charset: res.charset }).text
    const root = isGzip ? 'urlset' : rootElement(text)?.replace(/^[\w.-]+:/, '')
    if (root === 'urlset' || root === 'sitemapindex') {
      const s = await parseSitemap(isGzip ? bytes : text)
      if (s.kind === 'index')
        return { url: res.url, kind: 'sitemap', format: 'index', title: null, itemCount: s.sitemaps.length }
      const news = s.urls.some((u) => u.news)
      return {
        url: res.url,
        kind: 'sitemap',
        format: news ? 'news' : 'urlset',
        title: null,
        itemCount: s.urls.length,
      }
    }
    const feed = parseFeed(text, { url: res.url })
    return {
      url: res.url,
      kind: 'feed',
      format: feed.format,
      title: feed.title || null,
      itemCount: feed.items.length,
    }
  } catch {
    return null
  }
}

function unique(urls: string[]): string[] {
  return [...new Set(urls.map((u) => u.replace(/#.*$/, '')))]
}
