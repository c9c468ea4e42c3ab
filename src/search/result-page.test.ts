import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { compileSearch } from './compile-search.js'
import { importJsonl } from './import-jsonl.js'
import { datePage, datePlan, relevancePage } from './result-page.js'
import { prepareSearch } from './search-articles.js'

/** 60 articles mentioning "cà phê", newest last; every third has it in the title too (ranks higher). */
function lines(): string[] {
  return Array.from({ length: 60 }, (_, i) =>
    JSON.stringify({
      id: i,
      title: i % 3 === 0 ? `Giá cà phê hôm nay số ${i}` : `Bản tin số ${i}`,
      text: `Thị trường nông sản. Người trồng cà phê ở Đắk Lắk nói về mùa vụ ${i}.`,
      source: 'Báo thử',
      published_at: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
    }),
  )
    .concat(JSON.stringify({ id: 'x', title: 'Khác', text: 'Không liên quan.', published_at: '2025-01-01' }))
    .concat(archive())
}

/** 30 articles about "lúa gạo" stored oldest last (an archive imported backwards): ids against dates. */
function archive(): string[] {
  return Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({
      id: `r${i}`,
      title: i % 4 === 0 ? `Giá lúa gạo tuần ${i}` : `Nông nghiệp tuần ${i}`,
      text: `Xuất khẩu lúa gạo tuần ${i}.`,
      source: 'Báo thử',
      published_at: new Date(Date.UTC(2023, 5, 30 - i)).toISOString(),
    }),
  )
}

for (const dialect of testDialects()) {
  describe(`result pages on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
      const r = await importJsonl(t, Readable.from(lines().map((l) => `${l}\n`)))
      assert.equal(r.imported, 91)
    })
    after(() => t.dispose())

    test('relevance ranks the newest window, then the rest newest first; pages stitch', async () => {
      const { compiled: c } = await prepareSearch(t, '"cà phê"')
      const total = 60
      const byDate = (await datePage(t, c, { limit: 60, offset: 0, total })).map((r) => r.article_id)
      assert.equal(byDate.length, 60)
      const window = 10
      const all = await relevancePage(t, c, { limit: 60, offset: 0, total, window })
      const ids = all.map((r) => r.article_id)
      // the window holds exactly the 10 newest matches; within it title hits come first
      assert.deepEqual([...ids.slice(0, window)].sort(), [...byDate.slice(0, window)].sort())
      assert.ok(all[0]!.score > all[window - 1]!.score, 'title hits score higher')
      assert.deepEqual(ids.slice(window), byDate.slice(window))
      // any page is the same slice of that order, across the window's edge too
      for (const [offset, limit] of [
        [0, 7],
        [7, 7],
        [8, 5],
        [10, 3],
        [55, 20],
      ] as const) {
        const page = await relevancePage(t, c, { limit, offset, total, window })
        assert.deepEqual(
          page.map((r) => r.article_id),
          ids.slice(offset, offset + limit),
          `offset ${offset} limit ${limit}`,
        )
      }
    })

    test('the window is the most recently stored matches, whatever their dates; the rest follow newest first', async () => {
      const { compiled: c } = await prepareSearch(t, '"lúa gạo"')
      const total = 30
      const byDate = (await datePage(t, c, { limit: 30, offset: 0, total })).map((r) => r.article_id)
      const byId = [...byDate].sort((a, b) => b - a)
      assert.notDeepEqual(byDate.slice(0, 8), byId.slice(0, 8), 'stored oldest last')
      const window = 8
      const all = await relevancePage(t, c, { limit: 30, offset: 0, total, window })
      const ids = all.map((r) => r.article_id)
      assert.deepEqual([...ids.slice(0, window)].sort(), [...byId.slice(0, window)].sort())
      const ranked = new Set(byId.slice(0, window))
      assert.deepEqual(
        ids.slice(window),
        byDate.filter((id) => !ranked.has(id)),
      )
      for (const [offset, limit] of [
        [0, 5],
        [5, 5],
        [7, 3],
        [8, 4],
        [20, 20],
      ] as const) {
        const page = await relevancePage(t, c, { limit, offset, total, window })
        assert.deepEqual(
          page.map((r) => r.article_id),
          ids.slice(offset, offset + limit),
          `offset ${offset} limit ${limit}`,
        )
      }
    })

    test('date pages read by any plan are the same slices of the newest-first order', async () => {
      const { compiled: c } = await prepareSearch(t, '"cà phê"')
      const total = 60
      const all = (await datePage(t, c, { limit: 60, offset: 0, total })).map((r) => r.article_id)
      const times = (await datePage(t, c, { limit: 60, offset: 0, total })).map((r) => r.published_at)
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first')
      if (dialect === 'sqlite') {
        // a word in 45 % of a million articles, a short page: each visited row is looked up in FTS5
        const common = { limit: 20, offset: 0, total: 450_000 }
        assert.equal(datePlan(c, common, 1_000_000), 'probe')
        assert.equal(datePlan(c, { ...common, total: 140_000, limit: 1000 }, 1_000_000), 'walk')
        assert.equal(datePlan(c, { ...common, total: 200 }, 1_000_000), 'sort')
        // a prefix run as the OR of its indexed words can be looked up at one article; FTS5's own
        // prefix query (kept for a prefix of too many words) would merge them all at each lookup
        const prefix = await prepareSearch(t, 'phê phê*')
        assert.equal(datePlan(prefix.compiled, common, 1_000_000), 'probe')
        const native = compileSearch(prefix.tree, 'sqlite', new Map())
        assert.notEqual(datePlan(native, common, 1_000_000), 'probe', 'no probe for a prefix query')
      }
      const plans = dialect === 'sqlite' ? (['probe', 'walk', 'sort'] as const) : ([undefined] as const)
      for (const plan of plans) {
        for (const [offset, limit] of [
          [0, 3],
          [2, 3],
          [1, 4],
          [0, 20],
          [45, 20],
        ] as const) {
          const page = await datePage(t, c, { limit, offset, total, ...(plan ? { plan } : {}) })
          assert.deepEqual(
            page.map((r) => r.article_id),
            all.slice(offset, offset + limit),
            `${plan} offset ${offset} limit ${limit}`,
          )
        }
      }
    })
  })
}
