import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { type LoopbackServer, startLoopbackServer } from '../../../test/fixtures/feeds/loopback-server.js'
import { createFetcher } from '../fetch/create-fetcher.js'
import type { Fetcher } from '../fetch/fetch-types.js'
import { createPoliteClient } from '../fetch/polite-client.js'
import { discoverFeeds } from './discover-feeds.js'

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/feeds/${name}`, import.meta.url))

const HOME = `<!doctype html><html><head><meta charset="utf-8"><title>Báo Mẫu</title>
<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss">
<link rel="alternate" type="application/atom+xml" href="/atom">
<link rel="alternate" type="application/rss+xml" href="/rss/mat-tich.rss">
</head><body><a href="/rss/the-gioi.rss">RSS Thế giới</a><a href="/bai-viet/1.html">Bài 1</a></body></html>`

/** A small news site: feeds in every format, sitemaps, a redirect and an HTML page where a feed might be. */
const ROUTES: Record<string, [string, Buffer | string]> = {
  '/': ['text/html; charset=utf-8', HOME],
  '/rss/tin-moi.rss': ['application/rss+xml', fixture('rss2-vi.xml')],
  '/atom': ['application/atom+xml', fixture('atom-vi.xml')],
  '/rss/the-gioi.rss': ['application/rdf+xml', fixture('rdf-vi.rdf')],
  '/feeds/posts/default': ['application/feed+json', fixture('json-feed.json')],
  '/rss': ['text/html', fixture('html-as-feed.html')],
  '/robots.txt': ['text/plain', 'User-agent: *\nDisallow: /private\nSitemap: /sitemaps/news.xml\n'],
  '/sitemaps/news.xml': ['application/xml', fixture('sitemap-news.xml')],
  '/sitemap.xml': ['application/x-gzip', fixture('sitemap-urlset.xml.gz')],
  '/sitemap_index.xml': ['application/xml', fixture('sitemap-index.xml')],
}

describe('discoverFeeds against a loopback site', () => {
  let site: LoopbackServer
  let fetcher: Fetcher
  const requested: string[] = []
  before(async () => {
    site = await startLoopbackServer((req, res) => {
      requested.push(req.url ?? '')
      if (req.url === '/feed') return void res.writeHead(301, { location: '/rss/tin-moi.rss' }).end()
      const route = ROUTES[req.url ?? '']
      if (!route) return void res.writeHead(404).end()
      res.writeHead(200, { 'content-type': route[0] }).end(route[1])
    })
    fetcher = createFetcher({ allowPrivate: [site.hostPort] })
  })
  after(async () => {
    await fetcher.close()
    await site.close()
  })

  it('finds and verifies feeds and sitemaps, in priority order, without duplicates', async () => {
    const client = createPoliteClient(fetcher, { minDelayMs: 0 })
    const found = await discoverFeeds(site.url('/'), client)
    assert.deepEqual(
      found.map((c) => [new URL(c.url).pathname, c.kind, c.format, c.itemCount]),
      [
        ['/rss/tin-moi.rss', 'feed', 'rss', 3],
        ['/atom', 'feed', 'atom', 2],
        ['/rss/the-gioi.rss', 'feed', 'rdf', 2],
        ['/feeds/posts/default', 'feed', 'json', 2],
        ['/sitemaps/news.xml', 'sitemap', 'news', 3],
        ['/sitemap.xml', 'sitemap', 'urlset', 3],
        ['/sitemap_index.xml', 'sitemap', 'index', 2],
      ],
    )
    assert.equal(found[0]?.title, 'Báo Đà Nẵng - Thời sự')
    assert.ok(requested.includes('/rss/mat-tich.rss'), 'the dead link was probed and dropped')
    assert.ok(requested.includes('/feed'), 'the redirecting path was probed and folded into its target')
  })

  it('reaches nothing when the guard does not allow the host', async () => {
    const guarded = createFetcher()
    const found = await discoverFeeds(
      site.url('/'),
      createPoliteClient(guarded, { minDelayMs: 0, retries: 0 }),
    )
    assert.deepEqual(found, [])
    await guarded.close()
  })
})
