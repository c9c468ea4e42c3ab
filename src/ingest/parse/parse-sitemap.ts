import { Readable, type Transform } from 'node:stream'
import { gunzipSync } from 'node:zlib'
import { ErrorLevel, XMLToSitemapIndexStream, XMLToSitemapItemStream } from 'sitemap'
import { AppError } from '../../shared/errors.js'
import { parseDateIso } from '../dates/parse-date.js'
import { decodeBytes } from './charset.js'
import { looksTruncated, rootElement } from './split-entries.js'

export interface SitemapUrl {
  loc: string
  /** ISO 8601 UTC, or null */
  lastmod: string | null
  /** Google News extension (`news:news`) */
  news?: { title: string; publishedAt: string | null; lang: string | null; publication: string | null }
}

export interface ParsedSitemap {
  kind: 'urlset' | 'index'
  /** pages (urlset only) */
  urls: SitemapUrl[]
  /** child sitemaps (index only) */
  sitemaps: string[]
  warnings: string[]
}

/** The sitemap protocol caps a file at 50,000 URLs and 50 MB uncompressed; we hold to the same. */
const MAX_URLS = 50_000
const MAX_UNCOMPRESSED = 50 * 1024 * 1024

/** Bytes or text of a sitemap (gzip recognised by its magic bytes, not by the file name). */
export function sitemapText(input: string | Uint8Array, charset?: string | null): string {
  if (typeof input === 'string') return input
  let bytes = input
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_UNCOMPRESSED })
    } catch (err) {
      throw new AppError('PARSE_FAILED', `sitemap gzip unreadable: ${(err as Error).message}`, {
        cause: err,
        details: { reason: 'decode' },
      })
    }
  }
  return decodeBytes(bytes, { charset }).text
}

/** Streams the text through one of the `sitemap` package's parsers, silently (errors are counted). */
function collect<T>(
  text: string,
  parser: Transform & { errorCount?: number; error?: Error | null },
  max: number,
): Promise<[T[], number]> {
  return new Promise((resolve, reject) => {
    const out: T[] = []
    Readable.from([text])
      .pipe(parser)
      .on('data', (item: T) => {
        if (out.length < max) out.push(item)
      })
      .on('end', () => resolve([out, parser.errorCount ?? (parser.error ? 1 : 0)]))
      .on('error', reject)
  })
}

/** Parses a urlset or sitemap index, including the news:* extension. */
export async function parseSitemap(
  input: string | Uint8Array,
  opts: { charset?: string | null } = {},
): Promise<ParsedSitemap> {
  const text = sitemapText(input, opts.charset).replace(/^\uFEFF/, '')
  const root = rootElement(text)?.replace(/^[\w.-]+:/, '')
  const warnings: string[] = []
  if (root && looksTruncated(text, rootElement(text)!))
    warnings.push(`sitemap does not end with </${root}>: truncated?`)
  const quiet = { level: ErrorLevel.SILENT, logger: false as const }
  if (root === 'sitemapindex') {
    const [items, errors] = await collect<{ url: string }>(text, new XMLToSitemapIndexStream(quiet), MAX_URLS)
    if (errors > 0) warnings.push(`${errors} problems while reading the sitemap index`)
    return { kind: 'index', urls: [], sitemaps: items.map((i) => i.url).filter(Boolean), warnings }
  }
  if (root !== 'urlset') {
    throw new AppError('PARSE_FAILED', `not a sitemap (root <${root ?? '?'}>)`, {
      details: { reason: 'not_a_sitemap' },
    })
  }
  const [items, errors] = await collect<RawUrl>(text, new XMLToSitemapItemStream(quiet), MAX_URLS)
  if (errors > 0) warnings.push(`${errors} problems while reading the sitemap`)
  if (items.length >= MAX_URLS) warnings.push(`sitemap capped at ${MAX_URLS} URLs`)
  return { kind: 'urlset', urls: items.filter((i) => i.url).map(toSitemapUrl), sitemaps: [], warnings }
}

interface RawUrl {
  url: string
  lastmod?: string
  news?: { title?: string; publication_date?: string; publication?: { name?: string; language?: string } }
}

function toSitemapUrl(item: RawUrl): SitemapUrl {
  const out: SitemapUrl = { loc: item.url, lastmod: parseDateIso(item.lastmod) }
  if (item.news) {
    out.news = {
      title: (item.news.title ?? '').trim(),
      publishedAt: parseDateIso(item.news.publication_date),
      lang: item.news.publication?.language || null,
      publication: item.news.publication?.name || null,
    }
  }
  return out
}
