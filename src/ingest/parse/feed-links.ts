import { Parser } from 'htmlparser2'

/** A feed a page points to. */
export interface FeedLink {
  url: string
  type: string | null
  title: string | null
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'text/xml',
  'application/xml',
])
/** anchors that look like feeds on "RSS" pages of Vietnamese portals (`/rss/thoi-su.rss`, `/feed/`) */
const FEED_HREF = /\.(?:rss|atom)(?:[?#]|$)|\/(?:rss|feed|atom)(?:\/|\.xml|[?#]|$)|rss[^/]*\.xml(?:[?#]|$)/i

function absolute(href: string | undefined, base: string): string | null {
  if (!href) return null
  try {
    const u = new URL(href.trim(), base)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
    u.hash = ''
    return u.href
  } catch {
    return null
  }
}

/**
 * `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">` feeds of a page, absolute,
 * honouring `<base href>`. With `anchors`, also `<a href>`s whose path looks like a feed.
 */
export function findFeedLinks(html: string, pageUrl: string, opts: { anchors?: boolean } = {}): FeedLink[] {
  let base = pageUrl
  const seen = new Set<string>()
  const out: FeedLink[] = []
  const add = (url: string | null, type: string | null, title: string | null) => {
    if (url && !seen.has(url)) {
      seen.add(url)
      out.push({ url, type, title })
    }
  }
  let anchorText: { url: string | null; text: string } | null = null
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'base' && a.href) base = absolute(a.href, pageUrl) ?? base
        if (name === 'link') {
          const rels = (a.rel ?? '').toLowerCase().split(/\s+/)
          const type = (a.type ?? '').toLowerCase().split(';')[0]!.trim()
          if (rels.includes('alternate') && FEED_TYPES.has(type))
            add(absolute(a.href, base), type, a.title ?? null)
        }
        if (opts.anchors && name === 'a' && a.href && FEED_HREF.test(a.href)) {
          anchorText = { url: absolute(a.href, base), text: '' }
        }
      },
      ontext(t) {
        if (anchorText) anchorText.text += t
      },
      onclosetag(name) {
        if (name === 'a' && anchorText) {
          add(anchorText.url, null, anchorText.text.replace(/\s+/g, ' ').trim() || null)
          anchorText = null
        }
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return out
}
