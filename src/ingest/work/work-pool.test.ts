import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { isAppError } from '../../shared/errors.js'
import { PROJECT_ROOT } from '../../shared/paths.js'
import { prepareArticle } from '../prepare-article.js'
import { HEAVY_PAGE_TAGS, isHeavyFeed, isHeavyPage } from './heavy-input.js'
import { createWorkPool } from './work-pool.js'

const PAGE = readFileSync(
  join(PROJECT_ROOT, 'test', 'fixtures', 'extract', 'wire-release-dateline-byline', 'source.html'),
)
const URL_ = 'https://apwire.example/news/durian'
const input = { bytes: PAGE, charset: 'utf-8', finalUrl: URL_, entry: { url: URL_ }, sourceLang: 'en' }

function bigFeed(items: number): string {
  const item = (i: number) => `<item><title>Tin ${i}</title><link>https://x.example/${i}</link></item>`
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${Array.from({ length: items }, (_, i) => item(i)).join('')}</channel></rss>`
}

describe('work pool', () => {
  const pool = createWorkPool(1)
  after(() => pool.close())

  it('prepares an article on a worker exactly as inline', async () => {
    assert.deepEqual(await pool.run('prepareArticle', input), prepareArticle(input))
  })

  it('brings AppErrors back with their code and details', async () => {
    const err = await pool
      .run('parseFeed', { text: '<html><body>x</body></html>', url: 'https://x.example/' })
      .then(
        () => null,
        (e: unknown) => e,
      )
    assert.ok(isAppError(err), String(err))
    assert.equal(err.code, 'PARSE_FAILED')
    assert.equal(err.details.reason, 'not_a_feed')
  })

  it('stops a job past its deadline, and the next job gets a fresh worker', async () => {
    const err = await pool
      .run('parseFeed', { text: bigFeed(50_000), url: 'https://x.example/' }, { timeoutMs: 50 })
      .then(
        () => null,
        (e: unknown) => e,
      )
    assert.ok(isAppError(err), String(err))
    assert.equal(err.details.reason, 'timeout')
    const feed = await pool.run('parseFeed', { text: bigFeed(3), url: 'https://x.example/' })
    assert.equal(feed.items.length, 3)
  })

  it('runs inline when it has no workers', async () => {
    const inline = createWorkPool(0)
    assert.equal(
      (await inline.run('parseFeed', { text: bigFeed(2), url: 'https://x.example/' })).items.length,
      2,
    )
  })
})

describe('heavy inputs', () => {
  it('sends tag-dense or big pages and big feeds to the pool, ordinary ones not', () => {
    assert.equal(isHeavyPage(PAGE), false)
    assert.equal(isHeavyPage(new TextEncoder().encode('<div>'.repeat(HEAVY_PAGE_TAGS + 1))), true)
    assert.equal(isHeavyPage(new Uint8Array(2_000_000)), true)
    assert.equal(isHeavyFeed(bigFeed(10)), false)
    assert.equal(isHeavyFeed(bigFeed(20_000)), true)
  })
})
