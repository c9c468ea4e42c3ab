/** One item of any feed format, normalised (the Miniflux `model.Entry` of this project). */
export interface FeedEntry {
  /** stable id from the feed (guid / id / rdf:about), else the URL */
  guid: string
  /** absolute http(s) link to the article */
  url: string
  /** plain text */
  title: string
  /** plain text of the description/summary, or null */
  summary: string | null
  /** full content as the feed gives it (content:encoded, Atom content, content_html); NOT sanitised */
  contentHtml: string | null
  author: string | null
  /** ISO 8601 UTC, or null when absent or unreadable */
  publishedAt: string | null
  updatedAt: string | null
  categories: string[]
  /** absolute URL of the lead image, or null */
  imageUrl: string | null
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json'

export interface ParsedFeed {
  format: FeedFormat
  title: string
  /** the site the feed belongs to (channel link / alternate link / home_page_url) */
  siteUrl: string | null
  /** declared language (`vi`, `en-US`), or null */
  language: string | null
  items: FeedEntry[]
  /** problems that did not stop parsing: recovered XML, dropped items, capped size */
  warnings: string[]
}

export interface ParseFeedOptions {
  /** the feed's own URL: base for relative links */
  url: string
  /** keep at most this many items, the newest by date (default 5000) */
  maxItems?: number
  /** reference time for relative dates; the fetch time */
  now?: Date
}

/** What every format adapter receives besides its wire data. */
export interface AdaptContext {
  /** base for relative links: the site URL if the feed gives one, else the feed URL */
  base: string
  now: Date
  warnings: string[]
}
