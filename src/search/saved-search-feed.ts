import { generateAtomFeed, generateRssFeed } from 'feedsmith'
import type { Db } from '../db/database.js'
import type { SavedSearch } from './saved-searches.js'
import { type SearchHit, searchArticles } from './search-articles.js'

/** Items in a saved-search feed: readers poll often, so the newest page is enough. */
export const FEED_ITEMS = 50

export type FeedFormat = 'rss' | 'atom' | 'json'

export interface FeedOutput {
  contentType: string
  body: string
}

export interface FeedContext {
  /** absolute URL of this feed (self link) */
  selfUrl: string
  /** absolute URL of the search page in the app */
  pageUrl: string
}

const plain = (html: string) =>
  html
    .replace(/<\/?mark>/g, '')
    .replace(
      /&lt;|&gt;|&amp;|&quot;|&#39;/g,
      (e) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" })[e]!,
    )

/** The JSON endpoint's item shape (also what `haidang search --format jsonl` prints). */
export const hitJson = (h: SearchHit) => ({
  id: h.id,
  title: h.title,
  url: h.url,
  source: h.sourceName,
  country: h.country,
  lang: h.lang,
  published_at: h.publishedAt,
  tone: h.tone,
  snippet: plain(h.snippet),
})

/**
 * A saved search as RSS 2.0, Atom or JSON: the newest matching articles, snippets as summaries.
 * The caller has checked the token (`savedSearchByToken`).
 */
export async function savedSearchFeed(
  store: Db,
  saved: SavedSearch,
  format: FeedFormat,
  ctx: FeedContext,
): Promise<FeedOutput> {
  const page = await searchArticles(store, saved.query, { sort: 'date', limit: FEED_ITEMS })
  const hits = page.hits
  if (format === 'json') {
    const body = JSON.stringify({
      name: saved.name,
      query: saved.query,
      total: page.total,
      total_exact: page.totalExact,
      items: hits.map(hitJson),
    })
    return { contentType: 'application/json; charset=utf-8', body }
  }
  if (format === 'rss') {
    const body = generateRssFeed({
      title: saved.name,
      link: ctx.pageUrl,
      description: saved.query,
      items: hits.map((h) => ({
        title: h.title,
        link: h.url,
        description: h.snippet,
        pubDate: new Date(h.publishedAt),
        guid: { value: `article-${h.id}`, isPermaLink: false },
        ...(h.sourceName ? { source: { title: h.sourceName, url: ctx.pageUrl } } : {}),
      })),
    })
    return { contentType: 'application/rss+xml; charset=utf-8', body }
  }
  const updated = hits[0] ? new Date(hits[0].publishedAt) : new Date(saved.updated_at)
  const feed = {
    id: ctx.selfUrl,
    title: { value: saved.name, type: 'text' },
    updated,
    links: [{ href: ctx.selfUrl, rel: 'self' }, { href: ctx.pageUrl }],
    entries: hits.map((h) => ({
      id: `${ctx.pageUrl}#article-${h.id}`,
      title: { value: h.title, type: 'text' },
      updated: new Date(h.publishedAt),
      links: [{ href: h.url }],
      summary: { value: h.snippet, type: 'html' },
    })),
  }
  return {
    contentType: 'application/atom+xml; charset=utf-8',
    body: generateAtomFeed(feed as unknown as Parameters<typeof generateAtomFeed>[0]),
  }
}
