import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { parseQuery } from '../../src/search/query/parse-query.js'
import { iterateMatches } from '../../src/search/search-articles.js'
import { createTestDb, type TestDb, testDialects } from '../support/databases.js'
import { searchCorpus } from './corpus.js'
import { evaluate, referenceDocs } from './reference-eval.js'
import { loadCorpus } from './search-fixture.js'

const HAND_QUERIES = [
  'bien dong',
  'Biển Đông',
  '"biển đông"',
  '"bien dong"',
  'biển dong',
  '"Biển dong"',
  'dak lak',
  'Đắk Lắk',
  '"đắk lắk"',
  'DAK LAK',
  'bán',
  'bàn',
  'ban',
  '=ban',
  'bạn',
  'bán OR bàn',
  'ban -bán',
  'ban NOT bàn',
  'ban KHÔNG bạn',
  'bàn VÀ ghế',
  'bán HOẶC bàn',
  '"bán hàng"',
  '"ban hang"',
  '"bán hang"',
  '"ban hàng"',
  'hòa bình',
  'hoà bình',
  'thủy sản',
  'thuỷ sản',
  'văn hoá',
  'covid-19',
  'COVID 19',
  'h5n1',
  'vắc-xin',
  'coffee',
  'COFFEE dak',
  'title:dak',
  'title:"biển đông"',
  'title:(cà OR bàn)',
  'tiêu_đề:ban',
  'east NEAR/2 sea',
  'biển NEAR/3 hoàng',
  'dak NEAR/1 lak',
  '"đắk lắk" NEAR/5 cà',
  'cà NEAR/5 "đắk lắk"',
  'ban NEAR/2 kế',
  'biển NEAR/1 đông',
  'hoang NEAR/20 bien',
  'chuy*',
  'chuyển*',
  'đắk*',
  'dak*',
  'title:tìn*',
  'phát*',
  '"chuyển đổi"*',
  'coff*',
  'source:vnexpress',
  'source:"Tuổi Trẻ"',
  'source:tuoi',
  'source:"tuổi tre"',
  'nguồn:"Báo Đắk Lắk"',
  'lang:en',
  'lang:vi dak',
  'country:zz',
  'country:vn',
  'date:2019-03',
  'date:2019-03-01..2019-03-31',
  'date:2019-03-01',
  'date:2019',
  'date:..2019-06-30 bien',
  'date:2020.. dak',
  'date:>2019-12',
  'date:<2019-03-02',
  'ngày:31/12/2019',
  'date:2020-01-01',
  'tone:<-3',
  'tone:>=5',
  'tone:-1..1',
  'tone:negative',
  'tone:tích_cực',
  'tone:=0',
  'topic:sensitive',
  'topic:sensitive.east_sea',
  'topic:economy',
  'place:"Đắk Lắk"',
  'place:"da nang"',
  'place:vn:66',
  '(bien OR dak) lang:vi -tone:<0',
  'dak OR source:vnexpress',
  '(title:bàn OR topic:health) date:2019..2020',
  '-bien source:"Tuổi Trẻ"',
  'NOT bàn date:2019-03',
  'dak lak -"cà phê"',
  '(ban OR bàn) -(ghế OR hàng)',
  'tình hình ở Biển Đông',
  'của bien',
  '"của"',
  "'; DROP TABLE articles; --",

  'kinh tế số OR chuyển đổi số',
  'người bán hàng NEAR/4 phát',
  '"bạn đọc" OR "ban chỉ đạo"',
]

/** Generated from the corpus vocabulary: each subject plain, exact, quoted, in the title, as a prefix. */
function generatedQueries(): string[] {
  const subjects = [
    'Biển Đông',
    'Đắk Lắk',
    'Đà Nẵng',
    'kinh tế số',
    'chuyển đổi số',
    'cà phê',
    'thông tin đối ngoại',
    'bàn ghế',
    'người bán hàng',
    'ban chỉ đạo',
    'bạn đọc',
    'hòa bình',
  ]
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
  return subjects.flatMap((s) => [
    fold(s),
    `"${s}"`,
    `"${fold(s).toLowerCase()}"`,
    `title:"${s}"`,
    `${s.split(' ')[0]} NEAR/4 tăng`,
  ])
}

const QUERIES = [...HAND_QUERIES, ...generatedQueries()]

for (const dialect of testDialects()) {
  describe(`search on ${dialect}: same results as the reference evaluator`, () => {
    let t: TestDb
    let ids: Map<number, string>
    const corpus = searchCorpus()
    const docs = referenceDocs(corpus)
    before(async () => {
      t = await createTestDb(dialect)
      ids = await loadCorpus(t, corpus)
    })
    after(() => t.dispose())

    test(`${QUERIES.length} queries`, async () => {
      assert.ok(QUERIES.length >= 100)
      let nonEmpty = 0
      for (const q of QUERIES) {
        const tree = parseQuery(q)
        const expected = docs
          .filter((d) => evaluate(d, tree))
          .map((d) => d.d.id)
          .sort()
        const got: string[] = []
        for await (const batch of iterateMatches(t, tree, { batch: 50 }))
          got.push(...batch.map((id) => ids.get(id)!))
        assert.deepEqual(got.sort(), expected, `query ${q}`)
        if (expected.length > 0 && expected.length < corpus.length) nonEmpty++
      }
      // the mix must discriminate: most queries select some articles and not all
      assert.ok(nonEmpty >= QUERIES.length * 0.8, `only ${nonEmpty} selective queries`)
    })
  })
}
