import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { runIngest } from '../../src/ingest/run-ingest.js'
import { type LoopbackServer, startLoopbackServer } from '../fixtures/feeds/loopback-server.js'
import { articlePage, rssFeed, VI_PARAGRAPHS } from '../fixtures/hostile/pages.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { seedSources, testIngestContext } from './ingest-kit.js'

/** Outlets that publish the same release at the same moment, each in its own feed. */
const OUTLETS = 6

for (const dialect of testDialects()) {
  describe(`copies of one release fetched at the same time (${dialect})`, () => {
    let db: TestDb
    let site: LoopbackServer
    let ctx: ReturnType<typeof testIngestContext>

    before(async () => {
      db = await createTestDb(dialect)
      site = await startLoopbackServer((req, res) => {
        const m = /^\/o(\d+)\/(feed\.xml|release\.html)$/.exec(req.url ?? '')
        if (!m) return void res.writeHead(404).end()
        if (m[2] === 'feed.xml') {
          res.writeHead(200, { 'Content-Type': 'application/rss+xml' })
          return void res.end(rssFeed(`Báo ${m[1]}`, [site.url(`/o${m[1]}/release.html`)]))
        }
        const page = articlePage({
          title: `Thông cáo báo chí (bản đăng lại ${m[1]})`,
          paragraphs: VI_PARAGRAPHS,
        })
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
      })
      await seedSources(
        db.db,
        Array.from({ length: OUTLETS }, (_, i) => ({
          name: `Báo ${i}`,
          homepage: site.url(`/o${i}/`),
          feeds: [{ url: site.url(`/o${i}/feed.xml`), kind: 'feed' as const }],
        })),
      )
      ctx = testIngestContext(db.db, site.hostPort, { fetchPerHost: 8 })
      await runIngest(ctx, { force: true, concurrency: 8 })
    })

    after(async () => {
      await ctx.fetcher.close()
      await site.close()
      await db.dispose()
    })

    it('form one syndication group with one representative', async () => {
      const rows = await db.db.selectFrom('articles').select(['id', 'dup_of']).orderBy('id').execute()
      assert.equal(rows.length, OUTLETS)
      const reps = rows.filter((r) => r.dup_of === null)
      assert.equal(reps.length, 1, JSON.stringify(rows))
      assert.ok(rows.every((r) => r.dup_of === null || r.dup_of === reps[0]!.id))
    })
  })
}
