import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { isAppError } from '../../shared/errors.js'
import { PROJECT_ROOT } from '../../shared/paths.js'
import { prepareArticle } from '../prepare-article.js'
import { HEAVY_PAGE_TAGS, isHeavyFeed, isHeavyPage } from './heavy-input.js'
import { createWorkPool } from './work-pool.js'
import { WORK_TASKS } from './work-tasks.js'

const PAGE = readFileSync(
  join(PROJECT_ROOT, 'test', 'fixtures', 'extract', 'wire-release-dateline-byline', 'source.html'),
)
const URL_ = 'https://apwire.example/news/durian'
const input = { bytes: PAGE, charset: 'utf-8', finalUrl: URL_, entry: { url: URL_ }, sourceLang: 'en' }

/** The parseFeed task's input: a feed's bytes as fetched. */
function feedInput(text: string, charset: string | null = null) {
  return { bytes: new TextEncoder().encode(text), charset, url: 'https://x.example/' }
}

function bigFeed(items: number) {
  const item = (i: number) => `<item><title>Tin ${i}</title><link>https://x.example/${i}</link></item>`
  return feedInput(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${Array.from({ length: items }, (_, i) => item(i)).join('')}</channel></rss>`,
  )
}

describe('work pool', () => {
  const pool = createWorkPool(1)
  after(() => pool.close())

  it('prepares an article on a worker exactly as inline', async () => {
    assert.deepEqual(await pool.run('prepareArticle', input), prepareArticle(input))
  })

  it('decodes a feed on the worker by its declared charset, as inline', async () => {
    const ascii = (t: string) => [...t].map((c) => c.charCodeAt(0))
    // "Tiêu điểm" in windows-1258: ê 0xEA, đ 0xF0, the hook above 0xD2 (a combining mark)
    const title = [...ascii('Ti'), 0xea, ...ascii('u '), 0xf0, ...ascii('i'), 0xea, 0xd2, ...ascii('m')]
    const bytes = Uint8Array.from([
      ...ascii(
        '<?xml version="1.0" encoding="windows-1258"?><rss version="2.0"><channel><title>T</title><item><title>',
      ),
      ...title,
      ...ascii('</title><link>https://x.example/1</link></item></channel></rss>'),
    ])
    const input = { bytes, charset: null, url: 'https://x.example/' }
    const onWorker = await pool.run('parseFeed', input)
    assert.deepEqual(onWorker, WORK_TASKS.parseFeed(input))
    assert.equal(onWorker.items[0]?.title?.normalize('NFC'), 'Tiêu điểm')
  })

  it('brings AppErrors back with their code and details', async () => {
    const err = await pool.run('parseFeed', feedInput('<html><body>x</body></html>')).then(
      () => null,
      (e: unknown) => e,
    )
    assert.ok(isAppError(err), String(err))
    assert.equal(err.code, 'PARSE_FAILED')
    assert.equal(err.details.reason, 'not_a_feed')
  })

  it('stops a job past its deadline, and the next job gets a fresh worker', async () => {
    const err = await pool.run('parseFeed', bigFeed(50_000), { timeoutMs: 50 }).then(
      () => null,
      (e: unknown) => e,
    )
    assert.ok(isAppError(err), String(err))
    assert.equal(err.details.reason, 'timeout')
    const feed = await pool.run('parseFeed', bigFeed(3))
    assert.equal(feed.items.length, 3)
  })

  it('runs inline when it has no workers', async () => {
    const inline = createWorkPool(0)
    assert.equal((await inline.run('parseFeed', bigFeed(2))).items.length, 2)
  })
})

describe('heavy inputs', () => {
  it('sends tag-dense or big pages and big feeds to the pool, ordinary ones not', () => {
    assert.equal(isHeavyPage(PAGE), false)
    assert.equal(isHeavyPage(new TextEncoder().encode('<div>'.repeat(HEAVY_PAGE_TAGS + 1))), true)
    assert.equal(isHeavyPage(new Uint8Array(2_000_000)), true)
    assert.equal(isHeavyFeed(bigFeed(10).bytes), false)
    assert.equal(isHeavyFeed(bigFeed(20_000).bytes), true)
  })
})
