import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { notModified } from './conditional-get.js'
import type { OutletDef } from './corpus-schema.js'
import { loadCorpus, listOutlets } from './load-corpus.js'
import { LISTING_SELECTOR, listingPath } from './render-index-pages.js'
import { newsSitemapPath, sitemapIndexPath } from './render-sitemaps.js'
import { buildSiteModel, type SiteOutlet } from './site-model.js'
import { buildRoutes, feedOf, type Resource } from './site-routes.js'

/** A source the product can be configured with; `feeds` has the shape `addSource` takes. */
export interface FixtureOutlet {
  key: string
  name: string
  homepage: string
  kind: OutletDef['kind']
  country: string
  lang: 'vi' | 'en'
  feedUrl?: string
  feedFormat?: 'rss' | 'atom'
  /** the sitemap index (also announced in /robots.txt) */
  sitemapUrl?: string
  newsSitemapUrl?: string
  /** page 1 of the listing; later pages are linked with rel="next" */
  listingUrl?: string
  selector?: string
  feeds: { url: string; kind: 'feed' | 'sitemap' | 'listing'; selector?: string; format?: string }[]
}

export interface FixtureSite {
  /** `http://127.0.0.1:<port>`, no trailing slash */
  baseUrl: string
  outlets: FixtureOutlet[]
  /** the clock the site was rendered with (publication dates are `now - ageHours`) */
  now: Date
  close(): Promise<void>
}

export interface FixtureSiteOptions {
  /** reference time for publication dates; default: the current time */
  now?: Date
  /** default 0: any free port */
  port?: number
}

function describe(o: SiteOutlet, baseUrl: string): FixtureOutlet {
  const d = o.def
  const out: FixtureOutlet = {
    key: d.key,
    name: d.name,
    homepage: `${o.base}/`,
    kind: d.kind,
    country: d.country,
    lang: d.lang,
    feeds: [],
  }
  const feed = feedOf(o, baseUrl)
  if (feed && (d.delivery === 'rss' || d.delivery === 'atom')) {
    Object.assign(out, { feedUrl: feed.href, feedFormat: d.delivery })
    out.feeds.push({ url: feed.href, kind: 'feed', format: d.delivery })
  }
  if (d.delivery === 'sitemap') {
    Object.assign(out, {
      sitemapUrl: baseUrl + sitemapIndexPath(o),
      newsSitemapUrl: baseUrl + newsSitemapPath(o),
    })
    out.feeds.push({ url: baseUrl + sitemapIndexPath(o), kind: 'sitemap' })
  }
  if (d.delivery === 'listing') {
    Object.assign(out, { listingUrl: baseUrl + listingPath(o, 1), selector: LISTING_SELECTOR })
    out.feeds.push({ url: baseUrl + listingPath(o, 1), kind: 'listing', selector: LISTING_SELECTOR })
  }
  return out
}

function send(req: IncomingMessage, res: ServerResponse, r: Resource): void {
  res.setHeader('ETag', r.etag)
  res.setHeader('Last-Modified', r.lastModified.toUTCString())
  res.setHeader('Cache-Control', 'max-age=60')
  if (notModified(req.headers, r.etag, r.lastModified)) {
    res.writeHead(304).end()
    return
  }
  res.setHeader('Content-Type', r.type)
  res.setHeader('Content-Length', Buffer.byteLength(r.body))
  res.writeHead(200).end(req.method === 'HEAD' ? undefined : r.body)
}

function handle(
  routes: Map<string, Resource> | undefined,
  prefixes: Set<string>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const path = new URL(req.url ?? '/', 'http://fixture.invalid').pathname
  if (prefixes.has(path)) {
    res.writeHead(301, { Location: `${path}/` }).end()
    return
  }
  const r = routes?.get(path)
  if (!r) {
    res
      .writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' })
      .end('<!DOCTYPE html><title>404</title><h1>Không tìm thấy trang</h1>')
    return
  }
  send(req, res, r)
}

/**
 * Serves the demo press corpus on 127.0.0.1 as five outlets under their path prefixes: homepages,
 * RSS/Atom feeds, the portal's sitemaps, the listing pages and every article page, all rendered once
 * at start with publication dates `now - ageHours`.
 */
export async function startFixtureSite(opts: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const now = opts.now ?? new Date()
  const defs = listOutlets()
  const corpus = loadCorpus()
  let routes: Map<string, Resource> | undefined
  const prefixes = new Set(defs.map((d) => d.pathPrefix))
  // Long keep-alive: a client reusing a pooled socket must not race the server closing it (ECONNRESET).
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => handle(routes, prefixes, req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const site = buildSiteModel(defs, corpus, now, baseUrl)
  routes = buildRoutes(site, baseUrl, now)
  return {
    baseUrl,
    now,
    outlets: site.map((o) => describe(o, baseUrl)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
        server.closeAllConnections()
      }),
  }
}
