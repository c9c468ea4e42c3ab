import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { INSTANT_FUNCTION } from '../db/migrations/0315-search-instant-index.js'

// skipped only without PostgreSQL, which CI does not allow (testDialects throws there)
const run = testDialects().includes('postgres') ? describe : describe.skip

run('search_instant on postgres: a stored date as seconds (migration 0315)', () => {
  let t: TestDb
  before(async () => {
    t = await createTestDb('postgres')
  })
  after(() => t.dispose())

  test('the instant of every ISO form the store writes, as JavaScript reads it; anything else NULL', async () => {
    const iso = [
      '2019-06-27T02:15:38.827Z',
      '2019-12-31T23:59:59.999Z',
      '2020-02-29T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '2021-03-05T10:00:00Z',
    ]
    for (const v of iso) {
      const r = await sql<{ s: number }>`select ${sql.raw(INSTANT_FUNCTION)}(${v}) as s`.execute(t.db)
      assert.equal(Number(r.rows[0]!.s), Date.parse(v) / 1000, v)
    }
    for (const v of ['2019-06-27', '2019-06-27T02:15:38+07:00', 'hôm qua', '']) {
      const r = await sql<{ s: number | null }>`select ${sql.raw(INSTANT_FUNCTION)}(${v}) as s`.execute(t.db)
      assert.equal(r.rows[0]!.s, null, v)
    }
  })

  test('a few days inside one histogram bucket are estimated near their true number of rows', async () => {
    // 20,000 rows over two months: a bucket of the text histogram spans the month's end
    await sql`create table dates (published_at text not null)`.execute(t.db)
    await sql`insert into dates select to_char(timestamp '2019-06-01' + (i * interval '260 seconds'),
      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from generate_series(1, 20000) i`.execute(t.db)
    await sql`create index on dates (${sql.raw(INSTANT_FUNCTION)}(published_at))`.execute(t.db)
    await sql`analyze dates`.execute(t.db)
    const [from, to] = ['2019-06-27T02:00:00.000Z', '2019-06-30T17:00:00.000Z']
    const estimate = async (where: ReturnType<typeof sql>) => {
      const r = await sql<{ 'QUERY PLAN': string }>`explain select 1 from dates where ${where}`.execute(t.db)
      return Number(/rows=(\d+)/.exec(r.rows[0]!['QUERY PLAN'])![1])
    }
    const truth = Math.round((Date.parse(to) - Date.parse(from)) / 260_000)
    const instant = sql.raw(`${INSTANT_FUNCTION}(published_at)`)
    const asSeconds = await estimate(
      sql`${instant} >= ${Date.parse(from) / 1000} and ${instant} < ${Date.parse(to) / 1000}`,
    )
    const asText = await estimate(sql`published_at >= ${from} and published_at < ${to}`)
    assert.ok(
      asSeconds > truth / 2 && asSeconds < truth * 2,
      `${asSeconds} estimated, ${truth} true (as text: ${asText})`,
    )
    // a newest part beside a wider range's own lower bound (recent-first.ts): the stricter bound counts
    const inRange = await estimate(
      sql`${instant} >= ${Date.parse('2019-06-02T00:00:00.000Z') / 1000} and ${instant} < ${Date.parse(to) / 1000} and ${instant} >= ${Date.parse(from) / 1000}`,
    )
    assert.ok(inRange > truth / 2 && inRange < truth * 2, `${inRange} estimated, ${truth} true`)
  })
})
