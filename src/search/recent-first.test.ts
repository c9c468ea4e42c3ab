import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { importJsonl } from './import-jsonl.js'
import { datePage, newestIds } from './result-page.js'
import { iterateMatches, prepareSearch } from './search-articles.js'

/** Articles stored out of date order over three years: `nắng` in all, `mưa` in one in seven. */
const N = 400
function* lines() {
  for (let i = 0; i < N; i++) {
    const at = new Date(Date.UTC(2019, 0, 1) + ((i * 7919) % 1095) * 86_400_000).toISOString()
    const text = `Bản tin ${i}: trời nắng${i % 7 === 0 ? ', chiều có mưa' : ''}.`
    yield `${JSON.stringify({ id: i, title: `Thời tiết ${i}`, text, published_at: at })}\n`
  }
}

for (const dialect of testDialects()) {
  describe(`newest pages on ${dialect}: the same whichever part of the archive holds them`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
      await importJsonl(t, Readable.from(lines()))
    })
    after(() => t.dispose())

    const all = async (q: string) => {
      const out: number[] = []
      for await (const b of iterateMatches(t, q)) out.push(...b)
      return out
    }

    test('date pages and the most recently stored matches equal those of every match', async () => {
      for (const q of ['nắng', 'mưa', '"trời nắng"', 'nang -mưa']) {
        const { compiled } = await prepareSearch(t, q)
        const every = await all(q)
        for (const [offset, limit] of [
          [0, 5],
          [40, 20],
          [every.length - 3, 10],
        ] as const) {
          const page = await datePage(t, compiled, { offset, limit, total: every.length })
          assert.deepEqual(
            page.map((r) => r.article_id),
            every.slice(offset, offset + limit),
            `${q} ${offset}`,
          )
        }
        const newest = await newestIds(t, compiled, 10)
        assert.deepEqual(newest, [...every].sort((a, b) => b - a).slice(0, 10), q)
      }
    })
  })
}
