import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { listOutlets, loadCorpus, startFixtureSite } from '../../src/demo/fixture-site/index.js'
import type { FixtureSite } from '../../src/demo/fixture-site/index.js'
import { buildSiteModel } from '../../src/demo/fixture-site/site-model.js'
import { TEST_NOW } from '../../src/demo/fixture-site/site-test-kit.js'
import { canonicalizeUrl } from '../../src/ingest/dedupe/canonicalize-url.js'
import { type IngestRunSummary, runIngest } from '../../src/ingest/run-ingest.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { rawMismatches, seedSources, testIngestContext, UNSAFE_MARKUP } from './ingest-kit.js'

/**
 * The whole ingest path on the demo corpus: five outlets served on loopback (RSS, Atom, a sitemap index
 * with a Google News sitemap, a paginated listing), syndicated reprints and one hostile article.
 */
for (const dialect of testDialects()) {
  describe(`demo corpus end to end (${dialect})`, () => {
    let db: TestDb
    let site: FixtureSite
    let ctx: ReturnType<typeof testIngestContext>
    let first: IngestRunSummary
    let second: IngestRunSummary
    let secondPassFetches: typeof ctx.seen

    before(async () => {
      db = await createTestDb(dialect)
      // A fixed clock: the datelines a page prints are part of its extracted text, so the similarity
      // of two reprints (and the grouping tests below) must not change with the day the tests run.
      site = await startFixtureSite({ now: TEST_NOW })
      await seedSources(
        db.db,
        site.outlets.map((o) => ({ ...o, feeds: o.feeds.map(({ format: _f, ...f }) => f) })),
      )
      ctx = testIngestContext(db.db, site.baseUrl.replace('http://', ''))
      first = await runIngest(ctx, { force: true })
      const mark = ctx.seen.length
      second = await runIngest(ctx, { force: true })
      secondPassFetches = ctx.seen.slice(mark)
    })

    after(async () => {
      await ctx.fetcher.close()
      await site.close()
      await db.dispose()
    })

    it('stores every corpus article exactly once, and nothing else', async () => {
      const model = buildSiteModel(listOutlets(), loadCorpus(), site.now, site.baseUrl)
      const expected = new Set(model.flatMap((o) => o.articles.map((a) => canonicalizeUrl(a.url))))
      assert.equal(expected.size, loadCorpus().length)
      const rows = await db.db.selectFrom('articles').select(['canonical_url']).execute()
      const stored = rows.map((r) => r.canonical_url)
      assert.equal(stored.length, new Set(stored).size, 'no canonical URL twice')
      assert.deepEqual([...stored].sort(), [...expected].sort())
      assert.equal(first.stored, expected.size)
      assert.equal(first.feedErrors, 0)
      // the portal's pages sitemap lists four section pages the fixture site does not serve (404)
      assert.equal(first.failed, 4)
    })

    /** Syndication group → its stored members: representative id and source. */
    async function storedGroups() {
      const model = buildSiteModel(listOutlets(), loadCorpus(), site.now, site.baseUrl)
      const groupOf = new Map<string, string>()
      for (const o of model)
        for (const a of o.articles)
          if (a.syndicationGroup) groupOf.set(canonicalizeUrl(a.url), a.syndicationGroup)
      const rows = await db.db
        .selectFrom('articles')
        .select(['id', 'dup_of', 'canonical_url', 'source_id'])
        .execute()
      const byGroup = new Map<string, { rep: number; source: number }[]>()
      for (const r of rows) {
        const g = groupOf.get(r.canonical_url)
        if (!g) {
          assert.equal(r.dup_of, null, `${r.canonical_url} is not a reprint`)
          continue
        }
        const list = byGroup.get(g) ?? []
        list.push({ rep: r.dup_of ?? r.id, source: r.source_id })
        byGroup.set(g, list)
      }
      return { byGroup, rows }
    }

    function assertGrouped(
      g: string,
      members: { rep: number; source: number }[],
      reps: Map<number, number | null>,
    ) {
      assert.equal(new Set(members.map((m) => m.rep)).size, 1, `${g}: one representative`)
      assert.equal(reps.get(members[0]!.rep), null, `${g}: the representative is no copy itself`)
      const outlets = new Set(members.map((m) => m.source)).size
      assert.ok(outlets >= 2 && outlets <= 3, `${g}: ${outlets} outlets`)
    }

    it('groups the syndicated reprints with their release, and nothing else', async () => {
      const { byGroup, rows } = await storedGroups()
      assert.equal(byGroup.size, 6)
      const reps = new Map(rows.map((r) => [r.id, r.dup_of]))
      // every group, the English durian pair included: the wire page's date line and "By …" credit are
      // cut at extraction, so the pair compares on its text alone, whatever day the site prints
      for (const [g, members] of byGroup) assertGrouped(g, members, reps)
      assert.equal(first.duplicates, rows.filter((r) => r.dup_of !== null).length)
      assert.ok(first.duplicates >= 9, `${first.duplicates} copies grouped`)
    })

    it('stores no script, handler or script URL, and the hostile payload as text at most', async () => {
      const rows = await db.db.selectFrom('articles').select(['url', 'content_html', 'body_text']).execute()
      for (const r of rows) {
        assert.doesNotMatch(r.content_html ?? '', UNSAFE_MARKUP, r.url)
        assert.doesNotMatch(r.content_html ?? '', /onerror|<script/i, r.url)
      }
      const hostile = rows.find((r) => r.url.includes('reader-report-coffee-roasters'))
      assert.ok(hostile, 'the hostile article is stored')
      assert.match(hostile.body_text, /Owners say the tours help them sell directly/)
      assert.ok(hostile.content_html.includes('Owners say the tours'))
      // if the payload survives at all, it is escaped text, never markup
      if (hostile.content_html.includes('alert(')) assert.match(hostile.content_html, /&lt;script/)
    })

    it('a second pass stores nothing: every feed answers 304', () => {
      assert.deepEqual(
        {
          stored: second.stored,
          existing: second.existing,
          failed: second.failed,
          errors: second.feedErrors,
        },
        { stored: 0, existing: 0, failed: 0, errors: 0 },
      )
      const feedUrls = new Set(site.outlets.flatMap((o) => o.feeds.map((f) => f.url)))
      const feedFetches = secondPassFetches.filter((f) => feedUrls.has(f.url))
      assert.equal(feedFetches.length, feedUrls.size)
      assert.ok(
        feedFetches.every((f) => f.notModified && f.status === 304),
        JSON.stringify(feedFetches),
      )
      assert.equal(secondPassFetches.filter((f) => !f.notModified).length, 0, 'no page fetched again')
    })

    it('marks every source verified and records the feeds as healthy', async () => {
      const sources = await db.db.selectFrom('sources').select(['name', 'verified']).execute()
      assert.equal(sources.length, 5)
      assert.ok(sources.every((s) => s.verified === 1))
      const feeds = await db.db.selectFrom('feeds').selectAll().execute()
      for (const f of feeds) {
        assert.equal(f.last_error, null)
        assert.equal(f.failures, 0)
        assert.ok(f.etag, `${f.url} keeps its ETag`)
        assert.ok(Date.parse(f.next_check_at) > Date.now(), `${f.url} is scheduled ahead`)
      }
    })

    it('keeps the raw page of every article as gzip whose SHA-256 matches', async () => {
      assert.deepEqual(await rawMismatches(db.db), [])
      const raw = await db.db
        .selectFrom('article_raw')
        .select(['final_url', 'sha256', 'http_status'])
        .execute()
      assert.equal(raw.length, first.stored)
      assert.ok(raw.every((r) => r.http_status === 200))
      // the evidence is what the site served: re-fetch a few pages and compare digests
      for (const r of raw.slice(0, 10)) {
        const body = new Uint8Array(await (await fetch(r.final_url)).arrayBuffer())
        const { createHash } = await import('node:crypto')
        assert.equal(createHash('sha256').update(body).digest('hex'), r.sha256)
      }
    })
  })
}
