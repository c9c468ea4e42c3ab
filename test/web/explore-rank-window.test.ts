import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { importJsonl } from '../../src/search/import-jsonl.js'
import { RANK_WINDOW } from '../../src/search/result-page.js'
import { testDialects } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/web.js'

const lines = function* (n: number) {
  for (let i = 0; i < n; i++)
    yield `${JSON.stringify({
      id: `cp-${i}`,
      title: `Giá cà phê phiên ${i}`,
      text: `Giá cà phê hôm nay, phiên số ${i}.`,
      source: 'Báo Giá',
      published_at: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString(),
    })}\n`
}

for (const dialect of testDialects()) {
  describe(`explorer relevance window on ${dialect}`, () => {
    let a: TestApp
    before(async () => {
      a = await createTestApp(dialect)
      const r = await importJsonl(a.t, Readable.from(lines(RANK_WINDOW + 5)))
      assert.equal(r.imported, RANK_WINDOW + 5)
    })
    after(() => a.close())

    test('past the ranked window the page says how relevance is ordered; by date or below it, not', async () => {
      const c = await a.as('analyst')
      const q = encodeURIComponent('cà phê')
      const ranked = await c.get(`/explore?q=${q}`)
      assert.equal(ranked.statusCode, 200)
      assert.match(ranked.body, /Xếp theo mức liên quan trong 1\.000 bài khớp được lưu gần nhất/)
      const byDate = await c.get(`/explore?q=${q}&sort=date`)
      assert.doesNotMatch(byDate.body, /Xếp theo mức liên quan trong/)
      const few = await c.get(`/explore?q=${encodeURIComponent('"phiên số 7"')}`)
      assert.equal(few.statusCode, 200)
      assert.doesNotMatch(few.body, /Xếp theo mức liên quan trong/)
    })
  })
}
