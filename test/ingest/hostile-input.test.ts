import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseHTML } from 'linkedom'
import type { FeedRow } from '../../src/db/tables/feeds.js'
import { extractArticle } from '../../src/ingest/extract/extract-article.js'
import { parseFeed } from '../../src/ingest/parse/parse-feed.js'
import { prepareArticle } from '../../src/ingest/prepare-article.js'
import { type IngestRunSummary, runIngest } from '../../src/ingest/run-ingest.js'
import { type HostileSite, HUGE_BODY_BYTES, startHostileSite } from '../fixtures/hostile/hostile-site.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import {
  rawMismatches,
  type SourceSpec,
  seedSources,
  testIngestContext,
  UNSAFE_MARKUP,
} from './ingest-kit.js'

/** Deadline of one fetch in these tests (the smallest the config allows is 1 s). */
const FETCH_TIMEOUT_MS = 1500
/** The whole hostile pass, retries of the slow feeds included, must end well within this. */
const PASS_BUDGET_MS = 60_000
/**
 * The longest event-loop stall of a pass with a 100k-item feed or a 10,000-deep page, as a share of the
 * time parsing that input takes on the loop in the same process just after (the yardstick moves with
 * the machine's load like the stall does). They parse on a worker thread, so the stall is a small
 * share; before, it was the whole parse (1.7–4 s).
 */
const MAX_STALL_SHARE = 0.5

/** Milliseconds `fn` holds the event loop. */
function timeInline(fn: () => unknown): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

/**
 * The first article a process prepares runs cold code and builds its lookup tables: 80 ms on an idle
 * machine, over 200 ms under CI's load, all on the loop. The watched passes below also store the good
 * feed's pages, so that one-time cost is paid here first: their stall is then the big input's alone.
 */
async function warmArticlePipeline(site: HostileSite) {
  const url = site.url('/good/a1.html')
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
  prepareArticle({ bytes, charset: 'utf-8', finalUrl: url, entry: { url }, sourceLang: 'vi' })
}

/** Runs `fn` while sampling the event loop: its result, the longest stall and the ticks of a 10 ms timer. */
async function whileWatchingLoop<T>(fn: () => Promise<T>) {
  const h = monitorEventLoopDelay({ resolution: 10 })
  let ticks = 0
  const timer = setInterval(() => ticks++, 10)
  h.enable()
  try {
    const started = Date.now()
    const value = await fn()
    return { value, elapsedMs: Date.now() - started, maxStallMs: h.max / 1e6, ticks }
  } finally {
    h.disable()
    clearInterval(timer)
  }
}

/** One source per broken feed, plus a good one that must be ingested in the same pass. */
const FEEDS = [
  'good',
  'malformed',
  'truncated',
  'garbage',
  'html-as-feed',
  'huge-body',
  'bad-gzip',
  'loop',
  'slow',
  'slow-headers',
  'charset',
  'xss',
  'redirect-to-localhost',
] as const

for (const dialect of testDialects()) {
  describe(`bad input in one ingest pass (${dialect})`, () => {
    let db: TestDb
    let site: HostileSite
    let ctx: ReturnType<typeof testIngestContext>
    let summary: IngestRunSummary
    let elapsedMs: number
    const feedOf = new Map<string, FeedRow>()

    before(async () => {
      db = await createTestDb(dialect)
      site = await startHostileSite()
      const specs: SourceSpec[] = FEEDS.map((name) => feedSource(site, name))
      // the SSRF guard allows 127.0.0.1:<port> only; `localhost` resolves to the same server but is not allowed
      specs.push({
        name: 'dns-to-loopback',
        homepage: `http://localhost:${site.port}/`,
        feeds: [{ url: `http://localhost:${site.port}/good/feed.xml`, kind: 'feed' }],
      })
      await seedSources(db.db, specs)
      ctx = testIngestContext(db.db, site.hostPort, { fetchTimeoutMs: FETCH_TIMEOUT_MS, fetchPerHost: 8 })
      const started = Date.now()
      summary = await runIngest(ctx, { force: true })
      elapsedMs = Date.now() - started
      for (const f of await db.db.selectFrom('feeds').selectAll().execute()) {
        const u = new URL(f.url)
        const key = u.hostname === 'localhost' ? 'dns-to-loopback' : u.pathname.split('/')[1]!
        feedOf.set(key, f)
      }
    })

    after(async () => {
      await ctx.fetcher.close()
      await site.close()
      await db.dispose()
    })

    const titles = async () =>
      (await db.db.selectFrom('articles').select('title').execute()).map((r) => r.title)
    const feed = (name: string) => {
      const f = feedOf.get(name)
      assert.ok(f, name)
      return f
    }
    /** A failed feed: the error is stored, graded, and the feed is checked again later, not now. */
    function assertFailed(name: string, code: string, grade: string, message: RegExp) {
      const f = feed(name)
      assert.equal(f.last_error_code, code, `${name}: ${f.last_error}`)
      assert.equal(f.last_error_grade, grade)
      assert.match(f.last_error ?? '', message)
      assert.equal(f.failures, { hard: 1, soft: 0.5, temporary: 0.25 }[grade])
      assert.ok(Date.parse(f.next_check_at) > Date.now() + 60_000, `${name}: next check in the future`)
      assert.equal(f.last_success_at, null)
    }

    it('ends in bounded time and the good feed in the same pass is ingested', async () => {
      assert.ok(elapsedMs < PASS_BUDGET_MS, `pass took ${elapsedMs} ms`)
      assert.equal(feed('good').last_error, null)
      const t = await titles()
      assert.ok(t.includes('Tổng kết công tác thông tin đối ngoại'))
      assert.ok(t.includes('Khen thưởng tập thể, cá nhân xuất sắc'))
      assert.equal(summary.feeds, FEEDS.length + 1)
    })

    it('malformed XML: the readable items are kept', async () => {
      assert.equal(feed('malformed').last_error, null)
      assert.ok((await titles()).includes('Bài từ feed lỗi XML'))
    })

    it('truncated XML: the complete items are kept', async () => {
      assert.equal(feed('truncated').last_error, null)
      const t = await titles()
      assert.ok(t.includes('Bài từ feed bị cắt'))
      assert.ok(!t.includes('Bài bị cắt mất liên kết'), 'the cut item has no usable link')
    })

    it('unreadable XML: a soft parse error on the feed', () => {
      assertFailed('garbage', 'PARSE_FAILED', 'soft', /./)
    })

    it('HTML served as a feed: a hard "not a feed" error', () => {
      assertFailed('html-as-feed', 'PARSE_FAILED', 'hard', /not a feed/)
    })

    it('a 60 MB body is cut off at the size limit', () => {
      assertFailed('huge-body', 'FETCH_TOO_LARGE', 'hard', /larger than/)
      assert.ok(site.hugeBodyWritten() < HUGE_BODY_BYTES, 'the server was hung up on before the end')
    })

    it('truncated gzip: a soft decode error', () => {
      assertFailed('bad-gzip', 'FETCH_FAILED', 'soft', /truncated compressed body|corrupt/)
    })

    it('a redirect loop: a hard error naming the loop', () => {
      assertFailed('loop', 'FETCH_FAILED', 'hard', /redirect loop/)
    })

    it('a slow-drip server and a server that never answers: temporary timeouts, no hang', () => {
      assertFailed('slow', 'FETCH_TIMEOUT', 'temporary', /longer than|timeout/)
      assertFailed('slow-headers', 'FETCH_TIMEOUT', 'temporary', /longer than|timeout/)
    })

    it('a name resolving to 127.0.0.1 is blocked although the server is on loopback', () => {
      assertFailed('dns-to-loopback', 'FETCH_BLOCKED', 'hard', /blocked address (?:127\.0\.0\.1|::1)/)
      assertFailed('redirect-to-localhost', 'FETCH_BLOCKED', 'hard', /blocked address (?:127\.0\.0\.1|::1)/)
      assert.deepEqual(
        [...site.hits.keys()].filter((k) => k.startsWith('localhost:')),
        [],
        'no request ever reached the server through the name',
      )
    })

    it('wrong declared charsets: the Vietnamese text is stored intact', async () => {
      const rows = await db.db
        .selectFrom('articles')
        .select(['url', 'title', 'body_text'])
        .where('url', 'like', '%/charset/%')
        .execute()
      const byName = new Map(rows.map((r) => [r.url.split('/').pop()!, r]))
      for (const [name, title] of [
        ['utf8-as-1252.html', 'Bảng mã UTF-8 khai là 1252'],
        ['1258-meta.html', 'Bảng mã 1258 có thẻ meta'],
      ] as const) {
        const r = byName.get(name)
        assert.ok(r, `${name} stored`)
        assert.equal(r.title, title, name)
        assert.match(r.body_text, /Ủy ban nhân dân tỉnh Đắk Lắk/, name)
        assert.doesNotMatch(r.body_text, /\uFFFD|Ã|Ä/, `${name}: no mojibake`)
      }
    })

    it('windows-1258 bytes declared UTF-8 (header and meta) are read as windows-1258', async () => {
      const r = await db.db
        .selectFrom('articles')
        .select(['title', 'body_text'])
        .where('url', 'like', '%/charset/1258-as-utf8.html')
        .executeTakeFirst()
      assert.ok(r, 'stored')
      assert.equal(r.title, 'Bảng mã 1258 khai là UTF-8')
      assert.match(r.body_text, /Ủy ban nhân dân tỉnh Đắk Lắk/)
      assert.doesNotMatch(r.body_text, /\uFFFD/)
    })

    it('script, style, handlers, script URLs and mXSS shapes never reach content_html', async () => {
      const rows = await db.db.selectFrom('articles').select(['url', 'title', 'content_html']).execute()
      const xss = rows.filter((r) => r.url.includes('/xss/'))
      assert.ok(
        xss.some((r) => r.url.endsWith('/xss/a1.html')),
        'the hostile page is stored',
      )
      for (const r of rows) assertSafeHtml(r.content_html, r.url)
      const page = xss.find((r) => r.url.endsWith('/xss/a1.html'))!
      assert.match(page.content_html, /Văn bản an toàn kết thúc bài/, 'the harmless text around it stays')
      // the <title> held `<script>` as text (RCDATA): it is stored as the plain text it is, never as markup
      assert.equal(page.title, 'Bài chứa mã độc <script>alert(1)</script>')
    })

    it('stores every article once with its raw page, and nothing from a failed fetch', async () => {
      assert.deepEqual(await rawMismatches(db.db), [])
      const urls = (await db.db.selectFrom('articles').select('canonical_url').execute()).map(
        (r) => r.canonical_url,
      )
      assert.equal(urls.length, new Set(urls).size)
      assert.ok(!urls.some((u) => u.includes('/huge/i/')), 'no 410 page stored')
      assert.equal(summary.stored, urls.length)
    })
  })
}

for (const dialect of testDialects()) {
  describe(`a feed with 100,000 items (${dialect})`, () => {
    let db: TestDb
    let site: HostileSite
    let ctx: ReturnType<typeof testIngestContext>
    let summary: IngestRunSummary
    let elapsedMs: number
    let maxStallMs: number
    let ticks: number
    let inlineMs: number

    before(async () => {
      db = await createTestDb(dialect)
      site = await startHostileSite()
      await seedSources(db.db, [feedSource(site, 'huge'), feedSource(site, 'good')])
      ctx = testIngestContext(db.db, site.hostPort, { fetchPerHost: 8 })
      await warmArticlePipeline(site)
      const run = await whileWatchingLoop(() => runIngest(ctx, { force: true }))
      ;({ value: summary, elapsedMs, maxStallMs, ticks } = run)
      const text = await (await fetch(site.url('/huge/feed.xml'))).text()
      inlineMs = timeInline(() => parseFeed(text, { url: site.url('/huge/feed.xml') }))
    })

    after(async () => {
      await ctx.fetcher.close()
      await site.close()
      await db.dispose()
    })

    const feed = async (name: string) =>
      db.db
        .selectFrom('feeds')
        .selectAll()
        .where('url', '=', site.url(`/${name}/feed.xml`))
        .executeTakeFirstOrThrow()

    it('is bounded to the parser limit, fetched no more than that, in bounded time', async () => {
      assert.ok(elapsedMs < PASS_BUDGET_MS, `pass took ${elapsedMs} ms`)
      const huge = await feed('huge')
      assert.equal(huge.last_error, null)
      const fetched = [...site.hits.keys()].filter((k) => k.startsWith('/huge/i/')).length
      assert.ok(fetched > 0 && fetched <= 5000, `${fetched} item pages fetched`)
      assert.equal(huge.items_seen, 5000)
      assert.equal(summary.failed, fetched, 'each gone page is a failed article, not a failed pass')
    })

    it('the other feed of the pass is ingested', async () => {
      assert.equal((await feed('good')).last_error, null)
      assert.equal(summary.stored, 2)
    })

    it('the event loop keeps turning while the feed is parsed (on a worker thread)', () => {
      assert.ok(
        maxStallMs < inlineMs * MAX_STALL_SHARE,
        `event loop stalled ${maxStallMs.toFixed(0)} ms; parsing the feed on it takes ${inlineMs.toFixed(0)} ms`,
      )
      assert.ok(ticks >= elapsedMs / 10 / 4, `a 10 ms timer fired ${ticks} times in ${elapsedMs} ms`)
    })
  })

  // Extracting this page takes seconds: it runs on a worker thread while the pass (and a server in the
  // same process) goes on; the good feed of the same pass is stored meanwhile.
  describe(`a page of 10,000 nested elements (${dialect})`, () => {
    let db: TestDb
    let site: HostileSite
    let ctx: ReturnType<typeof testIngestContext>
    let summary: IngestRunSummary
    let elapsedMs: number
    let maxStallMs: number
    let ticks: number
    let inlineMs: number

    before(async () => {
      db = await createTestDb(dialect)
      site = await startHostileSite()
      await seedSources(db.db, [feedSource(site, 'deep'), feedSource(site, 'good')])
      ctx = testIngestContext(db.db, site.hostPort)
      await warmArticlePipeline(site)
      const run = await whileWatchingLoop(() => runIngest(ctx, { force: true }))
      ;({ value: summary, elapsedMs, maxStallMs, ticks } = run)
      const html = await (await fetch(site.url('/deep/a1.html'))).text()
      inlineMs = timeInline(() => extractArticle(html, { url: site.url('/deep/a1.html') }))
    })

    after(async () => {
      await ctx.fetcher.close()
      await site.close()
      await db.dispose()
    })

    it('is stored with its text, in bounded time', async () => {
      assert.ok(elapsedMs < PASS_BUDGET_MS, `pass took ${elapsedMs} ms`)
      assert.equal(summary.stored, 3, 'the deep page and the two pages of the good feed')
      const r = await db.db
        .selectFrom('articles')
        .select(['title', 'body_text', 'content_html'])
        .where('url', 'like', '%/deep/a1.html')
        .executeTakeFirst()
      assert.ok(r, 'stored')
      assert.match(r.body_text, /Phát biểu tại hội nghị/)
    })

    it('the event loop keeps turning while the page is extracted (on a worker thread)', () => {
      assert.ok(
        maxStallMs < inlineMs * MAX_STALL_SHARE,
        `event loop stalled ${maxStallMs.toFixed(0)} ms; extracting the page on it takes ${inlineMs.toFixed(0)} ms`,
      )
      assert.ok(ticks >= elapsedMs / 10 / 4, `a 10 ms timer fired ${ticks} times in ${elapsedMs} ms`)
    })
  })
}

/** A source whose one feed is `/<name>/feed.xml` on the hostile site. */
function feedSource(site: HostileSite, name: string): SourceSpec {
  return {
    name,
    homepage: site.url(`/${name}/`),
    feeds: [{ url: site.url(`/${name}/feed.xml`), kind: 'feed' }],
  }
}

/** Structural check of stored HTML: parse it as a browser would and look at every element and attribute. */
function assertSafeHtml(html: string, label: string) {
  assert.doesNotMatch(html, UNSAFE_MARKUP, label)
  // what a browser builds from it must hold no active content either, and parsing twice must agree
  const once = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document
  const again = parseHTML(`<!DOCTYPE html><html><body>${once.body.innerHTML}</body></html>`).document
  for (const doc of [once, again]) {
    for (const el of doc.body.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase()
      assert.ok(
        !/^(script|style|iframe|object|embed|svg|math|form|base|meta|link|template|noscript)$/.test(tag),
        `${label}: <${tag}>`,
      )
      for (const a of el.attributes) {
        assert.ok(!a.name.toLowerCase().startsWith('on'), `${label}: ${a.name} on <${tag}>`)
        assert.notEqual(a.name.toLowerCase(), 'style', `${label}: style attribute`)
        if (/^(href|src|srcset|action|xlink:href)$/i.test(a.name)) {
          // a browser strips tabs, newlines and NULs inside a URL scheme
          const v = [...a.value]
            .filter((c) => c.charCodeAt(0) > 0x20)
            .join('')
            .toLowerCase()
          assert.ok(!/(^|,)(javascript|vbscript|data):/.test(v), `${label}: ${a.name}=${a.value}`)
        }
      }
    }
  }
  assert.equal(once.body.innerHTML, again.body.innerHTML, `${label}: stable under re-parsing`)
}
