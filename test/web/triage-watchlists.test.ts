import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { recordWatchlistMatches } from '../../src/monitor/record-matches.js'
import { searchAdapter } from '../../src/monitor/search-adapter.js'
import { createWatchlist } from '../../src/monitor/store/watchlists.js'
import { indexArticles } from '../../src/search/index-article.js'
import { silentLogger } from '../../src/shared/logger.js'
import { testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'
import { createTestApp, type TestApp } from '../support/web.js'

for (const dialect of testDialects()) {
  describe(`triage over every watchlist on ${dialect}`, () => {
    let a: TestApp
    let durian: number
    let coffee: number
    let durianList: number
    let coffeeList: number
    const pass = () =>
      recordWatchlistMatches(
        { db: a.t.db, search: searchAdapter(a.t, 5000), log: silentLogger() },
        new Date(Date.now() + 1000),
      )

    before(async () => {
      a = await createTestApp(dialect)
      durian = await seedArticle(a.t.db, {
        title: 'Giá sầu riêng xuất khẩu tăng mạnh',
        body: 'Nông dân Đắk Lắk thu hoạch sầu riêng sớm, thương lái trả giá cao.',
      })
      coffee = await seedArticle(a.t.db, {
        title: 'Cà phê Buôn Ma Thuột vào mùa thu hoạch',
        body: 'Các hợp tác xã cà phê chuẩn bị lễ hội.',
      })
      await indexArticles(a.t, [durian, coffee])
      durianList = (await createWatchlist(a.t.db, { name: 'Sầu riêng', query: 'sầu riêng' })).id
      coffeeList = (await createWatchlist(a.t.db, { name: 'Cà phê', query: 'cà phê' })).id
    })
    after(() => a.close())

    test('the matching pass queues each watchlist match once; the queue filters by watchlist', async () => {
      const first = await pass()
      assert.equal(first.failed, 0)
      assert.equal(first.added, 2)
      assert.equal((await pass()).added, 0, 'a second pass adds nothing')
      const c = await a.as('analyst')
      const all = await c.get('/triage')
      assert.equal(all.statusCode, 200)
      assert.match(all.body, /Giá sầu riêng xuất khẩu/)
      assert.match(all.body, /Cà phê Buôn Ma Thuột/)
      const only = await c.get(`/triage?watchlist=${durianList}`)
      assert.match(only.body, /Giá sầu riêng xuất khẩu/)
      assert.doesNotMatch(only.body, /Cà phê Buôn Ma Thuột/)
      assert.match(only.body, new RegExp(`<option value="${durianList}" selected`))
      const other = await c.get(`/triage?watchlist=${coffeeList}&status=all`)
      assert.doesNotMatch(other.body, /Giá sầu riêng xuất khẩu/)
      assert.match(other.body, /Cà phê Buôn Ma Thuột/)
    })

    test('a broken watchlist query is skipped and the others still match', async () => {
      await createWatchlist(a.t.db, { name: 'Hỏng', query: '"ngoặc chưa đóng' })
      const later = await seedArticle(a.t.db, {
        title: 'Sầu riêng Việt Nam sang Trung Quốc',
        body: 'Xuất khẩu sầu riêng.',
      })
      await indexArticles(a.t, [later])
      const r = await pass()
      assert.equal(r.failed, 1)
      assert.equal(r.added, 1)
    })

    test('an unknown watchlist id shows the whole queue; deleting a watchlist removes its matches', async () => {
      const c = await a.as('analyst')
      const res = await c.get('/triage?watchlist=99999')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Cà phê Buôn Ma Thuột/)
      await a.t.db.deleteFrom('watchlists').where('id', '=', coffeeList).execute()
      const after = await c.get('/triage')
      assert.doesNotMatch(after.body, /Cà phê Buôn Ma Thuột/)
    })
  })
}
