import { withoutDatelineEdges } from './extract/foreign-edges.js'
import { createHash } from 'node:crypto'
import { normalizeText } from '../text/normalize.js'
import { type DedupeColumns, dedupeColumns } from './dedupe/dedupe-columns.js'
import { type Fingerprint, fingerprint } from './dedupe/fingerprint.js'
import { extractArticle } from './extract/extract-article.js'
import type { ExtractedArticle } from './extract/types.js'
import { decodeBytes } from './parse/charset.js'

/** What the listing said about an entry (the page wins where it says something). */
export interface EntryHints {
  url: string
  title?: string | null | undefined
  publishedAt?: string | null | undefined
  author?: string | null | undefined
  summary?: string | null | undefined
  contentHtml?: string | null | undefined
}

export interface PrepareInput {
  bytes: Uint8Array
  /** charset of the Content-Type header */
  charset: string | null
  /** the page's URL after redirects */
  finalUrl: string
  entry: EntryHints
  sourceLang: string
}

/** The article's stored fields, computed from the page alone (no database, no clock). */
export interface PreparedArticle {
  kind: 'article'
  title: string
  author: string | null
  publishedAt: string | null
  modifiedAt: string | null
  lang: string
  lead: string
  bodyText: string
  contentHtml: string
  imageUrl: string | null
  wordCount: number
  warnings: string[]
  cols: DedupeColumns
  fp: Fingerprint
  sha256: string
}

/** The CPU-heavy half of ingesting a page, as plain data in and out (it runs on a worker thread). */
export function prepareArticle(input: PrepareInput): PreparedArticle | { kind: 'not-an-article' } {
  const html = decodeBytes(input.bytes, { charset: input.charset }).text
  const page = extractArticle(html, { url: input.finalUrl })
  const a = mergeWithEntry(page, input.entry)
  if (!a.articleBody && page.warnings.includes('no-article')) return { kind: 'not-an-article' }
  // Paragraphs stay (one blank line between them); a body that repeats the lead drops it.
  const lead = normalizeText(a.lead)
  const fullBody = normalizeText(a.articleBody, { keepNewlines: true }).replace(/\n/g, '\n\n')
  const dropLead = (t: string) => (lead && t.startsWith(lead) ? t.slice(lead.length).replace(/^\s+/, '') : t)
  const body = dropLead(fullBody)
  // Reprints often change the title and restamp the date: the body without them decides what is the same text.
  const fp = fingerprint(dropLead(withoutDatelineEdges(fullBody).replace(/^\s+/, '')) || a.title)
  return {
    kind: 'article',
    title: normalizeText(a.title).slice(0, 1000) || input.entry.url,
    author: a.author ? normalizeText(a.author).slice(0, 300) : null,
    publishedAt: a.publishedAt,
    modifiedAt: a.updatedAt,
    lang: a.lang ?? input.sourceLang,
    lead: lead.slice(0, 5000),
    bodyText: body,
    contentHtml: a.contentHtml,
    imageUrl: a.images[0]?.src ?? null,
    wordCount: body ? body.split(/\s+/).length : 0,
    warnings: a.warnings,
    cols: dedupeColumns(fp),
    fp,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
  }
}

/** The page wins where it says something; the feed entry fills the gaps (title, date, author, text). */
function mergeWithEntry(page: ExtractedArticle, c: EntryHints): ExtractedArticle {
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
