import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { vnParts } from '../../shared/time.js'
import type { CorpusArticle } from './corpus-schema.js'
import { listOutlets, loadCorpus } from './load-corpus.js'
import { expectedPublished, getText, html, TEST_NOW, xmlLocs } from './site-test-kit.js'
import { type FixtureSite, startFixtureSite } from './start-fixture-site.js'

let site: FixtureSite
/** Every article page, found through the site's own indexes (feeds, sitemap, listing). */
const pages = new Map<string, { url: string; source: string }>()
const corpus = loadCorpus()
const byTitle = new Map(corpus.map((a) => [a.title, a]))
const DATE_LINES: Record<string, (a: CorpusArticle) => RegExp> = {
  'weekday-gmt7': (a) => {
    const p = vnParts(new Date(expectedPublished(a)))
    return new RegExp(
      `(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ${p.day}/${p.month}/${p.year}, ${hm(p)} \\(GMT\\+7\\)`,
    )
  },
  'dash-time': (a) => {
    const p = vnParts(new Date(expectedPublished(a)))
    return new RegExp(`${dmy(p)} - ${hm(p)}`)
  },
  'portal-seconds': (a) => {
    const p = vnParts(new Date(expectedPublished(a)))
    return new RegExp(`Ngày ${dmy(p)} ${hm(p)}:${pad(p.second)}`)
  },
}
const pad = (n: number) => String(n).padStart(2, '0')
const hm = (p: ReturnType<typeof vnParts>) => `${pad(p.hour)}:${pad(p.minute)}`
const dmy = (p: ReturnType<typeof vnParts>) => `${pad(p.day)}/${pad(p.month)}/${p.year}`

async function collectPages() {
  const urls = new Set<string>()
  for (const o of site.outlets) {
    const index = await getText(o.feeds[0]!.url)
    if (o.feedUrl)
      for (const m of index.matchAll(
        /<link>([^<]+)<\/link>|<link rel="alternate" type="text\/html" href="([^"]+)"/g,
      ))
        urls.add((m[1] ?? m[2])!)
    if (o.listingUrl)
      for (const p of [o.listingUrl, `${o.listingUrl}page/2/`])
        for (const a of html(await getText(p)).querySelectorAll(o.selector!))
          urls.add(a.getAttribute('href')!)
    if (o.sitemapUrl)
      for (const child of xmlLocs(index))
        for (const u of xmlLocs(await getText(child))) if (u.includes('/chi-tiet/')) urls.add(u)
  }
  for (const url of urls) {
    if (url.endsWith('/tin-tay-nguyen/') || url.endsWith('/apwire/') || url.endsWith('/kinh-te-viet/'))
      continue
    const source = await getText(url)
    pages.set(html(source).querySelector('h1')!.textContent!, { url, source })
  }
}

describe('fixture site: article pages', () => {
  before(async () => {
    site = await startFixtureSite({ now: TEST_NOW })
    await collectPages()
  })
  after(() => site.close())

  it('reaches a page for every article reachable from feeds (newest 50), sitemaps and listings', () => {
    const feedOutlets = new Set(['tay-nguyen-moi', 'kinh-te-viet', 'asia-pacific-wire'])
    for (const a of corpus) {
      const inFeedWindow = corpus.filter((b) => b.outlet === a.outlet && b.ageHours < a.ageHours).length < 50
      if (!feedOutlets.has(a.outlet) || inFeedWindow) assert.ok(pages.has(a.title), a.id)
    }
  })

  it('shows title, sapo, every paragraph and the author as text', () => {
    for (const [title, { source }] of pages) {
      const a = byTitle.get(title)!
      const text = html(source).querySelector('article')!.textContent!
      assert.ok(text.includes(a.lead), a.id)
      for (const p of a.hostile ? [] : a.body) assert.ok(text.includes(p), `${a.id}: ${p.slice(0, 40)}`)
      assert.ok(text.includes(a.author), a.id)
    }
  })

  it("prints each outlet's own date line for the publication time", () => {
    const styles = new Map(listOutlets().map((o) => [o.key, o.dateStyle]))
    for (const [title, { source }] of pages) {
      const a = byTitle.get(title)!
      const line = DATE_LINES[styles.get(a.outlet)!]
      if (line) assert.match(source, line(a), a.id)
    }
    const edited = [...pages.values()].filter((p) => p.source.includes('Cập nhật lúc'))
    assert.ok(edited.length >= 2)
  })

  it('gives the English pages a JSON-LD NewsArticle with the publication time', () => {
    const en = [...pages].filter(([t]) => byTitle.get(t)!.lang === 'en')
    assert.ok(en.length >= 30)
    for (const [title, { source }] of en) {
      const ld = JSON.parse(html(source).querySelector('script[type="application/ld+json"]')!.textContent!)
      assert.equal(ld['@type'], 'NewsArticle')
      assert.equal(ld.headline, title)
      assert.equal(Date.parse(ld.datePublished), expectedPublished(byTitle.get(title)!))
    }
  })

  it('has the page furniture: breadcrumb, share bar, related box, comments on some, og: tags', () => {
    for (const { source } of pages.values()) {
      const d = html(source)
      assert.ok(
        d.querySelector('.breadcrumb') &&
          d.querySelector('.share-bar') &&
          d.querySelector('.related-news li'),
      )
      assert.ok(d.querySelector('meta[property="og:title"]'))
    }
    const portal = [...pages.values()].filter((p) => p.url.includes('/cong-dak-lak/'))
    assert.ok(portal.every((p) => p.source.includes('<h3>Các tin khác</h3>')))
    assert.ok([...pages.values()].some((p) => html(p.source).querySelectorAll('.comment-item').length >= 2))
    assert.ok([...pages.values()].some((p) => p.source.includes('<figcaption>')))
  })

  it('escapes text everywhere, and emits only the hostile body raw', () => {
    const quoted = corpus.find((a) => a.title.includes('"') && pages.has(a.title))!
    const page = pages.get(quoted.title)!.source
    assert.ok(page.includes(`">${quoted.title.replaceAll('"', '&quot;')}</h1>`))
    assert.ok(!page.includes(quoted.title), 'no raw quote in text or attributes')
    const hostile = corpus.find((a) => a.hostile)!
    const raw = pages.get(hostile.title)!.source
    assert.ok(raw.includes("<script>alert('xss')</script>") && raw.includes('<img src=x onerror=alert(1)>'))
    for (const [title, { source }] of pages) {
      if (title === hostile.title) continue
      assert.doesNotMatch(
        source.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, ''),
        /<script|onerror=/,
        title,
      )
    }
  })

  it('answers conditional GETs with 304, and 301/404/405 where due', async () => {
    for (const o of site.outlets) {
      const res = await fetch(o.feeds[0]!.url)
      const etag = res.headers.get('etag')!
      const lastModified = res.headers.get('last-modified')!
      await res.arrayBuffer()
      assert.equal((await fetch(o.feeds[0]!.url, { headers: { 'If-None-Match': etag } })).status, 304, o.key)
      assert.equal(
        (await fetch(o.feeds[0]!.url, { headers: { 'If-Modified-Since': lastModified } })).status,
        304,
      )
      const stale = new Date(Date.parse(lastModified) - 1000).toUTCString()
      assert.equal((await fetch(o.feeds[0]!.url, { headers: { 'If-Modified-Since': stale } })).status, 200)
      assert.equal((await fetch(o.feeds[0]!.url, { headers: { 'If-None-Match': '"other"' } })).status, 200)
    }
    const prefix = await fetch(`${site.baseUrl}/kinh-te-viet`, { redirect: 'manual' })
    assert.equal(prefix.status, 301)
    assert.equal((await fetch(`${site.baseUrl}/kinh-te-viet/khong-co.html`)).status, 404)
    assert.equal((await fetch(`${site.baseUrl}/robots.txt`, { method: 'POST' })).status, 405)
  })
})
