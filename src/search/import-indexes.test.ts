import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { deferredIndexes } from './import-indexes.js'
import { importJsonl } from './import-jsonl.js'
import { countMatches, searchArticles } from './search-articles.js'

const lines = (from: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `${JSON.stringify({
        id: from + i,
        title: `Tin số ${from + i}`,
        text: from + i === 7 ? 'Giá cà phê tăng ở Đắk Lắk.' : `Thời tiết hôm nay, bản tin ${from + i}.`,
        source: `Nguồn ${(from + i) % 5}`,
        published_at: new Date(Date.UTC(2024, 0, 1, 0, from + i)).toISOString(),
      })}\n`,
  )

/** Secondary indexes of the tables a bulk import defers, by name (SQLite). */
function indexNames(t: TestDb): string[] {
  return (
    t
      .sqlite!.prepare(
        `select name from sqlite_master where type = 'index' and tbl_name in ('articles', 'search_docs')
        and sql is not null order by name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name)
}

for (const dialect of testDialects()) {
  describe(`bulk import on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
    })
    after(() => t.dispose())

    test('a long import builds the deferred indexes again and finds what it imported', async () => {
      const before = dialect === 'sqlite' ? indexNames(t) : []
      const r = await importJsonl(t, Readable.from(lines(0, 300)), { deferIndexesAfter: 100 })
      assert.equal(r.imported, 300)
      if (dialect === 'sqlite') {
        assert.ok(before.includes('articles_hash_idx') && before.includes('search_docs_published_idx'))
        assert.deepEqual(indexNames(t), before, 'every index is back')
        const left = t.sqlite!.prepare('select count(*) as n from search_deferred_indexes').get() as {
          n: number
        }
        assert.equal(left.n, 0)
      }
      assert.equal(await countMatches(t, 'bản tin'), 299)
      const page = await searchArticles(t, 'cà phê', { sort: 'date' })
      assert.equal(page.total, 1)
      assert.equal(page.hits[0]!.title, 'Tin số 7')
      const newest = await searchArticles(t, 'thời tiết', { sort: 'date', limit: 2 })
      assert.deepEqual(
        newest.hits.map((h) => h.title),
        ['Tin số 299', 'Tin số 298'],
      )
    })

    test('indexes an interrupted import left dropped are built by the next import', async () => {
      if (dialect !== 'sqlite') return
      const before = indexNames(t)
      deferredIndexes(t.sqlite!).defer() // as a crashed import leaves them
      assert.ok(indexNames(t).length < before.length)
      const r = await importJsonl(t, Readable.from(lines(300, 3)))
      assert.equal(r.imported, 3)
      assert.deepEqual(indexNames(t), before)
    })
  })
}
