import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { sharedDataDir } from '../../shared/paths.js'
import { extractArticle } from './extract-article.js'

const PARAGRAPH =
  'Sở Thông tin và Truyền thông tỉnh tổ chức hội nghị tập huấn nghiệp vụ thông tin đối ngoại cho cán bộ cấp xã, tập trung vào kỹ năng nắm bắt dư luận, cung cấp thông tin chính thống và phản bác thông tin sai sự thật.'

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`
}

describe('extractArticle robustness', () => {
  it('returns an empty article with a warning for empty input', () => {
    for (const input of ['', '   \n  ']) {
      const a = extractArticle(input, { url: 'https://example.vn/a' })
      assert.equal(a.articleBody, '')
      assert.equal(a.url, 'https://example.vn/a')
      assert.deepEqual(a.warnings, ['empty-input'])
    }
  })

  it('reads malformed HTML (unclosed tags, stray closers, broken attributes)', () => {
    const html = `<html><body><div class="noi-dung"><p>${PARAGRAPH}<p>${PARAGRAPH} <b>đậm <i>nghiêng</b> tiếp</i></span></td><p title="x>${PARAGRAPH}<div></body>`
    const a = extractArticle(html)
    assert.match(a.articleBody, /tập huấn nghiệp vụ/)
    assert.ok(a.articleBody.length > PARAGRAPH.length)
  })

  it('survives 10,000 nested elements without overflowing the stack', () => {
    const depth = 10_000
    const html = page(
      `${'<div>'.repeat(depth)}<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${'</div>'.repeat(depth)}`,
    )
    const a = extractArticle(html)
    assert.match(a.articleBody, /phản bác thông tin sai sự thật/)
    assert.ok(a.contentHtml.includes('tập huấn'))
  })

  it('handles a 5 MB page', () => {
    const para = `<p>${PARAGRAPH}</p>\n`
    const side = '<li><a href="/x">Tin khác trong ngày</a></li>'.repeat(2000)
    const repeat = Math.ceil((5 * 1024 * 1024) / para.length)
    const html = page(`<ul class="menu">${side}</ul><article>${para.repeat(repeat)}</article>`)
    assert.ok(html.length >= 5 * 1024 * 1024)
    const a = extractArticle(html)
    assert.ok(a.articleBody.length > 4_000_000, `body ${a.articleBody.length}`)
    assert.doesNotMatch(a.articleBody.slice(0, 500), /Tin khác trong ngày/)
  })

  it('returns an empty body and a warning for a page of links (not an article)', () => {
    const links = Array.from(
      { length: 12 },
      (_, i) =>
        `<div class="item"><h3><a href="/tin-${i}.html">Tiêu đề bản tin thứ ${i} về hoạt động đối ngoại</a></h3></div>`,
    ).join('')
    const a = extractArticle(page(`<nav><a href="/">Trang chủ</a></nav><div class="list">${links}</div>`))
    assert.equal(a.articleBody, '')
    assert.equal(a.contentHtml, '')
    assert.ok(a.warnings.includes('no-article'))
  })

  it('never throws on binary noise', () => {
    const noise = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_535)).join('')
    const a = extractArticle(noise)
    assert.equal(typeof a.articleBody, 'string')
  })
})

describe('extractArticle metadata', () => {
  it('reads JSON-LD inside @graph, canonical URL, OpenGraph site name and resolves images', () => {
    const head = `<link rel="canonical" href="/bai/123.html"><meta property="og:site_name" content="Báo Tỉnh">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Báo Tỉnh"},
{"@type":["NewsArticle"],"headline":"Khai mạc hội chợ xúc tiến thương mại","datePublished":"2024-05-02T08:00:00+07:00",
"author":{"@type":"Person","name":"Trần Bình"},"description":"Hội chợ có 300 gian hàng."}]}</script>`
    const body = `<article><h1>Khai mạc hội chợ xúc tiến thương mại</h1><p>${PARAGRAPH}</p>
<figure><img src="/anh/hoi-cho.jpg" alt="Gian hàng"><figcaption>Gian hàng tại hội chợ</figcaption></figure><p>${PARAGRAPH}</p></article>`
    const a = extractArticle(page(body, head), { url: 'https://baotinh.example.vn/chuyen-muc/' })
    assert.equal(a.url, 'https://baotinh.example.vn/bai/123.html')
    assert.equal(a.title, 'Khai mạc hội chợ xúc tiến thương mại')
    assert.equal(a.author, 'Trần Bình')
    assert.equal(a.publishedAt, '2024-05-02T01:00:00.000Z')
    assert.equal(a.lead, 'Hội chợ có 300 gian hàng.')
    assert.equal(a.siteName, 'Báo Tỉnh')
    assert.equal(a.lang, 'vi')
    assert.deepEqual(a.images, [
      { src: 'https://baotinh.example.vn/anh/hoi-cho.jpg', caption: 'Gian hàng tại hội chợ' },
    ])
    assert.doesNotMatch(a.articleBody, /^Khai mạc/)
  })

  it('reads the seed portal shape: dateline, title, body, signature, "Các tin khác"', () => {
    const seed = readFileSync(sharedDataDir('..', 'examples', 'seed-portal-item.txt'), 'utf8')
    const [dateline, title, ...rest] = seed.split('\n').filter((l) => l.trim() !== '')
    const paras = rest.filter((l) => !/^Các tin khác/.test(l))
    const body = `<div class="tin"><div class="ngay">${dateline}</div><div class="tieude">${title}</div>
${paras.map((p) => `<p>${p}</p>`).join('\n')}<div class="tinkhac-label">Các tin khác</div>
<ul><li><a href="/1">Tin một</a></li><li><a href="/2">Tin hai</a></li></ul></div>`
    const a = extractArticle(page(body, '<title>Cổng thông tin điện tử huyện Bình Tân</title>'))
    assert.equal(a.publishedAt, '2019-05-16T03:32:36.000Z')
    assert.equal(a.author, 'Quang Trường')
    assert.match(a.articleBody, /^Nhằm thực hiện có hiệu quả/)
    assert.match(a.articleBody, /uy tín của Đảng, đất nước…$/)
    assert.doesNotMatch(a.articleBody, /Các tin khác|Tin một/)
  })

  it('detects Vietnamese text behind a wrong lang attribute', () => {
    const html = `<html lang="en-US"><body><article><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`
    assert.equal(extractArticle(html).lang, 'vi')
  })
})
