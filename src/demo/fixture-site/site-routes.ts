import { createHash } from 'node:crypto'
import { searchPath } from './page-shell.js'
import type { PageContext } from './render-article-page.js'
import { renderArticlePage } from './render-article-page.js'
import { atomPath, feedUpdated, renderAtom, renderRss, rssPath } from './render-feeds.js'
import {
  listingPages,
  listingPath,
  renderHomePage,
  renderListingPage,
  renderRootIndex,
} from './render-index-pages.js'
import {
  articlesSitemapPath,
  newsSitemapPath,
  pagesSitemapPath,
  renderArticlesSitemap,
  renderNewsSitemap,
  renderPagesSitemap,
  renderSitemapIndex,
  sitemapIndexPath,
} from './render-sitemaps.js'
import type { SiteOutlet } from './site-model.js'

/** One response the fixture site can give, computed once at start. */
export interface Resource {
  type: string
  body: string | Buffer
  etag: string
  /** for Last-Modified / If-Modified-Since */
  lastModified: Date
}

const HTML = 'text/html; charset=utf-8'
const XML = 'application/xml; charset=utf-8'
/** The smallest valid GIF (1×1, transparent): stands in for every article image. */
export const PLACEHOLDER_IMAGE = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
)
const SITE_CSS =
  'body{font-family:sans-serif;max-width:1100px;margin:auto}.container{display:flex;gap:2rem}.main-column{flex:3}.sidebar{flex:1}'

export function resource(type: string, body: string | Buffer, lastModified: Date): Resource {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`
  return { type, body, etag, lastModified }
}

export function feedOf(o: SiteOutlet, baseUrl: string): { href: string; type: string } | undefined {
  if (o.def.delivery === 'rss') return { href: baseUrl + rssPath(o), type: 'application/rss+xml' }
  if (o.def.delivery === 'atom') return { href: baseUrl + atomPath(o), type: 'application/atom+xml' }
  return undefined
}

function outletRoutes(o: SiteOutlet, baseUrl: string, now: Date, add: (p: string, r: Resource) => void) {
  const feed = feedOf(o, baseUrl)
  const updated = feedUpdated(o.articles, now)
  add(`${o.def.pathPrefix}/`, resource(HTML, renderHomePage(o, now, feed), updated))
  add(`${o.def.pathPrefix}/static/site.css`, resource('text/css; charset=utf-8', SITE_CSS, now))
  if (o.def.delivery === 'rss')
    add(rssPath(o), resource('application/rss+xml; charset=utf-8', renderRss(o, now), updated))
  if (o.def.delivery === 'atom')
    add(atomPath(o), resource('application/atom+xml; charset=utf-8', renderAtom(o, now), updated))
  if (o.def.delivery === 'sitemap') {
    add(sitemapIndexPath(o), resource(XML, renderSitemapIndex(o, baseUrl, now), updated))
    add(articlesSitemapPath(o), resource(XML, renderArticlesSitemap(o), updated))
    add(newsSitemapPath(o), resource(XML, renderNewsSitemap(o, now), updated))
    add(pagesSitemapPath(o), resource(XML, renderPagesSitemap(o, now), now))
  }
  if (o.def.delivery === 'listing') {
    for (let p = 1; p <= listingPages(o); p++)
      add(listingPath(o, p), resource(HTML, renderListingPage(o, p, now, baseUrl), updated))
  }
  const ctx: PageContext = { outlet: o, baseUrl, now, ...(feed ? { feed } : {}) }
  for (const a of o.articles) {
    add(a.path, resource(HTML, renderArticlePage(a, ctx), a.modifiedAt))
    if (a.figure)
      add(`${o.def.pathPrefix}/images/${a.num}.jpg`, resource('image/gif', PLACEHOLDER_IMAGE, a.publishedAt))
  }
}

/** robots.txt of the one loopback host: everything allowed but search, and the portal's sitemap. */
function robotsTxt(outlets: SiteOutlet[], baseUrl: string): string {
  const lines = ['User-agent: *', 'Allow: /']
  for (const o of outlets) lines.push(`Disallow: ${o.def.pathPrefix}${searchPath(o.def.lang)}`)
  for (const o of outlets)
    if (o.def.delivery === 'sitemap') lines.push(`Sitemap: ${baseUrl}${sitemapIndexPath(o)}`)
  return `${lines.join('\n')}\n`
}

/** Every path the site answers, with its response. */
export function buildRoutes(outlets: SiteOutlet[], baseUrl: string, now: Date): Map<string, Resource> {
  const routes = new Map<string, Resource>()
  const add = (p: string, r: Resource) => {
    if (routes.has(p)) throw new Error(`fixture site: two resources at ${p}`)
    routes.set(p, r)
  }
  add('/', resource(HTML, renderRootIndex(outlets), now))
  add('/robots.txt', resource('text/plain; charset=utf-8', robotsTxt(outlets, baseUrl), now))
  for (const o of outlets) outletRoutes(o, baseUrl, now, add)
  return routes
}
