import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parseAtomFeed, parseRssFeed } from 'feedsmith'
import { escapeHtml } from './escape.js'
import { loadCorpus } from './load-corpus.js'
import {
  articlesOf,
  BARE_AMPERSAND,
  expectedPublished,
  getText,
  html,
  TEST_NOW,
  xmlLocs,
} from './site-test-kit.js'
import { type FixtureSite, startFixtureSite } from './start-fixture-site.js'

const FEED_ITEMS = 50
const HOUR_MS = 3_600_000
let site: FixtureSite
const outlet = (key: string) => site.outlets.find((o) => o.key === key)!
const byTitle = new Map(loadCorpus().map((a) => [a.title, a]))

describe('fixture site: sources and feeds', () => {
  before(async () => {
    site = await startFixtureSite({ now: TEST_NOW, port: 0 })
  })
  after(() => site.close())

  it('describes five outlets on 127.0.0.1 with the feed, sitemap or listing each publishes', () => {
    assert.match(site.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.equal(site.outlets.length, 5)
    assert.deepEqual(site.outlets.map((o) => o.kind).sort(), [
      'domestic',
      'domestic',
      'foreign',
      'foreign',
      'government',
    ])
    for (const o of site.outlets) {
      assert.equal(o.feeds.length, 1, o.key)
      assert.ok([o.homepage, o.feeds[0]!.url].every((u) => u.startsWith(site.baseUrl)))
    }
    assert.equal(outlet('tay-nguyen-moi').feedFormat, 'rss')
    assert.equal(outlet('kinh-te-viet').feedFormat, 'atom')
    assert.deepEqual(outlet('cong-dak-lak').feeds[0]!.kind, 'sitemap')
    assert.deepEqual(outlet('mekong-observer').feeds[0], {
      url: outlet('mekong-observer').listingUrl,
      kind: 'listing',
      selector: '.story-list a.headline',
    })
  })

  it('announces each feed on the homepage with <link rel="alternate">', async () => {
    for (const o of site.outlets) {
      const links = [...html(await getText(o.homepage)).querySelectorAll('link[rel="alternate"]')].map((l) =>
        l.getAttribute('href'),
      )
      assert.deepEqual(links, o.feedUrl ? [o.feedUrl] : [], o.key)
    }
  })

  for (const key of ['tay-nguyen-moi', 'asia-pacific-wire']) {
    it(`serves ${key} as RSS 2.0: newest ${FEED_ITEMS}, RFC 822 dates at +0700, dc:creator, content:encoded`, async () => {
      const xml = await getText(outlet(key).feedUrl!)
      assert.doesNotMatch(xml, BARE_AMPERSAND)
      const feed = parseRssFeed(xml)
      const items = feed.items ?? []
      assert.equal(items.length, Math.min(FEED_ITEMS, articlesOf(key).length))
      let previous = Number.POSITIVE_INFINITY
      for (const item of items) {
        const a = byTitle.get(item.title!)!
        assert.ok(a, item.title)
        assert.match(item.pubDate!, /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0700$/)
        assert.equal(Date.parse(item.pubDate!), expectedPublished(a))
        assert.ok(Date.parse(item.pubDate!) <= previous, 'newest first')
        previous = Date.parse(item.pubDate!)
        assert.deepEqual(item.dc?.creators, [a.author])
        const para = a.hostile ? a.body[1]! : escapeHtml(a.body[0]!)
        assert.ok(item.content?.encoded?.includes(para), a.id)
      }
    })
  }

  it('serves Thời báo Kinh tế Việt as Atom with ISO dates at +07:00 and updated times', async () => {
    const xml = await getText(outlet('kinh-te-viet').feedUrl!)
    assert.doesNotMatch(xml, BARE_AMPERSAND)
    const entries = parseAtomFeed(xml).entries ?? []
    assert.equal(entries.length, Math.min(FEED_ITEMS, articlesOf('kinh-te-viet').length))
    let edited = 0
    for (const e of entries) {
      const title = e.title?.value ?? ''
      const a = byTitle.get(title)!
      assert.ok(a, title)
      assert.match(e.published!, /T\d{2}:\d{2}:\d{2}\+07:00$/)
      assert.equal(Date.parse(e.published!), expectedPublished(a))
      assert.equal(Date.parse(e.updated!) - Date.parse(e.published!), (a.updatedAfterHours ?? 0) * HOUR_MS)
      if (a.updatedAfterHours) edited++
      assert.equal(e.authors?.[0]?.name, a.author)
      assert.equal(e.summary?.value, a.lead)
    }
    assert.ok(edited >= 2)
  })

  it('announces the portal sitemap in robots.txt; the index leads to every article and a Google News sitemap', async () => {
    const robots = await getText(`${site.baseUrl}/robots.txt`)
    assert.ok(robots.split('\n').includes(`Sitemap: ${outlet('cong-dak-lak').sitemapUrl}`))
    const children = xmlLocs(await getText(outlet('cong-dak-lak').sitemapUrl!))
    assert.equal(children.length, 3)
    assert.ok(children.includes(outlet('cong-dak-lak').newsSitemapUrl!))
    const portal = articlesOf('cong-dak-lak')
    const urls = (await Promise.all(children.map((u) => getText(u)))).flatMap((x) => xmlLocs(x))
    const pages = await Promise.all(urls.filter((u) => u.includes('/chi-tiet/')).map((u) => getText(u)))
    assert.deepEqual(
      new Set(pages.map((p) => html(p).querySelector('h1')!.textContent)),
      new Set(portal.map((a) => a.title)),
    )
  })

  it('lists only the last 48 hours in the Google News sitemap, with publication dates', async () => {
    const xml = await getText(outlet('cong-dak-lak').newsSitemapUrl!)
    assert.doesNotMatch(xml, BARE_AMPERSAND)
    const recent = articlesOf('cong-dak-lak').filter((a) => a.ageHours <= 48)
    assert.ok(recent.length >= 3)
    assert.deepEqual(xmlLocs(xml, 'news:title').sort(), recent.map((a) => a.title).sort())
    const dates = xmlLocs(xml, 'news:publication_date').map((d) => Date.parse(d))
    assert.deepEqual(dates.sort(), recent.map((a) => expectedPublished(a)).sort())
    assert.match(xml, /<news:name>Cổng TTĐT tỉnh Đắk Lắk \(mẫu\)<\/news:name>/)
  })

  it('paginates the listing: the selector picks article links only, page 2 via rel="next"', async () => {
    const mo = outlet('mekong-observer')
    const page1 = html(await getText(mo.listingUrl!))
    const first = [...page1.querySelectorAll(mo.selector!)].map((a) => a.getAttribute('href')!)
    assert.equal(first.length, 8)
    assert.ok(page1.querySelectorAll('a').length > first.length + 10, 'the page has other links too')
    const next = page1.querySelector('a[rel="next"]')!.getAttribute('href')!
    const page2 = html(await getText(next))
    const second = [...page2.querySelectorAll(mo.selector!)].map((a) => a.getAttribute('href')!)
    assert.equal(page2.querySelector('a[rel="next"]'), null)
    const titles = await Promise.all(
      [...first, ...second].map(async (u) => html(await getText(u)).querySelector('h1')!.textContent),
    )
    assert.deepEqual(
      titles.sort(),
      articlesOf('mekong-observer')
        .map((a) => a.title)
        .sort(),
    )
  })
})
