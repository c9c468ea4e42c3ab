import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { indexArticles } from '../../src/search/index-article.js'
import { testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'
import { createTestApp, type TestApp } from '../support/web.js'

for (const dialect of testDialects()) {
  describe(`explorer overview loaded after the hits on ${dialect}`, () => {
    let a: TestApp
    before(async () => {
      a = await createTestApp(dialect)
      const ids = []
      for (const title of ['Giá cà phê tăng', 'Cà phê Tây Nguyên', 'Tin khác'])
        ids.push(
          await seedArticle(a.t.db, {
            title,
            body: `${title}. Nội dung.`,
            publishedAt: '2026-11-20T03:00:00Z',
          }),
        )
      await indexArticles(a.t, ids)
    })
    after(() => a.close())

    test('the page shows the hits and a placeholder; the fragment fills facets and attention', async () => {
      const c = await a.as('analyst')
      const q = encodeURIComponent('cà phê')
      const page = await c.get(`/explore?q=${q}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /2 kết quả/)
      assert.match(page.body, new RegExp(`hx-get="/explore/overview\\?q=${q.replace(/%/g, '%')}"`))
      assert.doesNotMatch(page.body, /<figure class="chart"/, 'attention is not counted for the page')
      const fragment = await c.get(`/explore/overview?q=${q}`)
      assert.equal(fragment.statusCode, 200)
      assert.match(fragment.body, /^<aside class="facets"/)
      assert.match(fragment.body, /<div id="explore-attention" hx-swap-oob="true"><figure class="chart"/)
      assert.match(fragment.body, /Báo Mẫu<\/a> <small>2<\/small>/)
      // kept now: the next visit of the query shows the overview at once
      const again = await c.get(`/explore?q=${q}&page=1`)
      assert.match(again.body, /<figure class="chart"/)
      assert.doesNotMatch(again.body, /hx-get="\/explore\/overview/)
      // without script: the placeholder's link counts in full
      const full = await c.get(`/explore?q=${encodeURIComponent('tây nguyên')}&overview=1`)
      assert.match(full.body, /<figure class="chart"/)
    })

    test('a refused query: the page explains it, the fragment answers 400', async () => {
      const c = await a.as('analyst')
      const bad = await c.get(`/explore/overview?q=${encodeURIComponent('biển "đông')}`)
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Thiếu dấu đóng ngoặc kép/)
    })
  })
}
