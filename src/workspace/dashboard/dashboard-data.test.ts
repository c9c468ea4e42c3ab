import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { testDialects, createTestDb, type TestDb } from '../../../test/support/databases.js'
import { seedArticle } from '../../../test/support/seed.js'
import { createDashboardCache, dataVersion } from './dashboard-cache.js'
import { dashboardData, newSensitive } from './dashboard-data.js'
import { resolvePeriod } from './period.js'

const NOW = new Date('2026-11-20T05:00:00Z') // 12:00 in Hà Nội
const at = (daysAgo: number, hour = 3) => new Date(Date.UTC(2026, 10, 20 - daysAgo, hour)).toISOString()

for (const dialect of testDialects()) {
  describe(`dashboard aggregates on ${dialect}`, () => {
    let t: TestDb
    const ids: Record<string, number> = {}
    before(async () => {
      t = await createTestDb(dialect)
      const seed = async (
        name: string,
        o: {
          daysAgo: number
          hour?: number
          tone: number | null
          home: string
          lang?: string
          foreign?: boolean
        },
      ) => {
        ids[name] = await seedArticle(t.db, {
          title: `Bài ${name}`,
          body: 'Nội dung.',
          lang: o.lang ?? 'vi',
          publishedAt: at(o.daysAgo, o.hour),
          ...(o.foreign ? { source: 'World Wire', kind: 'foreign' as const, country: 'US' } : {}),
        })
        await t.db
          .updateTable('articles')
          .set({ tone: o.tone, home_level: o.home, analyzed_at: NOW.toISOString() })
          .where('id', '=', ids[name]!)
          .execute()
      }
      await seed('a', { daysAgo: 0, tone: -3, home: 'province' })
      await seed('b', { daysAgo: 1, tone: 0.5, home: 'country' })
      // 18:00 UTC on the 18th is already the 19th in Hà Nội
      await seed('c', { daysAgo: 2, hour: 18, tone: 4, home: 'commune', lang: 'en', foreign: true })
      await seed('d', { daysAgo: 3, tone: -5, home: 'country', lang: 'en', foreign: true })
      await seed('e', { daysAgo: 3, tone: null, home: 'country' })
      await seed('old', { daysAgo: 20, tone: -8, home: 'province' })
      const story = await t.db
        .insertInto('stories')
        .values({
          lang: 'vi',
          title: 'Sự kiện chung',
          first_seen: at(3),
          last_seen: at(0),
          article_count: 3,
          centroid_json: '{}',
          keys_json: '[]',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await t.db
        .updateTable('articles')
        .set({ story_id: story.id })
        .where('id', 'in', [ids.a!, ids.b!, ids.d!])
        .execute()
      await t.db
        .insertInto('article_topics')
        .values([
          { article_id: ids.a!, topic: 'promo.investment', source: 'rule', score: 1, why_json: null },
          { article_id: ids.b!, topic: 'promo.investment', source: 'rule', score: 1, why_json: null },
          { article_id: ids.b!, topic: 'user:7', source: 'model', score: 1, why_json: null },
          { article_id: ids.d!, topic: 'sensitive.east_sea', source: 'rule', score: 1, why_json: null },
          { article_id: ids.d!, topic: 'sensitive.religion', source: 'rule', score: 1, why_json: null },
          { article_id: ids.e!, topic: 'sensitivex', source: 'rule', score: 1, why_json: null },
        ])
        .execute()
      const place = (article_id: number, place_id: string, name: string) => ({
        article_id,
        place_id,
        name,
        level: 'province',
        in_title: 0,
        in_lead: 0,
        mentions: 1,
        confidence: 1,
      })
      await t.db
        .insertInto('article_places')
        .values([
          place(ids.a!, 'vn:2025:p:66', 'Đắk Lắk'),
          place(ids.b!, 'vn:2025:p:66', 'Đắk Lắk'),
          place(ids.c!, 'vn:2025:p:01', 'Hà Nội'),
          place(ids.old!, 'vn:2025:p:01', 'Hà Nội'),
        ])
        .execute()
    })
    after(() => t.dispose())

    test('every panel of 7 days counts the period only, by Hà Nội day', async () => {
      const d = await dashboardData(t.db, t.dialect, resolvePeriod({ period: '7d' }, NOW), 'country')
      assert.equal(d.total, 5)
      assert.deepEqual(
        d.byLang.map((x) => [x.lang, x.n]),
        [
          ['vi', 3],
          ['en', 2],
        ],
      )
      assert.deepEqual(d.foreign, { total: 2, negative: 1 })
      const tone = d.byDayTone.map((r) => `${r.day} ${r.band} ${r.n}`).sort()
      assert.deepEqual(
        tone,
        [
          '2026-11-17 neg 1',
          '2026-11-17 none 1',
          '2026-11-19 pos 1',
          '2026-11-19 neu 1',
          '2026-11-20 neg 1',
        ].sort(),
      )
      const kinds = d.byDayKind.map((r) => `${r.day} ${r.kind} ${r.n}`).sort()
      assert.deepEqual(
        kinds,
        [
          '2026-11-17 domestic 1',
          '2026-11-17 foreign 1',
          '2026-11-19 domestic 1',
          '2026-11-19 foreign 1',
          '2026-11-20 domestic 1',
        ].sort(),
      )
      // rule topics only: the model's user topic and the other rule topics of the period
      assert.deepEqual(d.byDayTopic.map((r) => `${r.day} ${r.topic} ${r.n}`).sort(), [
        '2026-11-17 sensitive.east_sea 1',
        '2026-11-17 sensitive.religion 1',
        '2026-11-17 sensitivex 1',
        '2026-11-19 promo.investment 1',
        '2026-11-20 promo.investment 1',
      ])
      assert.deepEqual(
        d.topStories.map((s) => [s.title, s.articles, s.outlets]),
        [['Sự kiện chung', 3, 2]],
      )
      assert.deepEqual(
        d.topPlaces.map((p) => [p.name, p.articles]),
        [
          ['Đắk Lắk', 2],
          ['Hà Nội', 1],
        ],
      )
    })

    test('the province scope keeps the province and commune articles; today is one day', async () => {
      const prov = await dashboardData(t.db, t.dialect, resolvePeriod({ period: '7d' }, NOW), 'province')
      assert.equal(prov.total, 2)
      assert.deepEqual(prov.foreign, { total: 1, negative: 0 })
      const commune = await dashboardData(t.db, t.dialect, resolvePeriod({ period: '30d' }, NOW), 'commune')
      assert.equal(commune.total, 1)
      const today = await dashboardData(t.db, t.dialect, resolvePeriod({ period: 'today' }, NOW), 'country')
      assert.equal(today.total, 1)
      const month = await dashboardData(t.db, t.dialect, resolvePeriod({ period: '30d' }, NOW), 'country')
      assert.equal(month.total, 6)
    })

    test('new sensitive articles: each once with its topics, only sensitive.* topics', async () => {
      const rows = await newSensitive(t.db, '2000-01-01T00:00:00Z')
      assert.deepEqual(
        rows.map((r) => [r.id, [...r.topics].sort()]),
        [[ids.d, ['sensitive.east_sea', 'sensitive.religion']]],
      )
      assert.deepEqual(await newSensitive(t.db, new Date(Date.now() + 60_000).toISOString()), [])
    })

    test('the data version changes with a new article and with a finished analysis', async () => {
      const v1 = await dataVersion(t.db)
      assert.equal(await dataVersion(t.db), v1)
      const id = await seedArticle(t.db, { title: 'Bài mới', body: 'Nội dung.' })
      const v2 = await dataVersion(t.db)
      assert.notEqual(v2, v1)
      await t.db
        .updateTable('articles')
        .set({ analyzed_at: '2099-01-01T00:00:00.000Z' })
        .where('id', '=', id)
        .execute()
      assert.notEqual(await dataVersion(t.db), v2)
    })
  })
}

describe('dashboard cache', () => {
  test('serves the same version within the TTL, waits for a new version, refreshes an aged one behind', async () => {
    const cache = createDashboardCache<number>(1000)
    let runs = 0
    const compute = async () => ++runs
    assert.equal(await cache.get('k', 'v1', compute, 0), 1)
    assert.equal(await cache.get('k', 'v1', compute, 999), 1)
    assert.equal(await cache.get('other', 'v1', compute, 999), 2)
    assert.equal(await cache.get('k', 'v2', compute, 999), 3, 'a new version is waited for')
    const aged = [cache.get('k', 'v2', compute, 2000), cache.get('k', 'v2', compute, 2001)]
    assert.deepEqual(await Promise.all(aged), [3, 3], 'aged: served once more while one computation runs')
    await new Promise((r) => setImmediate(r))
    assert.equal(runs, 4)
    assert.equal(await cache.get('k', 'v2', compute, 2002), 4, 'then the new value')
    assert.equal(cache.peek('k', 'v2', 2002), 4)
  })

  test('a failed background refresh keeps the aged value and is tried again', async () => {
    const cache = createDashboardCache<string>(1000)
    await cache.get('k', 'v', async () => 'first', 0)
    let fail = true
    const compute = async () => {
      if (fail) throw new Error('timeout')
      return 'second'
    }
    assert.equal(await cache.get('k', 'v', compute, 5000), 'first')
    await new Promise((r) => setImmediate(r))
    fail = false
    assert.equal(await cache.get('k', 'v', compute, 5001), 'first')
    await new Promise((r) => setImmediate(r))
    assert.equal(await cache.get('k', 'v', compute, 5002), 'second')
  })

  test('concurrent requests share one computation; a failure is not kept', async () => {
    const cache = createDashboardCache<string>()
    let runs = 0
    let release!: () => void
    const gate = new Promise<void>((r) => {
      release = r
    })
    const slow = async () => {
      runs++
      await gate
      return 'ok'
    }
    const both = Promise.all([cache.get('k', 'v', slow), cache.get('k', 'v', slow)])
    release()
    assert.deepEqual(await both, ['ok', 'ok'])
    assert.equal(runs, 1)
    await assert.rejects(cache.get('bad', 'v', async () => Promise.reject(new Error('db down'))))
    assert.equal(await cache.get('bad', 'v', async () => 'recovered'), 'recovered')
  })

  test('peek gives a computed value of the version only, and starts nothing', async () => {
    const cache = createDashboardCache<number>(1000)
    assert.equal(cache.peek('k', 'v', 0), undefined)
    await cache.get('k', 'v', async () => 7, 0)
    assert.equal(cache.peek('k', 'v', 10), 7)
    assert.equal(cache.peek('k', 'v2', 10), undefined, 'another version')
    assert.equal(cache.peek('k', 'v', 1000), undefined, 'aged out')
    assert.equal(cache.size, 1)
  })

  test('keeps a bounded number of entries', async () => {
    const cache = createDashboardCache<number>()
    for (let i = 0; i < 100; i++) await cache.get(`k${i}`, 'v', async () => i)
    assert.equal(cache.size, 64)
  })
})
