import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { gzipSync } from 'node:zlib'
import { isAppError } from '../../shared/errors.js'
import { parseSitemap } from './parse-sitemap.js'

const bytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/feeds/${name}`, import.meta.url)))

describe('parseSitemap', () => {
  it('reads a Google News sitemap: title, publication date, language', async () => {
    const s = await parseSitemap(bytes('sitemap-news.xml'))
    assert.equal(s.kind, 'urlset')
    assert.equal(s.urls.length, 3)
    assert.deepEqual(s.urls[0], {
      loc: 'https://baoquocte.example.vn/viet-nam-asean-hop-tac-bien-27001.html',
      lastmod: '2024-03-01T02:10:00.000Z',
      news: {
        title: 'Việt Nam – ASEAN: hợp tác biển vì hòa bình & phát triển',
        publishedAt: '2024-03-01T01:15:00.000Z',
        lang: 'vi',
        publication: 'Báo Thế giới và Việt Nam',
      },
    })
    assert.equal(s.urls[1]?.news?.lang, 'en')
    assert.equal(s.urls[1]?.news?.publishedAt, '2024-02-28T17:00:00.000Z')
    assert.equal(s.urls[2]?.news, undefined)
    assert.deepEqual(s.warnings, [])
  })

  it('reads a sitemap index', async () => {
    const s = await parseSitemap(bytes('sitemap-index.xml'))
    assert.equal(s.kind, 'index')
    assert.deepEqual(s.sitemaps, [
      'https://baoquocte.example.vn/sitemaps/news.xml',
      'https://baoquocte.example.vn/sitemaps/2024-02.xml.gz',
    ])
  })

  it('gunzips by magic bytes, not by name', async () => {
    const s = await parseSitemap(bytes('sitemap-urlset.xml.gz'))
    assert.deepEqual(
      s.urls.map((u) => [u.loc.slice(-15), u.lastmod]),
      [
        ['bai-26990.html', '2024-02-19T17:00:00.000Z'],
        ['bai-26991.html', '2024-02-21T03:00:00.000Z'],
        ['bai-26992.html', null],
      ].map(([a, b]) => [`/${a}`, b]),
    )
  })

  it('flags a truncated sitemap but keeps its complete URLs', async () => {
    const s = await parseSitemap(
      '<urlset><url><loc>https://a.example.vn/1</loc></url><url><loc>https://a.example.vn/2</lo',
    )
    assert.deepEqual(
      s.urls.map((u) => u.loc),
      ['https://a.example.vn/1'],
    )
    assert.equal(s.warnings.length, 1)
  })

  it('rejects a broken gzip and non-sitemaps', async () => {
    const gz = gzipSync('<urlset></urlset>')
    await assert.rejects(
      parseSitemap(gz.subarray(0, gz.length - 8)),
      (e) => isAppError(e) && e.code === 'PARSE_FAILED',
    )
    await assert.rejects(
      parseSitemap('<rss version="2.0"></rss>'),
      (e) => isAppError(e) && e.details.reason === 'not_a_sitemap',
    )
  })
})
