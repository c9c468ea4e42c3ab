import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { insertUser } from '../db/tables/users.js'
import { newSinceLastVisit } from './new-since-visit.js'
import { createWatchlist } from './store/watchlists.js'
import { seedArticle, seedSource, sqlSearch } from './testing/seed-corpus.js'

for (const dialect of testDialects()) {
  describe(`newSinceLastVisit on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
    })
    after(() => t.dispose())

    test('counts matches stored since the last visit, per user', async () => {
      const an = (
        await insertUser(t.db, { email: 'an@so.example.vn', name: 'An', role: 'analyst', passwordHash: 'x' })
      ).id
      const src = await seedSource(t.db, 'Báo A')
      const w = await createWatchlist(t.db, { name: 'Biển Đông', query: 'topic:sensitive.east_sea' })
      const day = (d: number) => new Date(Date.UTC(2026, 2, d, 3))
      const old = await seedArticle(t.db, {
        sourceId: src,
        title: 'Cũ',
        publishedAt: day(1),
        topics: ['sensitive.east_sea'],
      })
      const recent = await seedArticle(t.db, {
        sourceId: src,
        title: 'Mới',
        publishedAt: day(9),
        topics: ['sensitive.east_sea'],
      })
      await seedArticle(t.db, { sourceId: src, title: 'Khác', publishedAt: day(9), topics: ['promo.events'] })
      const search = sqlSearch(t.db)
      // first visit: the last week
      assert.deepEqual(
        await newSinceLastVisit(t.db, search, { userId: an, watchlist: w, now: day(10), markSeen: true }),
        [recent],
      )
      assert.ok(old < recent)
      assert.deepEqual(await newSinceLastVisit(t.db, search, { userId: an, watchlist: w, now: day(11) }), [])
      const later = await seedArticle(t.db, {
        sourceId: src,
        title: 'Sau',
        publishedAt: day(10),
        createdAt: new Date(day(10).getTime() + 60_000),
        topics: ['sensitive.east_sea'],
      })
      assert.deepEqual(await newSinceLastVisit(t.db, search, { userId: an, watchlist: w, now: day(11) }), [
        later,
      ])
    })
  })
}
