import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ingestArticle } from '../../src/ingest/ingest-article.js'
import { type HostileSite, startHostileSite } from '../fixtures/hostile/hostile-site.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { testIngestContext } from './ingest-kit.js'

for (const dialect of testDialects()) {
  describe(`an article whose store fails (${dialect})`, () => {
    let db: TestDb
    let site: HostileSite
    let ctx: ReturnType<typeof testIngestContext>

    before(async () => {
      // no migrations: every query of the store step fails, as with a lost or broken database
      db = await createTestDb(dialect, { migrate: false })
      site = await startHostileSite()
      ctx = testIngestContext(db.db, site.hostPort)
    })

    after(async () => {
      await ctx.fetcher.close()
      await site.close()
      await db.dispose()
    })

    it('is returned as a failure, never thrown', async () => {
      const url = site.url('/good/a1.html')
      const out = await ingestArticle(ctx, {
        url,
        canonicalUrl: url,
        sourceId: 1,
        feedId: null,
        sourceLang: 'vi',
      })
      assert.equal(out.status, 'failed')
      assert.ok(out.status === 'failed' && out.message.length > 0)
      assert.deepEqual(
        ctx.seen.map((f) => f.status),
        [200],
        'the page itself was fetched',
      )
    })
  })
}
