import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { forgetIndexMemos } from './backends/index-memo.js'
import { importJsonl } from './import-jsonl.js'
import { EXACT_TOTAL_UP_TO, estimateMatches, idWindows } from './match-total.js'
import { prepareSearch, searchArticles } from './search-articles.js'

/** More articles than the exact limit: `nắng` in all, `mưa` in two of three, English every second. */
const N = EXACT_TOTAL_UP_TO + 2000
function* lines() {
  for (let i = 0; i < N; i++) {
    const text = `Bản tin số ${i}: trời nắng${i % 3 === 0 ? '' : ', chiều có mưa'}.`
    yield `${JSON.stringify({ id: i, title: `Thời tiết ${i}`, text, lang: i % 2 === 0 ? 'en' : 'vi' })}\n`
  }
}

const near = (actual: number, expected: number, share: number) =>
  assert.ok(
    Math.abs(actual - expected) <= expected * share,
    `${actual} is not within ${share * 100} % of ${expected}`,
  )

test('id windows: evenly spread, inside the archive, apart, about a tenth of it', () => {
  const w = idWindows(100_000)
  assert.equal(w.length, 16)
  let covered = 0
  for (let i = 0; i < w.length; i++) {
    const [lo, hi] = w[i]!
    assert.ok(lo >= 1 && hi <= 100_000 && lo <= hi)
    if (i > 0) assert.ok(lo > w[i - 1]![1])
    covered += hi - lo + 1
  }
  near(covered, 10_000, 0.01)
  assert.deepEqual(
    idWindows(3)
      .flat()
      .every((x) => x >= 1),
    true,
  )
})

for (const dialect of testDialects()) {
  describe(`result page totals on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
      await importJsonl(t, Readable.from(lines()))
    })
    after(() => t.dispose())

    test('up to the limit a total is exact; asked for, always', async () => {
      const some = await searchArticles(t, 'mưa', { limit: 5 })
      assert.equal(some.total, Math.floor((2 * N) / 3))
      assert.equal(some.totalExact, true)
      const filtered = await searchArticles(t, 'nắng lang:en', { limit: 5 })
      assert.deepEqual([filtered.total, filtered.totalExact], [N / 2, true])
      const all = await searchArticles(t, 'nắng', { limit: 5, exactTotal: true })
      assert.deepEqual([all.total, all.totalExact], [N, true])
    })

    test('above the limit the total is estimated', async () => {
      forgetIndexMemos()
      const page = await searchArticles(t, 'nắng', { limit: 5, sort: 'date' })
      assert.equal(page.hits.length, 5)
      assert.equal(page.totalExact, false)
      assert.ok(page.total > EXACT_TOTAL_UP_TO)
      near(page.total, N, 0.05)
      const filtered = await searchArticles(t, 'nắng title:"thời tiết"', { limit: 5 })
      assert.equal(filtered.totalExact, false)
      near(filtered.total, N, 0.05)
      if (dialect !== 'sqlite') return
      // SQLite: once counted exactly, the words' count is remembered while the index is unchanged
      await searchArticles(t, 'nắng', { limit: 5, exactTotal: true })
      const again = await searchArticles(t, 'nắng', { limit: 5 })
      assert.deepEqual([again.total, again.totalExact], [N, true])
    })

    test('words, words with a filter and filters alone are estimated from a part of the archive', async () => {
      for (const [q, expected] of [
        ['mưa', (2 * N) / 3],
        ['nắng lang:en', N / 2],
        ['lang:en', N / 2],
      ] as const) {
        const { compiled } = await prepareSearch(t, q)
        assert.ok(compiled.tally, q)
        const small = await estimateMatches(t, compiled.tally, 1000)
        assert.equal(small.exact, false, q)
        // PostgreSQL samples one article in 32 by hash: 375 of these 12,000, a standard error of
        // about 6 % here (0.6 % for a word in half of a million articles)
        near(small.n, expected, dialect === 'postgres' ? 0.2 : 0.1)
        const exact = await estimateMatches(t, compiled.tally, N)
        assert.deepEqual([exact.n, exact.exact], [Math.floor(expected), true], q)
      }
    })
  })
}
