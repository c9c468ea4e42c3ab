import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { sql } from 'kysely'
import { deferredIndexes } from './import-indexes.js'
import { deferredIndexesPostgres } from './import-indexes-pg.js'
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

/** Secondary indexes of the tables a bulk import touches, by name. */
async function indexNames(t: TestDb): Promise<string[]> {
  if (t.sqlite)
    return (
      t.sqlite
        .prepare(
          `select name from sqlite_master where type = 'index' and tbl_name in ('articles', 'search_docs')
        and sql is not null order by name`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name)
  const r = await sql<{ name: string }>`select indexname as name from pg_indexes
    where schemaname = current_schema() and tablename in ('articles', 'search_docs') order by indexname`.execute(
    t.db,
  )
  return r.rows.map((x) => x.name)
}

const deferredLeft = async (t: TestDb) =>
  Number(
    (await sql<{ n: number | string }>`select count(*) as n from search_deferred_indexes`.execute(t.db))
      .rows[0]!.n,
  )

for (const dialect of testDialects()) {
  describe(`bulk import on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
    })
    after(() => t.dispose())

    test('a long import builds the deferred indexes again and finds what it imported', async () => {
      const before = await indexNames(t)
      const r = await importJsonl(t, Readable.from(lines(0, 300)), { deferIndexesAfter: 100 })
      assert.equal(r.imported, 300)
      const deferred =
        dialect === 'sqlite' ? ['articles_hash_idx', 'search_docs_published_idx'] : ['search_docs_words_gin']
      for (const i of deferred) assert.ok(before.includes(i), i)
      assert.deepEqual(await indexNames(t), before, 'every index is back')
      assert.equal(await deferredLeft(t), 0)
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
      const before = await indexNames(t)
      // as a crashed import leaves them
      if (t.sqlite) deferredIndexes(t.sqlite).defer()
      else await deferredIndexesPostgres(t.db).defer()
      assert.ok((await indexNames(t)).length < before.length)
      assert.ok((await deferredLeft(t)) > 0)
      const r = await importJsonl(t, Readable.from(lines(300, 3)))
      assert.equal(r.imported, 3)
      assert.deepEqual(await indexNames(t), before)
      assert.equal(await deferredLeft(t), 0)
      assert.equal(await countMatches(t, 'bản tin'), 302, 'found through the words index built again')
    })
  })
}
