import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isAppError } from '../../shared/errors.js'
import { parseListing } from './parse-listing.js'

const PAGE = `<!doctype html><html><head><title>Thời sự</title></head><body>
<nav><a href="/">Trang chủ</a><a href="/thoi-su">Thời sự</a></nav>
<div class="list">
  <article class="story"><h3><a href="/thoi-su/bai-1.html#binh-luan">Bài một</a></h3><a href="/tag/dong-nai">Đồng Nai</a></article>
  <article class="story"><a href="https://www.tinvn.example.vn/thoi-su/bai-2.html"><h3>Bài hai</h3></a></article>
  <article class="story"><h3><a href="thoi-su/bai-3.html">Bài ba</a></h3></article>
  <article class="story"><h3><a href="/thoi-su/bai-1.html">Bài một (lặp)</a></h3></article>
  <article class="story"><h3><a href="https://m.tinvn.example.vn/bai-4.html">Bài bốn (di động)</a></h3></article>
  <article class="story"><h3><a href="https://other.example.com/bai-5.html">Bài ngoài</a></h3></article>
  <article class="story"><h3><a href="javascript:void(0)">JS</a></h3></article>
</div></body></html>`

describe('parseListing', () => {
  const url = 'https://tinvn.example.vn/thoi-su/'
  it('returns absolute, deduplicated, same-site article links in page order', () => {
    assert.deepEqual(parseListing(PAGE, { url, selector: '.story h3' }), [
      'https://tinvn.example.vn/thoi-su/bai-1.html',
      'https://www.tinvn.example.vn/thoi-su/bai-2.html',
      'https://tinvn.example.vn/thoi-su/thoi-su/bai-3.html',
      'https://m.tinvn.example.vn/bai-4.html',
    ])
  })
  it('can keep other sites and cap the count', () => {
    const all = parseListing(PAGE, { url, selector: '.story h3 a', sameSite: false })
    assert.ok(all.includes('https://other.example.com/bai-5.html'))
    assert.equal(parseListing(PAGE, { url, selector: '.story h3', max: 2 }).length, 2)
  })
  it('takes every anchor inside a container match', () => {
    const links = parseListing(PAGE, { url, selector: 'article.story' })
    assert.ok(links.includes('https://tinvn.example.vn/tag/dong-nai'))
  })
  it('honours <base href>', () => {
    const html =
      '<html><head><base href="https://tinvn.example.vn/archive/"></head><body><a class="x" href="a.html">A</a></body></html>'
    assert.deepEqual(parseListing(html, { url, selector: 'a.x' }), [
      'https://tinvn.example.vn/archive/a.html',
    ])
  })
  it('reports an invalid selector', () => {
    assert.throws(
      () => parseListing(PAGE, { url, selector: 'h3[' }),
      (e) => isAppError(e) && e.code === 'INPUT_INVALID',
    )
  })
})
