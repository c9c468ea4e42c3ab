import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { importJsonl } from './import-jsonl.js'
import { datePage, newestIds } from './result-page.js'
import { iterateMatches, prepareSearch } from './search-articles.js'
import { timedRows } from './timed-query.js'

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  'Index Cond'?: string
  Plans?: PlanNode[]
}
const indexConds = (n: PlanNode, index: string): string[] => [
  ...(n['Index Name'] === index && n['Index Cond'] ? [n['Index Cond']] : []),
  ...(n.Plans ?? []).flatMap((c) => indexConds(c, index)),
]

/** Articles stored out of date order over three years: `nắng` in all, `mưa` in one in seven. */
const N = 400
function* lines() {
  for (let i = 0; i < N; i++) {
    const at = new Date(Date.UTC(2019, 0, 1) + ((i * 7919) % 1095) * 86_400_000).toISOString()
    const text = `Bản tin ${i}: trời nắng${i % 7 === 0 ? ', chiều có mưa' : ''}.`
    yield `${JSON.stringify({ id: i, title: `Thời tiết ${i}`, text, published_at: at })}\n`
  }
}

for (const dialect of testDialects()) {
  describe(`newest pages on ${dialect}: the same whichever part of the archive holds them`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
      await importJsonl(t, Readable.from(lines()))
    })
    after(() => t.dispose())

    const all = async (q: string) => {
      const out: number[] = []
      for await (const b of iterateMatches(t, q)) out.push(...b)
      return out
    }

    test('date pages and the most recently stored matches equal those of every match', async () => {
      // closed `date:` ranges ending before the archive does: their newest part is the range narrowed
      const ranges = ['nắng date:2019-06-01..2020-12-31', '"trời nắng" date:2019-03-01..2021-06-30']
      for (const q of ['nắng', 'mưa', '"trời nắng"', 'nang -mưa', ...ranges]) {
        const { compiled } = await prepareSearch(t, q)
        const every = await all(q)
        for (const [offset, limit] of [
          [0, 5],
          [40, 20],
          [every.length - 3, 10],
        ] as const) {
          const page = await datePage(t, compiled, { offset, limit, total: every.length })
          assert.deepEqual(
            page.map((r) => r.article_id),
            every.slice(offset, offset + limit),
            `${q} ${offset}`,
          )
        }
        const newest = await newestIds(t, compiled, 10)
        assert.deepEqual(newest, [...every].sort((a, b) => b - a).slice(0, 10), q)
      }
    })

    if (dialect === 'postgres')
      test('a part of the archive narrows the words index scan itself, before any vector is read', async () => {
        // at scale the planner takes the part as a key of the words index (migration 0313) rather
        // than combining the words' bitmap with a B-tree; on 400 rows any plan is cheap, so the date
        // B-trees go and the test shows what it relies on: the query's forms are keys of that index
        // (an id tail, `article_id > n`, is one too, but the primary key cannot go); so is the phrase's
        // word pair
        for (const i of [
          'search_docs_published_idx',
          'search_docs_instant_idx',
          'search_docs_day_idx',
          'search_docs_source_idx',
        ])
          await sql`drop index ${sql.id(i)}`.execute(t.db)
        const { compiled } = await prepareSearch(t, '"trời nắng" date:>=2020-01-01')
        for (const [part, key] of [
          [sql`d.day >= ${'2021-06-01'}`, /day >= '2021-06-01'/],
          [sql`(hashint4(d.article_id) & 31) = 7`, /\(hashint4\(article_id\) & 31\) = 7/],
        ] as const) {
          const rows = await timedRows<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            t,
            sql`explain (format json) select d.article_id from ${compiled.from} where ${compiled.where} and ${part}`,
            undefined,
            { bitmapOnly: true },
          )
          const conds = indexConds(rows[0]!['QUERY PLAN'][0].Plan, 'search_docs_words_gin').join(' ')
          // the phrase's pair is a key of the same index (migration 0314)
          assert.match(conds, /search_word_pairs\(text_exact\) @@ '''trời nắng'''/)
          assert.match(conds, /day >= '2020-01-01'/)
          assert.match(conds, key)
        }
      })
  })
}
