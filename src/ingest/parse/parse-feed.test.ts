import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { isAppError } from '../../shared/errors.js'
import { encodeWindows1258 } from '../../../test/fixtures/feeds/windows-1258.js'
import { decodeBytes } from './charset.js'
import { parseFeed } from './parse-feed.js'

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/feeds/${name}`, import.meta.url), 'utf8')
const NOW = new Date('2024-03-01T03:00:00Z')

describe('parseFeed', () => {
  it('reads RSS 2.0 with dc, media and content:encoded in Vietnamese', () => {
    const f = parseFeed(fixture('rss2-vi.xml'), {
      url: 'https://baodanang.example.vn/rss/thoi-su.rss',
      now: NOW,
    })
    assert.equal(f.format, 'rss')
    assert.equal(f.title, 'Báo Đà Nẵng - Thời sự')
    assert.equal(f.siteUrl, 'https://baodanang.example.vn/thoi-su/')
    assert.equal(f.language, 'vi')
    const [a, b, c] = f.items
    assert.deepEqual(a, {
      guid: 'baodanang-3281',
      url: 'https://baodanang.example.vn/thoi-su/da-nang-trien-khai-ke-hoach-thong-tin-doi-ngoai-2019-3281.html',
      title: 'Đà Nẵng triển khai kế hoạch thông tin đối ngoại năm 2019',
      summary: 'UBND thành phố ban hành Kế hoạch số 04/KH-UBND về công tác thông tin đối ngoại.',
      contentHtml:
        '<p>Ngày 13/3/2019, <strong>UBND thành phố</strong> ban hành Kế hoạch số 04/KH-UBND về công tác thông tin đối ngoại năm 2019 – 2020.</p><p>Kế hoạch nhằm tuyên truyền về chủ quyền biển, đảo.</p>',
      author: 'Nguyễn Văn An',
      publishedAt: '2019-05-16T03:32:36.000Z',
      updatedAt: null,
      categories: ['Thời sự', 'Đối ngoại'],
      imageUrl: 'https://cdn.baodanang.example.vn/3281/anh-chinh.jpg',
    })
    // "GMT+7" zone, media:thumbnail beats the enclosure, the link stands in for the guid
    assert.equal(b?.publishedAt, '2019-03-05T03:00:00.000Z')
    assert.equal(b?.imageUrl, 'https://cdn.baodanang.example.vn/3280/thumb.jpg')
    assert.equal(b?.guid, b?.url)
    // dc:date and dc:subject
    assert.equal(c?.publishedAt, '2019-05-15T13:00:00.000Z')
    assert.deepEqual(c?.categories, ['Văn hóa'])
    assert.equal(f.items.length, 3)
    assert.deepEqual(f.warnings, ['skipped 1 item without a usable link'])
  })

  it('reads Atom: html titles, relative links, enclosure images, updated-only entries', () => {
    const f = parseFeed(fixture('atom-vi.xml'), { url: 'https://quangninh.example.vn/atom.xml' })
    assert.equal(f.format, 'atom')
    assert.equal(f.title, 'Cổng thông tin tỉnh Quảng Ninh')
    assert.equal(f.siteUrl, 'https://quangninh.example.vn/')
    assert.equal(f.language, 'vi')
    const [a, b] = f.items
    assert.equal(a?.title, 'Quảng Ninh đón đoàn phóng viên quốc tế & trong nước')
    assert.equal(a?.url, 'https://quangninh.example.vn/tin-tuc/don-doan-phong-vien-quoc-te-1201')
    assert.equal(a?.guid, 'tag:quangninh.example.vn,2019:1201')
    assert.equal(a?.publishedAt, '2019-05-16T01:15:00.000Z')
    assert.equal(a?.updatedAt, '2019-05-16T02:00:00.000Z')
    assert.equal(a?.author, 'Trần Thị Bình')
    assert.deepEqual(a?.categories, ['Đối ngoại'])
    assert.equal(a?.imageUrl, 'https://quangninh.example.vn/anh/1201.jpg')
    assert.equal(a?.contentHtml, '<p>Sáng 16/5, tỉnh Quảng Ninh đón đoàn phóng viên.</p>')
    assert.equal(b?.publishedAt, '2019-05-15T17:30:00.000Z')
  })

  it('reads RSS 1.0 (RDF)', () => {
    const f = parseFeed(fixture('rdf-vi.rdf'), { url: 'https://tapchi.example.vn/rss' })
    assert.equal(f.format, 'rdf')
    assert.equal(f.items.length, 2)
    assert.equal(f.items[0]?.author, 'Lê Minh Châu')
    assert.equal(f.items[0]?.publishedAt, '2019-05-10T00:00:00.000Z')
    assert.equal(f.items[1]?.publishedAt, '2019-04-30T17:00:00.000Z', 'a bare date is midnight in Hà Nội')
  })

  it('reads JSON Feed, external_url and content_text included', () => {
    const f = parseFeed(fixture('json-feed.json'), { url: 'https://stttt.example.vn/feed.json' })
    assert.equal(f.format, 'json')
    assert.equal(f.siteUrl, 'https://stttt.example.vn/')
    assert.deepEqual(f.items[0]?.categories, ['Chuyển đổi số', 'Cấp xã'])
    assert.equal(f.items[0]?.imageUrl, 'https://stttt.example.vn/anh/501.jpg')
    assert.equal(f.items[1]?.url, 'https://baochi.example.vn/bai-500')
    assert.equal(f.items[1]?.contentHtml, '<p>Nội dung thuần văn bản.</p>')
  })

  it('reads RSS 0.91 with a DOCTYPE', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Cũ</title><link>https://cu.example.vn/</link><language>vi</language>
<item><title>Tin một</title><link>https://cu.example.vn/1</link><description>Mô tả</description></item></channel></rss>`
    const f = parseFeed(xml, { url: 'https://cu.example.vn/rss' })
    assert.deepEqual([f.format, f.items.length, f.items[0]?.title], ['rss', 1, 'Tin một'])
  })

  it('keeps the readable items of malformed XML and says so', () => {
    const f = parseFeed(fixture('malformed-rss.xml'), { url: 'https://bienphong.example.vn/rss' })
    assert.deepEqual(
      f.items.map((i) => i.url),
      ['https://bienphong.example.vn/tin/9001', 'https://bienphong.example.vn/tin/9003'],
    )
    assert.equal(f.items[1]?.author, 'Hoàng Anh', 'namespaced fields survive the per-item retry')
    assert.equal(f.title, 'Báo Biên phòng')
    assert.deepEqual(f.warnings, ['dropped 1 malformed item'])
  })

  it('keeps the complete items of a truncated feed', () => {
    const f = parseFeed(fixture('truncated-rss.xml'), { url: 'https://ttx.example.vn/rss' })
    assert.deepEqual(
      f.items.map((i) => i.title),
      ['Bản tin thứ nhất', 'Bản tin thứ hai'],
    )
    assert.ok(f.warnings.some((w) => w.includes('truncated')))
    assert.ok(f.warnings.some((w) => w.includes('cut off')))
  })

  it('rejects HTML with PARSE_FAILED and hands back the feeds it links to', () => {
    assert.throws(
      () => parseFeed(fixture('html-as-feed.html'), { url: 'https://nhandan.example.vn/' }),
      (e) => {
        assert.ok(isAppError(e))
        assert.equal(e.code, 'PARSE_FAILED')
        assert.equal(e.message, 'not a feed (got HTML)')
        assert.deepEqual(e.details.alternates, [
          {
            url: 'https://nhandan.example.vn/rss/tin-moi.rss',
            type: 'application/rss+xml',
            title: 'Tin mới',
          },
          { url: 'https://nhandan.example.vn/atom.xml', type: 'application/atom+xml', title: null },
        ])
        return true
      },
    )
  })

  it('rejects empty bodies and other formats', () => {
    for (const body of ['', '   ', '{"data": []}', 'plain text', '<?xml version="1.0"?><urlset/>']) {
      assert.throws(
        () => parseFeed(body, { url: 'https://x.example.vn/' }),
        (e) => isAppError(e) && e.code === 'PARSE_FAILED',
      )
    }
  })

  it('decodes and parses a windows-1258 RSS', () => {
    const xml = fixture('rss2-vi.xml').replace('encoding="UTF-8"', 'encoding="windows-1258"')
    const bytes = encodeWindows1258(xml)
    const decoded = decodeBytes(bytes, { charset: null })
    assert.equal(decoded.charset, 'windows-1258')
    const f = parseFeed(decoded.text, { url: 'https://baodanang.example.vn/rss' })
    assert.equal(f.items[0]?.title, 'Đà Nẵng triển khai kế hoạch thông tin đối ngoại năm 2019')
    assert.equal(f.items[0]?.author, 'Nguyễn Văn An')
  })

  it('caps a huge feed at the newest maxItems, fast', () => {
    const item = (i: number) =>
      `<item><title>Tin ${i}</title><link>https://x.example.vn/${i}</link><pubDate>${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString()}</pubDate></item>`
    // shuffled order: the newest are not simply the first or the last ones
    const order = Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 20_000)
    const xml = `<rss version="2.0"><channel><title>T</title><link>https://x.example.vn/</link>${order.map(item).join('')}</channel></rss>`
    const t0 = performance.now()
    const f = parseFeed(xml, { url: 'https://x.example.vn/rss', maxItems: 500 })
    const ms = performance.now() - t0
    assert.equal(f.items.length, 500)
    const kept = f.items.map((i) => Number(i.title.slice(4)))
    assert.equal(Math.min(...kept), 19_500)
    assert.deepEqual(f.warnings, ['feed has 20000 items; kept the newest 500'])
    // generous: guards against a quadratic split (it once took minutes), not against a busy CI machine
    assert.ok(ms < 20_000, `${ms} ms`)
  })
})
