import { readJsonLd } from './json-ld.js'
import type { PageHead } from './parse-html.js'
import { parseDateValue } from './vn-date.js'

/** Page metadata from JSON-LD, OpenGraph, Dublin Core and plain `<meta>` tags. */
export interface PageMetadata {
  title: string | null
  author: string | null
  description: string | null
  siteName: string | null
  publishedAt: string | null
  updatedAt: string | null
  canonicalUrl: string | null
  locale: string | null
}

const first = (...xs: (string | undefined | null)[]): string | null => {
  for (const x of xs) if (x?.trim()) return x.trim()
  return null
}
const URLISH = /^https?:\/\//i
const SPACE_SEP = /\s+/

/** `<meta>` values by lowercased name/property/itemprop; the first value of a key wins. */
export function metaValues(head: PageHead): Map<string, string> {
  const values = new Map<string, string>()
  for (const m of head.metas) {
    const content = m.content ?? m.value ?? m.datetime
    if (!content?.trim()) continue
    const keys = [m.property, m.name, m.itemprop, m['http-equiv']].flatMap((k) =>
      k ? k.toLowerCase().split(SPACE_SEP) : [],
    )
    for (const k of keys) if (k && !values.has(k)) values.set(k, content.trim())
  }
  return values
}

function canonical(head: PageHead, meta: Map<string, string>, ldUrl: string | undefined): string | null {
  for (const l of head.links) {
    if ((l.rel ?? '').toLowerCase().split(SPACE_SEP).includes('canonical') && l.href?.trim())
      return l.href.trim()
  }
  return first(meta.get('og:url'), ldUrl)
}

export function readMetadata(head: PageHead): PageMetadata {
  const m = metaValues(head)
  const ld = readJsonLd(head.jsonLd)
  const articleAuthor = m.get('article:author')
  return {
    title: first(
      ld?.headline,
      ld?.name,
      m.get('og:title'),
      m.get('twitter:title'),
      m.get('dc.title'),
      m.get('dcterms.title'),
    ),
    author: first(
      ld?.author,
      m.get('dc.creator'),
      m.get('dcterms.creator'),
      m.get('author'),
      m.get('parsely-author'),
      articleAuthor && !URLISH.test(articleAuthor) ? articleAuthor : null,
    ),
    description: first(
      ld?.description,
      m.get('og:description'),
      m.get('description'),
      m.get('dc.description'),
      m.get('twitter:description'),
    ),
    siteName: first(m.get('og:site_name'), ld?.publisher, m.get('application-name')),
    publishedAt: parseDateValue(
      first(
        ld?.datePublished,
        m.get('article:published_time'),
        m.get('datepublished'),
        m.get('pubdate'),
        m.get('publishdate'),
        m.get('parsely-pub-date'),
        m.get('dc.date.issued'),
        m.get('dc.date'),
        m.get('dcterms.created'),
        m.get('date'),
      ),
    ),
    updatedAt: parseDateValue(
      first(
        ld?.dateModified,
        m.get('article:modified_time'),
        m.get('og:updated_time'),
        m.get('datemodified'),
      ),
    ),
    canonicalUrl: canonical(head, m, ld?.url),
    locale: first(ld?.inLanguage, m.get('og:locale'), m.get('content-language'), m.get('language')),
  }
}
