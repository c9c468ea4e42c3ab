import { bodyHtml } from './article-html.js'
import { escapeXml as x } from './escape.js'
import { isoVn, rfc822Vn } from './outlet-dates.js'
import type { SiteArticle, SiteOutlet } from './site-model.js'

/** Feeds carry the newest 50 items, as most Vietnamese outlets' feeds do. */
export const FEED_ITEMS = 50

export const rssPath = (o: SiteOutlet) =>
  `${o.def.pathPrefix}/rss/${o.def.lang === 'vi' ? 'tin-moi-nhat.rss' : 'latest.xml'}`
export const atomPath = (o: SiteOutlet) => `${o.def.pathPrefix}/feed.atom`

/** The date a feed was last changed: its newest item's last edit. */
export function feedUpdated(items: SiteArticle[], fallback: Date): Date {
  return items.reduce((m, a) => (a.modifiedAt > m ? a.modifiedAt : m), items[0]?.modifiedAt ?? fallback)
}

function rssItem(a: SiteArticle): string {
  return `<item>
<title>${x(a.title)}</title>
<link>${x(a.url)}</link>
<guid isPermaLink="true">${x(a.url)}</guid>
<pubDate>${rfc822Vn(a.publishedAt)}</pubDate>
<dc:creator>${x(a.author)}</dc:creator>
<category>${x(a.section)}</category>
<description>${x(a.lead)}</description>
<content:encoded>${x(bodyHtml(a))}</content:encoded>
</item>`
}

/** RSS 2.0 with content:encoded and dc:creator; dates in RFC 822 with +0700. */
export function renderRss(o: SiteOutlet, now: Date): string {
  const items = o.articles.slice(0, FEED_ITEMS)
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(o.def.name)} - Tin mới nhất</title>
<link>${x(`${o.base}/`)}</link>
<atom:link href="${x(o.base + rssPath(o).slice(o.def.pathPrefix.length))}" rel="self" type="application/rss+xml"/>
<description>${x(o.def.tagline)}</description>
<language>${o.def.lang}</language>
<lastBuildDate>${rfc822Vn(feedUpdated(items, now))}</lastBuildDate>
<ttl>15</ttl>
${items.map(rssItem).join('\n')}
</channel>
</rss>
`
}

function atomEntry(a: SiteArticle): string {
  return `<entry>
<id>${x(a.url)}</id>
<title type="text">${x(a.title)}</title>
<link rel="alternate" type="text/html" href="${x(a.url)}"/>
<published>${isoVn(a.publishedAt)}</published>
<updated>${isoVn(a.modifiedAt)}</updated>
<author><name>${x(a.author)}</name></author>
<category term="${x(a.section)}"/>
<summary type="text">${x(a.lead)}</summary>
<content type="html">${x(bodyHtml(a))}</content>
</entry>`
}

/** Atom 1.0; dates in ISO 8601 with +07:00. */
export function renderAtom(o: SiteOutlet, now: Date): string {
  const items = o.articles.slice(0, FEED_ITEMS)
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${o.def.lang}">
<id>${x(`${o.base}/`)}</id>
<title>${x(o.def.name)}</title>
<subtitle>${x(o.def.tagline)}</subtitle>
<link rel="alternate" type="text/html" href="${x(`${o.base}/`)}"/>
<link rel="self" type="application/atom+xml" href="${x(o.base + atomPath(o).slice(o.def.pathPrefix.length))}"/>
<updated>${isoVn(feedUpdated(items, now))}</updated>
${items.map(atomEntry).join('\n')}
</feed>
`
}
