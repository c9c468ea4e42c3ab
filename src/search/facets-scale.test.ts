import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { attentionOverTime, facetCounts } from './facets.js'
import { importJsonl } from './import-jsonl.js'
import { indexArticle, removeFromIndex } from './index-article.js'

/** 90 articles over three days (30 a day), "cà phê" in about two of three (no short period), three sources. */
const lines = () =>
  Array.from(
    { length: 90 },
    (_, i) =>
      `${JSON.stringify({
        id: i,
        title: `Tin ${i}`,
        text: (i * 37) % 100 >= 66 ? 'Thời tiết hôm nay.' : 'Giá cà phê hôm nay.',
        source: `Nguồn ${i % 3}`,
        published_at: new Date(Date.UTC(2024, 4, 1 + Math.floor(i / 30), 3)).toISOString(),
      })}\n`,
  )

const byDay = async (t: TestDb) =>
  Object.fromEntries((await attentionOverTime(t, 'hôm nay', 'day')).map((b) => [b.bucket, b.total]))

for (const dialect of testDialects()) {
  describe(`facets at scale on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
      assert.equal((await importJsonl(t, Readable.from(lines()))).imported, 90)
    })
    after(() => t.dispose())

    test('per-day totals follow inserts, deletions and date changes', async () => {
      assert.deepEqual(await byDay(t), { '2024-05-01': 30, '2024-05-02': 30, '2024-05-03': 30 })
      const first = await t.db.selectFrom('articles').select('id').orderBy('id').limit(2).execute()
      await removeFromIndex(t, first[0]!.id)
      await t.db
        .updateTable('articles')
        .set({ published_at: '2024-05-03T05:00:00.000Z' })
        .where('id', '=', first[1]!.id)
        .execute()
      await indexArticle(t, first[1]!.id) // re-indexing moves it to another day
      assert.deepEqual(await byDay(t), { '2024-05-01': 28, '2024-05-02': 30, '2024-05-03': 31 })
      await indexArticle(t, first[0]!.id)
      await sql`delete from articles where id = ${first[1]!.id}`.execute(t.db) // cascades to the index
      assert.deepEqual(await byDay(t), { '2024-05-01': 29, '2024-05-02': 30, '2024-05-03': 30 })
    })

    test('a sampled facet counts every k-th match, scaled, and says it is approximate', async () => {
      const exact = await facetCounts(t, 'cà phê', 'source')
      const matches = exact.reduce((n, f) => n + f.count, 0)
      assert.equal(matches, 58) // 59 imported, one deleted above
      assert.ok(exact.every((f) => f.approximate === undefined))
      const small = await facetCounts(t, 'cà phê', 'source', { sampleAbove: 1000, sampleRows: 10 })
      assert.deepEqual(small, exact, 'below the threshold: exact')
      const sampled = await facetCounts(t, 'cà phê', 'source', { sampleAbove: 10, sampleRows: 10 })
      const months = await attentionOverTime(t, 'cà phê', 'month', { sampleAbove: 10, sampleRows: 10 })
      if (dialect === 'postgres') {
        assert.deepEqual(sampled, exact, 'PostgreSQL always counts exactly')
        return
      }
      assert.ok(sampled.length > 0 && sampled.every((f) => f.approximate === true))
      const total = sampled.reduce((n, f) => n + f.count, 0)
      assert.ok(total % 6 === 0 && Math.abs(total - matches) <= 18, `≈ ${matches}, in steps of 6: ${total}`)
      assert.equal(months.length, 1)
      assert.equal(months[0]!.approximate, true)
      assert.equal(months[0]!.total, 89)
    })
  })
}
