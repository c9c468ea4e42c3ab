import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../../test/support/databases.js'
import { seedArticle } from '../../../test/support/seed.js'
import { dashboardData } from './dashboard-data.js'
import { createDayRollup } from './day-rollup.js'
import { resolvePeriod } from './period.js'

const NOW = new Date('2026-11-20T05:00:00Z') // 12:00 in Hà Nội
const at = (daysAgo: number) => new Date(Date.UTC(2026, 10, 20 - daysAgo, 3)).toISOString()

for (const dialect of testDialects()) {
  describe(`dashboard day counts on ${dialect}`, () => {
    let t: TestDb
    const period = resolvePeriod({ period: '7d' }, NOW)
    const analyse = (id: number, tone: number, when: string) =>
      t.db
        .updateTable('articles')
        .set({ tone, home_level: 'country', analyzed_at: when })
        .where('id', '=', id)
        .execute()
    before(async () => {
      t = await createTestDb(dialect)
      for (const [i, daysAgo] of [0, 1, 3].entries())
        await analyse(
          await seedArticle(t.db, { title: `Bài ${i}`, body: 'Nội dung.', publishedAt: at(daysAgo) }),
          -3,
          at(0),
        )
    })
    after(() => t.dispose())

    test('a new article and a new analysis are counted at the next request, the other days are kept', async () => {
      const rollup = createDayRollup(t.db, t.dialect)
      const fresh = () => dashboardData(t.db, t.dialect, period, 'country')
      const first = await dashboardData(t.db, t.dialect, period, 'country', rollup)
      assert.equal(first.total, 3)
      assert.deepEqual(first, await fresh())

      const id = await seedArticle(t.db, { title: 'Bài mới', body: 'Nội dung.', publishedAt: at(1) })
      const added = await dashboardData(t.db, t.dialect, period, 'country', rollup)
      assert.equal(added.total, 4)
      assert.deepEqual(added, await fresh())

      await analyse(id, 4, '2099-01-01T00:00:00.000Z')
      const analysed = await dashboardData(t.db, t.dialect, period, 'country', rollup)
      assert.deepEqual(analysed, await fresh())
      assert.equal(analysed.byDayTone.find((r) => r.band === 'pos')?.n, 1)
    })

    test('what the version does not see (a deleted article) is counted again once the TTL passed', async () => {
      const rollup = createDayRollup(t.db, t.dialect, 1000)
      const now = Date.now()
      const total = (ms: number) =>
        rollup
          .counts(period.days, now + ms)
          .then((c) => c.flatMap((d) => d.base).reduce((s, r) => s + r.n, 0))
      const before = await total(0)
      const oldest = await t.db
        .selectFrom('articles')
        .select('id')
        .where('published_at', '=', at(3))
        .executeTakeFirstOrThrow()
      await t.db.deleteFrom('articles').where('id', '=', oldest.id).execute()
      assert.equal(await total(500), before, 'within the TTL: kept')
      assert.equal(await total(1500), before, 'aged: served once more as counted, and counted again after')
      await rollup.settled()
      assert.equal(await total(1600), before - 1, 'counted again')
    })
  })
}
