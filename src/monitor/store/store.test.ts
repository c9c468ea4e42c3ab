import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../../test/support/databases.js'
import { insertUser } from '../../db/tables/users.js'
import { ensureDefaultWatchlists } from '../default-watchlists.js'
import { createAlertRule, enabledRules, parseChannels } from './alert-rules.js'
import { insertAlertOnce } from './alerts.js'
import { countUnread, insertNotifications, listNotifications, markRead } from './notifications.js'
import { createWebhook } from './webhooks.js'
import { createWatchlist, listWatchlists, markWatchlistSeen, watchlistLastSeen } from './watchlists.js'

for (const dialect of testDialects()) {
  describe(`monitor tables on ${dialect}`, () => {
    let t: TestDb
    let an: number
    let other: number
    before(async () => {
      t = await createTestDb(dialect)
      an = (
        await insertUser(t.db, { email: 'an@so.example.vn', name: 'An', role: 'analyst', passwordHash: 'x' })
      ).id
      other = (
        await insertUser(t.db, {
          email: 'binh@so.example.vn',
          name: 'Bình',
          role: 'analyst',
          passwordHash: 'x',
        })
      ).id
    })
    after(() => t.dispose())

    test('default watchlists: one per sensitive topic and the home locality, created once', async () => {
      const input = {
        sensitiveTopics: [
          { id: 'sensitive.east_sea', label: 'Biển Đông' },
          { id: 'sensitive.religion', label: 'Tôn giáo' },
        ],
        home: { placeId: 'vn:51', name: 'Tỉnh Quảng Ngãi' },
      }
      assert.equal(await ensureDefaultWatchlists(t.db, input), 3)
      assert.equal(await ensureDefaultWatchlists(t.db, input), 0)
      const lists = await listWatchlists(t.db, an)
      assert.deepEqual(lists.map((w) => w.query).sort(), [
        'place:vn:51',
        'topic:sensitive.east_sea',
        'topic:sensitive.religion',
      ])
      const rules = await enabledRules(t.db)
      assert.equal(rules.length, 6)
      const home = rules.filter((r) => r.watchlist.query === 'place:vn:51').map((r) => r.kind)
      assert.deepEqual(home, ['spike', 'negative_share'])
      assert.equal(rules.find((r) => r.kind === 'new_match')?.digest, 1)
    })

    test('personal watchlists are private unless shared; seen marks upsert', async () => {
      const mine = await createWatchlist(t.db, {
        name: 'Của tôi',
        query: 'dự án',
        ownerId: an,
        shared: false,
      })
      await createWatchlist(t.db, { name: 'Chung', query: 'cảng biển', ownerId: an, shared: true })
      assert.ok((await listWatchlists(t.db, an)).some((w) => w.id === mine.id))
      const seenByOther = await listWatchlists(t.db, other)
      assert.ok(!seenByOther.some((w) => w.id === mine.id))
      assert.ok(seenByOther.some((w) => w.name === 'Chung'))
      assert.equal(await watchlistLastSeen(t.db, an, mine.id), null)
      await markWatchlistSeen(t.db, an, mine.id, '2026-03-01T00:00:00.000Z')
      await markWatchlistSeen(t.db, an, mine.id, '2026-03-02T00:00:00.000Z')
      assert.equal(await watchlistLastSeen(t.db, an, mine.id), '2026-03-02T00:00:00.000Z')
    })

    test('rules validate their input; a damaged channels value falls back to in-app', async () => {
      const w = await createWatchlist(t.db, { name: 'X', query: 'x' })
      await assert.rejects(
        createAlertRule(t.db, {
          watchlistId: w.id,
          kind: 'spike',
          quietHours: { start: '25:00', end: '06:00' },
        }),
      )
      await assert.rejects(createAlertRule(t.db, { watchlistId: w.id, kind: 'bogus' as never }))
      assert.deepEqual(parseChannels('{not json'), { inapp: true, email: false, webhooks: [] })
      assert.deepEqual(parseChannels('{"email":true,"webhooks":[3]}'), {
        inapp: true,
        email: true,
        webhooks: [3],
      })
    })

    test('alerts are unique per rule and key; notifications read per user', async () => {
      const w = await createWatchlist(t.db, { name: 'Y', query: 'y' })
      const rule = await createAlertRule(t.db, { watchlistId: w.id, kind: 'spike' })
      const a = {
        ruleId: rule.id,
        dedupeKey: '2026-03-10:alert',
        day: '2026-03-10',
        title: 'T',
        body: 'B',
        link: '/explore?q=y',
        explanation: {},
        level: 'alert' as const,
      }
      const first = await insertAlertOnce(t.db, a, new Date())
      assert.ok(first)
      assert.equal(await insertAlertOnce(t.db, a, new Date()), undefined)
      await insertNotifications(t.db, first.id, [an, other], new Date())
      await insertNotifications(t.db, first.id, [an], new Date())
      assert.equal(await countUnread(t.db, an), 1)
      await markRead(
        t.db,
        other,
        new Date().toISOString(),
        (await listNotifications(t.db, an, { limit: 5 }))[0]!.id,
      )
      assert.equal(await countUnread(t.db, an), 1, "another user cannot mark An's notification")
      await markRead(t.db, an, new Date().toISOString())
      assert.equal(await countUnread(t.db, an), 0)
      assert.equal((await listNotifications(t.db, other, { unreadOnly: true, limit: 5 })).length, 1)
    })

    test('webhooks get a random 256-bit secret', async () => {
      const h = await createWebhook(t.db, { name: 'A', url: 'https://hooks.example.vn/a' })
      const g = await createWebhook(t.db, { name: 'B', url: 'https://hooks.example.vn/b' })
      assert.match(h.secret, /^[0-9a-f]{64}$/)
      assert.notEqual(h.secret, g.secret)
    })
  })
}
