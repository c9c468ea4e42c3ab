import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createTestDb, type TestDb, testDialects } from '../../../test/support/databases.js'
import { prepareSearch } from '../search-articles.js'

// PostgreSQL's words index holds adjacent word pairs (migration 0314); SQLite's FTS5 has no such keys
const run = testDialects().includes('postgres') ? describe : describe.skip

run('PostgreSQL: word pairs in the words index', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb('postgres')
  })
  after(() => t.dispose())

  const pairsOf = async (vector: string) => {
    const r = await sql<{ p: string }>`select search_word_pairs(${vector}::tsvector)::text as p`.execute(t.db)
    return r.rows[0]!.p
  }

  test('pairs are the words at consecutive positions of the stored vector', async () => {
    // "a b a c", then a gap (positions 6, 7: a word the index left out at 5), a quote in a word
    assert.equal(await pairsOf(`'a':1,3 'b':2 'c':4 'x''y':6 'z':7`), `'a b' 'a c' 'b a' 'x''y z'`)
    assert.equal(await pairsOf(`'một':1`), '')
    assert.equal(await pairsOf(''), '')
  })

  test('a pair matches exactly where the two-word phrase does', async () => {
    // 300 vectors of 40 positions over five words, with gaps: every pair, both ways, on each vector
    const words = ['biển', 'đông', 'bien', 'dong', 'hà']
    const vectors: string[] = []
    let seed = 7
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed
    }
    for (let v = 0; v < 300; v++) {
      const at = new Map<string, number[]>()
      for (let pos = 1; pos <= 40; pos++) {
        if (next() % 9 === 0) continue
        const w = words[next() % words.length]!
        at.set(w, [...(at.get(w) ?? []), pos])
      }
      vectors.push([...at].map(([w, ps]) => `'${w}':${ps.join(',')}`).join(' '))
    }
    const pairs = words.flatMap((a) => words.map((b) => [a, b] as const))
    const r = await sql<{ disagree: string; matches: string }>`
      select count(*) filter (where (search_word_pairs(v) @@ quote_literal(p.a || ' ' || p.b)::tsquery)
          <> (v @@ tsquery_phrase(quote_literal(p.a)::tsquery, quote_literal(p.b)::tsquery))) as disagree,
        count(*) filter (where v @@ tsquery_phrase(quote_literal(p.a)::tsquery, quote_literal(p.b)::tsquery)) as matches
      from unnest(${vectors}::tsvector[]) as v,
        unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as p(a, b)`.execute(t.db)
    assert.equal(Number(r.rows[0]!.disagree), 0)
    assert.ok(Number(r.rows[0]!.matches) > 1000, 'the phrases match often enough to tell')
  })

  const whereOf = async (q: string) => (await prepareSearch(t, q)).compiled.where.compile(t.db).sql

  test('phrases go to the index as pairs, positions only where pairs do not settle them', async () => {
    const two = await whereOf('"Biển Đông"')
    assert.match(two, /search_word_pairs\(d\."text_exact"\) @@/)
    assert.doesNotMatch(two, /ts_match_vq/, 'a two-word phrase is its pair: nothing to check')
    const three = await whereOf('"thị trường chứng khoán"')
    assert.match(three, /search_word_pairs\(d\."text_exact"\) @@ .* AND ts_match_vq\(d\."text_exact"/)
    const near = await whereOf('giá NEAR/3 vàng')
    assert.doesNotMatch(near, /search_word_pairs/)
    assert.match(near, /ts_match_vq\(d\."text_exact"/)
    const title = await whereOf('title:"đội tuyển"')
    assert.match(title, /"title_exact" @@ .* AND ts_match_vq\(d\."title_exact"/)
  })

  test('under NOT a phrase checks positions: no index serves it, and pairs would be built row by row', async () => {
    const sqlText = await whereOf('kinh tế -"bóng chuyền"')
    const negated = sqlText.slice(sqlText.indexOf('not '))
    assert.doesNotMatch(negated, /search_word_pairs|ts_match_vq/)
    assert.match(negated, /"text_exact" @@/)
    // twice negated is positive again: PostgreSQL removes the two NOTs and the pair is an index key
    assert.match(await whereOf('-(-"bóng chuyền") kinh'), /not \(not \(search_word_pairs/)
  })
})
