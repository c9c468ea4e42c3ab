import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { insertUser } from '../db/tables/users.js'
import { silentLogger } from '../shared/logger.js'
import { fromVnWallClock } from '../shared/time.js'
import { evaluateRules } from './evaluate-rules.js'
import type { MonitorContext } from './monitor-context.js'
import { createAlertRule } from './store/alert-rules.js'
import { listNotifications } from './store/notifications.js'
import { createWebhook } from './store/webhooks.js'
import { createWatchlist } from './store/watchlists.js'
import { seedArticle, seedSource, sqlSearch } from './testing/seed-corpus.js'

const at = (day: number, hour: number, minute = 0) => fromVnWallClock(2026, 3, day, hour, minute)
const LY_SON = { id: 'vn:22.ly-son', name: 'Lý Sơn' }

for (const dialect of testDialects()) {
  describe(`evaluateRules on ${dialect}`, () => {
    let t: TestDb
    let ctx: MonitorContext
    const users: Record<string, number> = {}
    const rules: Record<string, number> = {}
    const now = at(10, 10)

    before(async () => {
      t = await createTestDb(dialect)
      ctx = {
        db: t.db,
        search: sqlSearch(t.db),
        log: silentLogger(),
        publicUrl: 'https://haidang.example.vn/',
        firstDay: '2026-01-01',
      }
      for (const [key, role, disabled] of [
        ['analyst', 'analyst', false],
        ['leader', 'leader', false],
        ['viewer', 'viewer', false],
        ['gone', 'analyst', true],
        ['owner', 'editor', false],
      ] as const) {
        const u = await insertUser(t.db, {
          email: `${key}@so.example.vn`,
          name: key,
          role,
          passwordHash: 'x',
        })
        if (disabled) await t.db.updateTable('users').set({ disabled: 1 }).where('id', '=', u.id).execute()
        users[key] = u.id
      }
      const local = await seedSource(t.db, 'Báo Quảng Ngãi')
      const foreign = await seedSource(t.db, 'Foreign Daily')
      // four weeks of sparse coverage of the commune (about one article every four days)…
      for (let d = 0; d < 28; d += 4) {
        await seedArticle(t.db, {
          sourceId: local,
          title: 'Hội nghị xúc tiến du lịch đảo',
          publishedAt: fromVnWallClock(2026, 2, 10 + d, 9),
          places: [LY_SON],
        })
      }
      // …and a burst this morning from one foreign outlet
      for (let i = 0; i < 6; i++) {
        await seedArticle(t.db, {
          sourceId: foreign,
          title: `Tàu cá Lý Sơn bị tấn công, ngư dân bị thương (${i})`,
          publishedAt: at(10, 6, i * 5),
          places: [LY_SON],
          topics: ['sensitive.east_sea'],
          tone: -4,
        })
      }
      // East Sea coverage: mixed tone before, all negative today (the six above)
      for (let d = 1; d <= 9; d++) {
        await seedArticle(t.db, {
          sourceId: local,
          title: 'Ngư dân vươn khơi bám biển',
          publishedAt: at(d, 8),
          topics: ['sensitive.east_sea'],
          tone: d % 3 === 0 ? -3 : 2,
        })
      }
      const hook = await createWebhook(t.db, { name: 'Trực ban', url: 'http://127.0.0.1:9/hook' })
      const home = await createWatchlist(
        t.db,
        { name: 'Đặc khu Lý Sơn', query: `place:${LY_SON.id}`, isDefault: true },
        at(1, 0),
      )
      const eastSea = await createWatchlist(
        t.db,
        { name: 'Biển Đông', query: 'topic:sensitive.east_sea', isDefault: true },
        at(1, 0),
      )
      const mine = await createWatchlist(
        t.db,
        { name: 'Tôn giáo', query: 'topic:sensitive.religion', ownerId: users.owner!, shared: false },
        at(1, 0),
      )
      rules.spike = (
        await createAlertRule(t.db, {
          watchlistId: home.id,
          kind: 'spike',
          channels: { inapp: true, email: true, webhooks: [hook.id] },
        })
      ).id
      rules.negative = (
        await createAlertRule(t.db, {
          watchlistId: eastSea.id,
          kind: 'negative_share',
          threshold: 0.5,
          digest: true,
          channels: { inapp: true, email: true, webhooks: [] },
        })
      ).id
      rules.newMatch = (
        await createAlertRule(t.db, {
          watchlistId: mine.id,
          kind: 'new_match',
          quietHours: { start: '10:00', end: '12:00' },
          channels: { inapp: true, email: true, webhooks: [] },
        })
      ).id
      await createAlertRule(t.db, { watchlistId: home.id, kind: 'spike', enabled: false })
    })
    after(() => t.dispose())

    const alertsOf = (ruleId: number) =>
      t.db.selectFrom('alerts').selectAll().where('rule_id', '=', ruleId).execute()
    const outboxOf = (alertId: number) =>
      t.db.selectFrom('outbox').selectAll().where('alert_id', '=', alertId).orderBy('id').execute()

    test('a spike on the home commune alerts the office with its drivers, by app, e-mail and webhook', async () => {
      const summary = await evaluateRules(ctx, now)
      assert.equal(summary.rules, 3)
      assert.equal(summary.failed, 0)
      const [alert] = await alertsOf(rules.spike!)
      assert.ok(alert)
      assert.equal(alert.level, 'alert')
      assert.equal(alert.day, '2026-03-10')
      assert.equal(alert.link, `/explore?q=${encodeURIComponent(`place:${LY_SON.id}`)}`)
      assert.match(alert.title, /Tăng đột biến: Đặc khu Lý Sơn — 6 bài/)
      const x = JSON.parse(alert.explanation_json) as {
        bullets: string[]
        detail: { drivers: { outlets: { label: string }[] } }
      }
      assert.equal(x.detail.drivers.outlets[0]?.label, 'Foreign Daily')
      assert.ok(
        x.bullets.some((b) => b.includes('tàu cá')),
        x.bullets.join('|'),
      )
      const notified = await t.db
        .selectFrom('notifications')
        .select('user_id')
        .where('alert_id', '=', alert.id)
        .orderBy('user_id')
        .execute()
      assert.deepEqual(
        notified.map((n) => n.user_id),
        [users.analyst, users.leader],
      )
      const out = await outboxOf(alert.id)
      assert.deepEqual(
        out.map((o) => [o.channel, o.target]),
        [
          ['email', 'analyst@so.example.vn'],
          ['email', 'leader@so.example.vn'],
          ['webhook', String(out[2]?.target)],
        ],
      )
      assert.equal(out[0]?.next_attempt_at, now.toISOString())
      const mail = JSON.parse(out[0]!.payload_json) as { subject: string; text: string }
      assert.match(mail.subject, /^\[Hải Đăng\] Tăng đột biến/)
      assert.ok(mail.text.includes('https://haidang.example.vn/explore?q=place%3Avn%3A22.ly-son'))
    })

    test('negative share alerts in the app now and leaves e-mail to the digest; first new-match pass only sets the mark', async () => {
      const [neg] = await alertsOf(rules.negative!)
      assert.ok(neg)
      assert.equal(neg.level, 'alert')
      assert.match(neg.title, /Tin tiêu cực tăng: Biển Đông — 100% \(6\/6 bài\)/)
      assert.equal((await outboxOf(neg.id)).length, 0)
      const list = await listNotifications(t.db, users.leader!, { limit: 10 })
      assert.equal(list.length, 2)
      assert.equal((await alertsOf(rules.newMatch!)).length, 0)
      const mine = await t.db
        .selectFrom('watchlists')
        .select('last_checked_at')
        .where('name', '=', 'Tôn giáo')
        .executeTakeFirstOrThrow()
      assert.equal(mine.last_checked_at, now.toISOString())
    })

    test('running again changes nothing', async () => {
      const before = await t.db.selectFrom('outbox').select('id').execute()
      const summary = await evaluateRules(ctx, at(10, 10, 10))
      assert.equal(summary.alerts, 0)
      assert.equal((await t.db.selectFrom('outbox').select('id').execute()).length, before.length)
      assert.equal((await alertsOf(rules.spike!)).length, 1)
    })

    test('a new match on a personal watchlist reaches its owner only, held until quiet hours end', async () => {
      const src = await seedSource(t.db, 'Báo Tôn giáo')
      await seedArticle(t.db, {
        sourceId: src,
        title: 'Lễ hội chùa',
        publishedAt: at(10, 10, 12),
        createdAt: at(10, 10, 15),
        topics: ['sensitive.religion'],
      })
      const summary = await evaluateRules(ctx, at(10, 10, 20))
      assert.equal(summary.alerts, 1)
      const [alert] = await alertsOf(rules.newMatch!)
      assert.ok(alert)
      assert.equal(alert.title, '1 bài mới: Tôn giáo')
      const notified = await t.db
        .selectFrom('notifications')
        .select('user_id')
        .where('alert_id', '=', alert.id)
        .execute()
      assert.deepEqual(
        notified.map((n) => n.user_id),
        [users.owner],
      )
      const [mail] = await outboxOf(alert.id)
      assert.equal(mail?.target, 'owner@so.example.vn')
      assert.equal(mail?.next_attempt_at, at(10, 12).toISOString())
    })

    test('the 07:00 digest gathers digest-mode alerts once per user', async () => {
      const summary = await evaluateRules(ctx, at(11, 7, 5))
      assert.equal(summary.digests, 2)
      const digests = await t.db
        .selectFrom('outbox')
        .selectAll()
        .where('dedupe_key', 'like', 'digest:%')
        .orderBy('target')
        .execute()
      assert.deepEqual(
        digests.map((d) => d.target),
        ['analyst@so.example.vn', 'leader@so.example.vn'],
      )
      assert.equal(digests[0]?.dedupe_key, `digest:2026-03-11:${users.analyst}`)
      const body = JSON.parse(digests[0]!.payload_json) as { subject: string; text: string }
      assert.match(body.subject, /Bản tin cảnh báo ngày 2026-03-11: 1 cảnh báo/)
      assert.ok(body.text.includes('Tin tiêu cực tăng: Biển Đông'))
      await evaluateRules(ctx, at(11, 7, 15))
      assert.equal(
        (await t.db.selectFrom('outbox').select('id').where('dedupe_key', 'like', 'digest:%').execute())
          .length,
        2,
      )
    })
  })
}
