import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { facetCounts, metadataFacets } from '../../src/search/facets.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { searchCorpus } from './corpus.js'
import { loadCorpus } from './search-fixture.js'

const QUERIES = [
  'dak lak',
  'coffee',
  'biển đông',
  '"đắk lắk"',
  'date:2019-03',
  'lũ OR bão',
  'tone:negative',
  'xyzzy',
]

for (const dialect of testDialects()) {
  describe(`one pass for the metadata facets on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
      await loadCorpus(t, searchCorpus(120))
    })
    after(() => t.dispose())

    test('gives exactly what four separate facet counts give (keys, labels, counts, order)', async () => {
      for (const q of QUERIES)
        for (const limit of [3, 20]) {
          const together = await metadataFacets(t, q, { limit })
          for (const facet of ['source', 'country', 'lang', 'tone'] as const)
            assert.deepEqual(
              together[facet],
              await facetCounts(t, q, facet, { limit }),
              `${q} ${facet} ${limit}`,
            )
        }
    })
  })
}
