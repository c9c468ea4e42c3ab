import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, test } from 'node:test'
import { createTestDb, type TestDb } from '../../../test/support/databases.js'
import { importJsonl } from '../import-jsonl.js'
import { newestIds } from '../result-page.js'
import { prepareSearch } from '../search-articles.js'
import { timedRows } from '../timed-query.js'
import { scoringExpression } from './scoring-expression.js'

/** `ngày` in 80 of 100 articles, `mưa` in 25, `bão` in 10 (some twice, so scores differ). */
function* lines() {
  for (let i = 0; i < 100; i++) {
    const words = [
      i % 5 !== 0 ? 'ngày' : 'đêm',
      i % 4 === 0 ? 'mưa' : 'nắng',
      i % 10 === 0 ? 'bão bão' : 'gió',
    ]
    if (i % 8 === 0) words.push('mưa to')
    yield `${JSON.stringify({ id: i, title: `Tin ${i}`, text: `Hôm nay ${words.join(' ')}.` })}\n`
  }
}

let t: TestDb
before(async () => {
  t = await createTestDb('sqlite')
  await importJsonl(t, Readable.from(lines()))
})
after(() => t.dispose())

const scoring = async (q: string) => {
  const { compiled } = await prepareSearch(t, q)
  return scoringExpression(t, compiled.text!.tree, compiled.text!.terms)
}

test('bm25 scores with the rarer words: common AND-ed words and NOT parts are left out, ORs kept whole', async () => {
  assert.equal(await scoring('ngày mưa'), '{text_exact} : "mưa"')
  assert.equal(await scoring('ngày mưa -bão'), '{text_exact} : "mưa"')
  assert.equal(await scoring('ngày (mưa OR bão)'), '({text_exact} : "mưa") OR ({text_exact} : "bão")')
  // inside an OR a common word decides which branch matches: kept
  assert.match(await scoring('ngày mưa OR bão'), /ngày/)
  // nothing rarer to keep: the common word stays
  assert.equal(await scoring('ngày'), '{text_exact} : "ngày"')
  assert.match(await scoring('ngày "hôm nay"'), /hom nay/)
})

test('the window scores the same with and without the common words (FTS5 gives them an IDF of 1e-6)', async () => {
  for (const q of ['ngày mưa', 'ngày mưa -bão', 'ngày mưa OR bão', 'ngày (mưa OR bão)']) {
    const { compiled } = await prepareSearch(t, q)
    const ids = await newestIds(t, compiled, 100)
    const byId = async (match?: string) =>
      new Map(
        (await timedRows(t, compiled.scoreIds(ids, match))).map((r) => [
          Number(r.article_id),
          Number(r.score),
        ]),
      )
    const full = await byId()
    const pruned = await byId(await scoringExpression(t, compiled.text!.tree, compiled.text!.terms))
    assert.equal(pruned.size, full.size, q)
    for (const [id, score] of full) assert.ok(Math.abs(score - pruned.get(id)!) < 1e-4, `${q} ${id}`)
  }
})
