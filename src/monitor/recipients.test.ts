import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { insertUser } from '../db/tables/users.js'
import { silentLogger } from '../shared/logger.js'
import { fromVnWallClock } from '../shared/time.js'
import { buildDigests } from './build-digests.js'
import { type AlertCandidate, raiseAlert } from './raise-alert.js'
import { recipientsOf } from './recipients.js'
import { createAlertRule, enabledRules } from './store/alert-rules.js'
import { putNotificationSettings } from './store/notification-settings.js'
import { createWatchlist } from './store/watchlists.js'
import { sqlSearch } from './testing/seed-corpus.js'

const candidate = (key: string): AlertCandidate => ({
  dedupeKey: key,
  day: '2026-03-10',
  level: 'alert',
  title: 'Biển Đông: 6 bài hôm nay',
  body: 'Nhiều hơn thường lệ',
  bullets: [],
  link: '/explore?q=topic%3Asensitive.east_sea',
  detail: {},
})

/** The e-mail choices on the profile page decide who gets alert e-mails and digests; in-app reaches all. */
for (const dialect of testDialects()) {
  describe(`recipients honour notification settings on ${dialect}`, () => {
    let t: TestDb
    const id: Record<string, number> = {}
    before(async () => {
      t = await createTestDb(dialect)
      for (const key of ['an', 'binh', 'chi'])
        id[key] = (
          await insertUser(t.db, {
            email: `${key}@so.example.vn`,
            name: key,
            role: 'analyst',
            passwordHash: 'x',
          })
        ).id
      await putNotificationSettings(t.db, id.binh!, { alertEmail: false, digestEmail: true })
      await putNotificationSettings(t.db, id.chi!, { alertEmail: true, digestEmail: false })
    })
    after(() => t.dispose())

    test('recipientsOf carries each choice; no settings row means both on', async () => {
      const r = await recipientsOf(t.db, { owner_id: null })
      assert.deepEqual(
        r.map((x) => [x.name, x.alertEmail, x.digestEmail]),
        [
          ['an', true, true],
          ['binh', false, true],
          ['chi', true, false],
        ],
      )
    })

    test('an alert e-mails only those who want alert e-mails; the digest only those who want it', async () => {
      const w = await createWatchlist(t.db, { name: 'Biển Đông', query: 'topic:sensitive.east_sea' })
      const email = { inapp: true, email: true, webhooks: [] }
      await createAlertRule(t.db, { watchlistId: w.id, kind: 'spike', channels: email })
      await createAlertRule(t.db, { watchlistId: w.id, kind: 'new_match', channels: email, digest: true })
      const [spike, fresh] = await enabledRules(t.db)
      const now = fromVnWallClock(2026, 3, 10, 10)
      await raiseAlert(t.db, spike!, candidate('2026-03-10:alert'), {
        now,
        publicUrl: 'https://hd.example.vn',
      })
      await raiseAlert(t.db, fresh!, candidate('new:1-6'), { now, publicUrl: 'https://hd.example.vn' })
      const notes = await t.db.selectFrom('notifications').select('user_id').execute()
      assert.equal(notes.length, 6, 'in-app reaches everyone for both alerts')
      const mails = async () =>
        (await t.db.selectFrom('outbox').select(['target', 'dedupe_key']).orderBy('id').execute()).map(
          (o) => `${o.target} ${o.dedupe_key?.split(':')[0]}`,
        )
      assert.deepEqual(await mails(), ['an@so.example.vn alert', 'chi@so.example.vn alert'])
      const ctx = {
        db: t.db,
        search: sqlSearch(t.db),
        log: silentLogger(),
        publicUrl: 'https://hd.example.vn',
      }
      assert.equal(await buildDigests(ctx, fromVnWallClock(2026, 3, 11, 7, 30)), 2)
      assert.deepEqual((await mails()).slice(2), ['an@so.example.vn digest', 'binh@so.example.vn digest'])
    })
  })
}
