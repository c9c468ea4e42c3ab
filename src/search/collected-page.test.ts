import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { loadCorpus } from '../../test/search/search-fixture.js'
import { searchCorpus } from '../../test/search/corpus.js'
import { createTestDb, type TestDb } from '../../test/support/databases.js'
import { readCollected } from './collected-page.js'
import { prepareSearch } from './search-articles.js'

const QUERIES = [
  'date:..2019-06-30 bien',
  'date:2020.. dak',
  'date:2019-03 "biển đông"',
  'date:2019 ban -bán',
  'date:2019 lang:vi (bàn OR ghế)',
]

describe('filtered matches read both ways on sqlite', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb('sqlite')
    await loadCorpus(t, searchCorpus())
  })
  after(() => t.dispose())

  test('through the date index, tested against the words, the same list as through the words', async () => {
    for (const q of QUERIES) {
      const { compiled: c } = await prepareSearch(t, q)
      const byWords = await readCollected(t, c, false)
      assert.ok(byWords && byWords.length > 0, q)
      assert.deepEqual(await readCollected(t, c, true), byWords, q)
    }
  })
})
