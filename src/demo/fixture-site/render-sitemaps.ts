import { escapeXml as x } from './escape.js'
import { feedUpdated } from './render-feeds.js'
import { isoVn } from './outlet-dates.js'
import type { SiteOutlet } from './site-model.js'

/** Google News sitemaps list only articles of the last two days (the publisher guidelines). */
export const NEWS_SITEMAP_MAX_AGE_HOURS = 48
const HOUR_MS = 3_600_000

export const sitemapIndexPath = (o: SiteOutlet) => `${o.def.pathPrefix}/sitemap.xml`
export const articlesSitemapPath = (o: SiteOutlet) => `${o.def.pathPrefix}/sitemaps/tin-tuc.xml`
export const newsSitemapPath = (o: SiteOutlet) => `${o.def.pathPrefix}/sitemaps/google-news.xml`
export const pagesSitemapPath = (o: SiteOutlet) => `${o.def.pathPrefix}/sitemaps/trang.xml`

/** The fixed pages of a portal: home and a few sections. */
const PORTAL_PAGES = ['/', '/gioi-thieu', '/tin-tuc', '/thong-tin-doi-ngoai', '/lien-he']

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>'
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

export function newsItems(o: SiteOutlet, now: Date) {
  return o.articles.filter(
    (a) => now.getTime() - a.publishedAt.getTime() <= NEWS_SITEMAP_MAX_AGE_HOURS * HOUR_MS,
  )
}

export function renderSitemapIndex(o: SiteOutlet, baseUrl: string, now: Date): string {
  const updated = isoVn(feedUpdated(o.articles, now))
  const entries = [articlesSitemapPath(o), newsSitemapPath(o), pagesSitemapPath(o)]
    .map((p) => `<sitemap><loc>${x(baseUrl + p)}</loc><lastmod>${updated}</lastmod></sitemap>`)
    .join('\n')
  return `${XML_HEAD}\n<sitemapindex xmlns="${SITEMAP_NS}">\n${entries}\n</sitemapindex>\n`
}

export function renderArticlesSitemap(o: SiteOutlet): string {
  const urls = o.articles
    .map(
      (a) =>
        `<url><loc>${x(a.url)}</loc><lastmod>${isoVn(a.modifiedAt)}</lastmod><changefreq>monthly</changefreq></url>`,
    )
    .join('\n')
  return `${XML_HEAD}\n<urlset xmlns="${SITEMAP_NS}">\n${urls}\n</urlset>\n`
}

export function renderPagesSitemap(o: SiteOutlet, now: Date): string {
  const urls = PORTAL_PAGES.map(
    (p) =>
      `<url><loc>${x(o.base + p)}</loc><lastmod>${isoVn(now)}</lastmod><changefreq>daily</changefreq></url>`,
  ).join('\n')
  return `${XML_HEAD}\n<urlset xmlns="${SITEMAP_NS}">\n${urls}\n</urlset>\n`
}

/** Google News sitemap: `news:publication`, `news:publication_date`, `news:title`. */
export function renderNewsSitemap(o: SiteOutlet, now: Date): string {
  const urls = newsItems(o, now)
    .map(
      (a) =>
        `<url><loc>${x(a.url)}</loc><news:news><news:publication><news:name>${x(o.def.name)}</news:name><news:language>${a.lang}</news:language></news:publication><news:publication_date>${isoVn(a.publishedAt)}</news:publication_date><news:title>${x(a.title)}</news:title></news:news></url>`,
    )
    .join('\n')
  return `${XML_HEAD}\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls}\n</urlset>\n`
}
