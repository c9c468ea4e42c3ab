import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { runIngest, type IngestRunSummary } from '../../src/ingest/run-ingest.js'
import { sourceHealth } from '../../src/ingest/sources/source-health.js'
import { NOT_AN_ARTICLE } from '../../src/ingest/store/skipped-pages.js'
import { PROJECT_ROOT } from '../../src/shared/paths.js'
import { type LoopbackServer, startLoopbackServer } from '../fixtures/feeds/loopback-server.js'
import { articlePage, VI_PARAGRAPHS } from '../fixtures/hostile/pages.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { seedSources, testIngestContext } from './ingest-kit.js'

/** A news home page as a portal serves it: menus, teasers, no article (the golden non-article case). */
const HOME_LIKE = readFileSync(
  join(PROJECT_ROOT, 'test', 'fixtures', 'extract', 'non-article-trang-chu', 'source.html'),
  'utf8',
)

/** A tag page: a heading and a list of links to stories. */
function tagPage(base: string): string {
  const items = Array.from(
    { length: 25 },
    (_, i) =>
      `<li><a href="${base}/bai/${i}.html">Tin số ${i} về hợp tác đầu tư và thông tin đối ngoại</a></li>`,
  ).join('')
  return `<!doctype html><html lang="vi"><head><title>Thẻ: đầu tư</title></head><body><h1>Đầu tư</h1><ul>${items}</ul></body></html>`
}

const PAGES = ['/tag/dau-tu', '/chuyen-muc/thoi-su', '/bai/1.html', '/bai/2.html']

for (const dialect of testDialects()) {
  describe(`pages a sitemap lists that are not articles (${dialect})`, () => {
    let db: TestDb
    let site: LoopbackServer
    let ctx: ReturnType<typeof testIngestContext>
    let first: IngestRunSummary
    let second: IngestRunSummary
    let secondFetches: string[]

    before(async () => {
      db = await createTestDb(dialect)
      site = await startLoopbackServer((req, res) => {
        const base = site.url('').replace(/\/$/, '')
        const send = (type: string, body: string) =>
          res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(body)
        if (req.url === '/robots.txt') return send('text/plain', 'User-agent: *\nAllow: /\n')
        if (req.url === '/sitemap.xml')
          return send(
            'application/xml',
            `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${PAGES.map((p) => `<url><loc>${base}${p}</loc></url>`).join('')}</urlset>`,
          )
        if (req.url === '/tag/dau-tu') return send('text/html', tagPage(base))
        if (req.url === '/chuyen-muc/thoi-su') return send('text/html', HOME_LIKE)
        const n = /^\/bai\/(\d)\.html$/.exec(req.url ?? '')?.[1]
        if (n)
          return send(
            'text/html',
            articlePage({ title: `Bài số ${n} về công tác đối ngoại`, paragraphs: VI_PARAGRAPHS }),
          )
        res.writeHead(404).end()
      })
      await seedSources(db.db, [
        {
          name: 'Cổng tin mẫu',
          homepage: site.url('/'),
          feeds: [{ url: site.url('/sitemap.xml'), kind: 'sitemap' }],
        },
      ])
      ctx = testIngestContext(db.db, site.hostPort)
      first = await runIngest(ctx, { force: true })
      const mark = ctx.seen.length
      second = await runIngest(ctx, { force: true })
      secondFetches = ctx.seen.slice(mark).map((s) => new URL(s.url).pathname)
    })

    after(async () => {
      await ctx.fetcher.close()
      await site.close()
      await db.dispose()
    })

    it('stores the two articles and neither the tag nor the section page', async () => {
      const rows = await db.db.selectFrom('articles').select('url').execute()
      assert.deepEqual(rows.map((r) => new URL(r.url).pathname).sort(), ['/bai/1.html', '/bai/2.html'])
      assert.deepEqual(
        { stored: first.stored, skipped: first.skipped, failed: first.failed, feedErrors: first.feedErrors },
        { stored: 2, skipped: 2, failed: 0, feedErrors: 0 },
      )
    })

    it('records each passed-over page with its reason on the feed', async () => {
      const skips = await db.db.selectFrom('ingest_skipped_pages').selectAll().orderBy('url').execute()
      assert.deepEqual(
        skips.map((s) => new URL(s.url).pathname),
        ['/chuyen-muc/thoi-su', '/tag/dau-tu'],
      )
      const feed = await db.db.selectFrom('feeds').select('id').executeTakeFirstOrThrow()
      for (const s of skips) {
        assert.equal(s.reason_code, NOT_AN_ARTICLE)
        assert.match(s.reason, /no article text/)
        assert.equal(s.feed_id, feed.id)
        assert.ok(Date.parse(s.retry_after) > Date.now() + 29 * 86_400_000, 'looked at again in a month')
      }
      const health = await sourceHealth(db.db, new Date())
      const f = health[0]!.feeds[0]!
      assert.equal(f.skippedPages, 2)
      assert.match(f.lastSkipReason ?? '', /no article text/)
      assert.equal(f.lastError, null, 'the feed itself is healthy')
    })

    it('a second run fetches neither page again and stores nothing', () => {
      assert.deepEqual(
        { stored: second.stored, skipped: second.skipped, failed: second.failed },
        { stored: 0, skipped: 0, failed: 0 },
      )
      assert.ok(!secondFetches.some((p) => PAGES.includes(p)), secondFetches.join(' '))
    })
  })
}
