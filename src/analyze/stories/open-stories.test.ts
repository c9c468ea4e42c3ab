import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../../test/support/databases.js'
import { createRandom } from '../topics/linear/prng.js'
import { loadStories } from './store-story.js'
import { MAX_OPEN } from './story-window.js'

/** One article's open stories: each language's newest MAX_OPEN read, merged, the newest MAX_OPEN kept. */
const openStories = async (db: TestDb['db'], from: string, to: string) =>
  (await loadStories(db, from, to, MAX_OPEN))
    .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0))
    .slice(0, MAX_OPEN)

const LANGS = ['vi', 'vi', 'vi', 'en', 'fr', 'zh']
const DAY = 86_400_000
const start = Date.parse('2026-03-01T00:00:00Z')

for (const dialect of testDialects()) {
  describe(`open stories on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
      const random = createRandom(3)
      const rows = Array.from({ length: 900 }, () => {
        const first = start + Math.floor(random() * 20 * DAY)
        const last = first + Math.floor(random() * 3 * DAY)
        return {
          lang: LANGS[Math.floor(random() * LANGS.length)]!,
          title: 't',
          first_seen: new Date(first).toISOString(),
          last_seen: new Date(last).toISOString(),
          article_count: 1,
          centroid_json: '{}',
          keys_json: '[]',
        }
      })
      for (let i = 0; i < rows.length; i += 100)
        await t.db
          .insertInto('stories')
          .values(rows.slice(i, i + 100))
          .execute()
    })
    after(() => t.dispose())

    test('the newest stories of all languages in the window, as ordering the whole table gives', async () => {
      for (const day of [2, 10, 19, 25]) {
        const at = start + day * DAY
        const from = new Date(at - 3 * DAY).toISOString()
        const to = new Date(at + 3 * DAY).toISOString()
        const expected = await t.db
          .selectFrom('stories')
          .select(['id', 'last_seen'])
          .where('last_seen', '>=', from)
          .where('first_seen', '<=', to)
          .orderBy('last_seen', 'desc')
          .orderBy('id')
          .limit(MAX_OPEN)
          .execute()
        const got = await openStories(t.db, from, to)
        assert.ok(got.length <= MAX_OPEN)
        assert.equal(got.length, expected.length, `day ${day}`)
        assert.deepEqual(new Set(got.map((r) => r.id)), new Set(expected.map((r) => r.id)))
        assert.deepEqual(
          got.map((r) => r.lastSeen),
          expected.map((r) => r.last_seen),
        )
        const all = await t.db
          .selectFrom('stories')
          .select('id')
          .where('last_seen', '>=', from)
          .where('first_seen', '<=', to)
          .execute()
        assert.equal(
          (await loadStories(t.db, from, to, null)).length,
          all.length,
          'a batch window loads every story',
        )
      }
      assert.ok(new Set((await openStories(t.db, '2026-03-05', '2026-03-12')).map((r) => r.lang)).size > 2)
    })
  })
}
