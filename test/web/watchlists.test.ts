import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createWatchlist } from '../../src/monitor/store/watchlists.js'
import { createAlertRule } from '../../src/monitor/store/alert-rules.js'
import { insertAlertOnce } from '../../src/monitor/store/alerts.js'
import { insertNotifications } from '../../src/monitor/store/notifications.js'
import { enqueueOutbox, markOutboxFailedAttempt } from '../../src/monitor/store/outbox.js'
import { notificationSettings } from '../../src/monitor/store/notification-settings.js'
import { recordWatchlistMatches } from '../../src/monitor/record-matches.js'
import { searchAdapter } from '../../src/monitor/search-adapter.js'
import { indexArticle } from '../../src/search/index-article.js'
import { silentLogger } from '../../src/shared/logger.js'
import { testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'
import { type Client, createTestApp, type TestApp } from '../support/web.js'

const REQUIRED = 'Vui lòng nhập trường này.'
const auditActions = async (a: TestApp) =>
  (await a.t.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action)

/** The early-warning pages over real HTTP: forms refuse bad input field by field, CSRF and roles hold. */
for (const dialect of testDialects()) {
  describe(`watchlists, rules, notifications and webhooks pages on ${dialect}`, () => {
    let a: TestApp
    let analyst: Client
    before(async () => {
      a = await createTestApp(dialect)
      analyst = await a.as('analyst')
    })
    after(() => a.close())

    test('a watchlist form with bad input keeps the text and says what is wrong', async () => {
      await analyst.get('/watchlists')
      const empty = await analyst.post('/watchlists', { name: '', query: '' })
      assert.equal(empty.statusCode, 400)
      assert.equal(empty.body.split(REQUIRED).length - 1, 2, 'name and query both marked')
      assert.match(empty.body, /id="new-name"[^>]*aria-invalid="true"/)

      const typed = 'Đắk Lắk "tôn giáo'
      const bad = await analyst.post('/watchlists', { name: 'Tôn giáo', query: typed, shared: '1' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Lỗi cú pháp ở vị trí 9: Thiếu dấu đóng ngoặc kép/)
      assert.ok(bad.body.includes('value="Đắk Lắk &#34;tôn giáo"'), 'the typed query is kept')
      assert.ok(bad.body.includes('value="Tôn giáo"'), 'the typed name is kept')
      assert.match(bad.body, /<pre>Đắk Lắk &#34;tôn giáo\n {8}\^<\/pre>/)

      const noCsrf = await analyst.post('/watchlists', { name: 'X', query: 'cảng biển' }, { csrf: null })
      assert.equal(noCsrf.statusCode, 403)
      assert.equal((await a.t.db.selectFrom('watchlists').select('id').execute()).length, 0)
    })

    test('create, edit and delete a watchlist; each change is audited', async () => {
      const res = await analyst.post('/watchlists', { name: 'Cảng biển', query: 'cảng biển', shared: '1' })
      assert.equal(res.statusCode, 302)
      const at = res.headers.location as string
      assert.match(at, /^\/watchlists\/\d+\?ok=watchlists.created$/)
      const id = Number(/\/watchlists\/(\d+)/.exec(at)![1])
      const page = await analyst.get(at)
      assert.match(page.body, /Đã tạo danh sách theo dõi/)
      assert.ok(page.body.includes(`href="/explore?q=${encodeURIComponent('cảng biển')}&sort=date"`))
      const list = await analyst.get('/watchlists')
      assert.match(list.body, /Cảng biển/)
      assert.match(list.body, /Mới từ lần xem trước/)

      const edit = await analyst.post(`/watchlists/${id}`, { name: 'Cảng', query: 'cảng (biển OR sông' })
      assert.equal(edit.statusCode, 400)
      assert.match(edit.body, /Lỗi cú pháp ở vị trí/)
      assert.ok(edit.body.includes('value="cảng (biển OR sông"'))
      assert.equal((await analyst.post(`/watchlists/${id}`, { name: 'Cảng', query: 'cảng' })).statusCode, 302)
      const row = await a.t.db
        .selectFrom('watchlists')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual([row.name, row.query, row.shared], ['Cảng', 'cảng', 0])
      assert.equal((await analyst.post(`/watchlists/${id}/delete`, {})).statusCode, 302)
      assert.equal(
        await a.t.db.selectFrom('watchlists').select('id').where('id', '=', id).executeTakeFirst(),
        undefined,
      )
      const actions = await auditActions(a)
      for (const x of ['watchlist.create', 'watchlist.update', 'watchlist.delete'])
        assert.ok(actions.includes(x), x)
    })

    test('the list counts what is new since the last visit and the week’s matches, with real search', async () => {
      const seed = async (title: string) => {
        const id = await seedArticle(a.t.db, {
          title,
          body: `${title}. Tàu hàng cập cảng Dung Quất sáng nay.`,
        })
        await indexArticle(a.t, id)
      }
      await seed('Cảng Dung Quất đón tàu lớn')
      const w = await createWatchlist(a.t.db, { name: 'Dung Quất', query: '"Dung Quất"', ownerId: null })
      const counts = async () => {
        const body = (await analyst.get('/watchlists')).body
        const row = new RegExp(`data-id="${w.id}">[\\s\\S]*?</tr>`).exec(body)?.[0] ?? ''
        return [...row.matchAll(/<td class="num[^"]*">(\d+)<\/td>/g)].map((m) => Number(m[1]))
      }
      assert.deepEqual(await counts(), [1, 1], 'first visit: the week counts as new (searched: no pass yet)')
      const pass = () =>
        recordWatchlistMatches(
          { db: a.t.db, search: searchAdapter(a.t, 5000), log: silentLogger() },
          new Date(Date.now() + 1000),
        )
      await pass()
      assert.deepEqual(await counts(), [1, 1], 'the same from the recorded matches')
      await analyst.get(`/watchlists/${w.id}`) // opening it marks it seen
      assert.deepEqual(await counts(), [0, 1])
      await new Promise((r) => setTimeout(r, 5))
      await seed('Dung Quất mở rộng bến')
      await pass()
      assert.deepEqual(await counts(), [1, 2])
    })

    test('rule forms validate per kind; add, switch off and delete a rule', async () => {
      const w = await createWatchlist(a.t.db, { name: 'Biển', query: 'biển', ownerId: null })
      await analyst.get(`/watchlists/${w.id}`)
      const cases: [Record<string, string>, RegExp][] = [
        [{ kind: 'spike', threshold: '0,5' }, /Ngưỡng đột biến là một số từ 1 đến 100/],
        [{ kind: 'negative_share', threshold: '150' }, /Tỷ lệ tiêu cực là phần trăm/],
        [{ kind: 'new_match', quiet_start: '25:00', quiet_end: '06:00' }, /Giờ viết dạng HH:MM/],
        [{ kind: 'new_match', quiet_start: '22:00' }, /Cần nhập cả giờ bắt đầu và giờ kết thúc/],
        [{ kind: 'bogus' }, /Giá trị không hợp lệ/],
        [{ kind: 'new_match', webhooks: '4242' }, /Giá trị không hợp lệ/],
      ]
      for (const [form, message] of cases) {
        const res = await analyst.post(`/watchlists/${w.id}/rules`, form)
        assert.equal(res.statusCode, 400, JSON.stringify(form))
        assert.match(res.body, message)
        if (form.threshold) assert.ok(res.body.includes(`value="${form.threshold}"`), 'threshold kept')
      }
      assert.equal((await a.t.db.selectFrom('alert_rules').select('id').execute()).length, 0)

      const ok = await analyst.post(`/watchlists/${w.id}/rules`, {
        kind: 'negative_share',
        threshold: '40%',
        email: '1',
        quiet_start: '22:00',
        quiet_end: '06:00',
        enabled: '1',
      })
      assert.equal(ok.statusCode, 302)
      const rule = await a.t.db.selectFrom('alert_rules').selectAll().executeTakeFirstOrThrow()
      assert.equal(rule.threshold, 0.4)
      assert.deepEqual(JSON.parse(rule.channels_json), { inapp: true, email: true, webhooks: [] })
      assert.deepEqual([rule.quiet_hours_start, rule.quiet_hours_end, rule.enabled], ['22:00', '06:00', 1])
      const page = await analyst.get(`/watchlists/${w.id}`)
      assert.match(page.body, /Tỷ lệ bài tiêu cực cao/)
      assert.match(page.body, /Ngưỡng: 40%/)

      const badEdit = await analyst.post(`/alert-rules/${rule.id}`, { kind: 'spike', threshold: 'abc' })
      assert.equal(badEdit.statusCode, 400)
      assert.match(badEdit.body, /Ngưỡng đột biến/)
      assert.equal((await analyst.post(`/alert-rules/${rule.id}/toggle`, {})).statusCode, 302)
      const off = await a.t.db.selectFrom('alert_rules').select('enabled').executeTakeFirstOrThrow()
      assert.equal(off.enabled, 0)
      assert.equal((await analyst.post(`/alert-rules/${rule.id}/delete`, {})).statusCode, 302)
      assert.equal((await a.t.db.selectFrom('alert_rules').select('id').execute()).length, 0)
      const actions = await auditActions(a)
      for (const x of ['alert_rule.create', 'alert_rule.disable', 'alert_rule.delete'])
        assert.ok(actions.includes(x), x)
    })

    test('a viewer sees the lists but may not change them; defaults are the admin’s; private lists stay private', async () => {
      const viewer = await a.as('viewer')
      const def = await createWatchlist(a.t.db, {
        name: 'Tôn giáo',
        query: 'topic:sensitive.religion',
        isDefault: true,
      })
      const page = await viewer.get('/watchlists')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Tôn giáo/)
      assert.doesNotMatch(page.body, /action="\/watchlists"/, 'no create form for a viewer')
      assert.equal((await viewer.post('/watchlists', { name: 'X', query: 'x' })).statusCode, 403)
      assert.equal((await viewer.post(`/watchlists/${def.id}/delete`, {})).statusCode, 403)

      assert.equal((await analyst.post(`/watchlists/${def.id}/delete`, {})).statusCode, 403)
      const view = await analyst.get(`/watchlists/${def.id}`)
      assert.match(view.body, /chỉ quản trị viên được sửa hoặc xoá/)
      const leader = await a.as('leader')
      const mine = await createWatchlist(a.t.db, {
        name: 'Riêng',
        query: 'riêng',
        ownerId: null,
        shared: false,
      })
      await a.t.db
        .updateTable('watchlists')
        .set({
          owner_id: (
            await a.t.db
              .selectFrom('users')
              .select('id')
              .where('email', '=', 'leader@test.vn')
              .executeTakeFirstOrThrow()
          ).id,
        })
        .where('id', '=', mine.id)
        .execute()
      assert.equal((await analyst.get(`/watchlists/${mine.id}`)).statusCode, 404)
      assert.equal((await leader.get(`/watchlists/${mine.id}`)).statusCode, 200)
      const admin = await a.as('admin')
      assert.equal((await admin.post(`/watchlists/${def.id}/delete`, {})).statusCode, 302)
    })

    test('recent alerts show why they fired and link to the explorer; English works too', async () => {
      const w = await createWatchlist(a.t.db, { name: 'Lý Sơn', query: 'place:vn:22.ly-son' })
      const rule = await createAlertRule(a.t.db, { watchlistId: w.id, kind: 'spike' })
      const driver = (label: string, current: number) => ({
        key: label,
        label,
        current,
        baseline: 0,
        expected: 0.2,
        lift: 9,
      })
      await insertAlertOnce(
        a.t.db,
        {
          ruleId: rule.id,
          dedupeKey: '2026-03-10:alert',
          day: '2026-03-10',
          title: 'Lý Sơn: 6 bài hôm nay',
          body: 'Gấp 8 lần mức thường',
          link: '/explore?q=place%3Avn%3A22.ly-son',
          explanation: {
            bullets: [],
            detail: {
              detection: {},
              drivers: {
                outlets: [driver('Foreign Daily', 6)],
                terms: [driver('tàu cá', 5)],
                places: [driver('Lý Sơn', 6)],
                stories: [driver('Tàu cá bị tấn công', 4)],
              },
            },
          },
          level: 'alert',
        },
        new Date(),
      )
      const page = await analyst.get(`/watchlists/${w.id}`)
      for (const text of [
        'Cơ quan báo chí: </strong><span>Foreign Daily (6 bài)',
        'Từ ngữ nổi bật: </strong><span>tàu cá (5 bài)',
        'Địa danh: </strong><span>Lý Sơn (6 bài)',
        'Sự kiện: </strong><span>Tàu cá bị tấn công (4 bài)',
        'href="/explore?q=place%3Avn%3A22.ly-son"',
      ])
        assert.ok(page.body.includes(text), text)
      await analyst.get(`/lang/en?next=/watchlists/${w.id}`)
      const en = await analyst.get(`/watchlists/${w.id}`)
      assert.match(en.body, /Outlets: <\/strong><span>Foreign Daily \(6 articles\)/)
      assert.match(en.body, /Alert rules/)
      await analyst.get('/lang/vi?next=/')
    })

    test('notifications: unread badge, mark one and all read, only one’s own', async () => {
      const w = await createWatchlist(a.t.db, { name: 'Tin', query: 'tin' })
      const rule = await createAlertRule(a.t.db, { watchlistId: w.id, kind: 'new_match' })
      const me = (
        await a.t.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'analyst@test.vn')
          .executeTakeFirstOrThrow()
      ).id
      for (const k of [1, 2]) {
        const alert = await insertAlertOnce(
          a.t.db,
          {
            ruleId: rule.id,
            dedupeKey: `k${k}`,
            day: `2026-03-0${k}`,
            title: `Cảnh báo ${k}`,
            body: 'Nội dung',
            link: '/explore?q=tin',
            explanation: { bullets: [] },
            level: 'alert',
          },
          new Date(Date.UTC(2026, 2, k)),
        )
        await insertNotifications(a.t.db, alert!.id, [me], new Date(Date.UTC(2026, 2, k)))
      }
      const page = await analyst.get('/notifications')
      assert.match(page.body, /<span class="badge" aria-hidden="true">2<\/span>/)
      assert.ok(page.body.indexOf('Cảnh báo 2') < page.body.indexOf('Cảnh báo 1'), 'newest first')
      assert.equal(page.body.split('class="note unread').length - 1, 2)
      const id = Number(/action="\/notifications\/(\d+)\/read"/.exec(page.body)![1])
      const viewer = await a.as('viewer')
      await viewer.get('/notifications')
      await viewer.post(`/notifications/${id}/read`, {})
      assert.match((await analyst.get('/notifications')).body, /class="badge" aria-hidden="true">2</)
      assert.equal((await analyst.post(`/notifications/${id}/read`, {}, { csrf: null })).statusCode, 403)
      assert.equal((await analyst.post(`/notifications/${id}/read`, {})).statusCode, 302)
      assert.match((await analyst.get('/notifications')).body, /class="badge" aria-hidden="true">1</)
      assert.equal((await analyst.post('/notifications/read-all', {})).statusCode, 302)
      const after = await analyst.get('/notifications')
      assert.doesNotMatch(after.body, /class="badge"/)
      assert.ok((await auditActions(a)).includes('notification.read_all'))
    })

    test('webhooks: URL checked, secret shown once, switch and delete; a failed delivery can be retried', async () => {
      const admin = await a.as('admin')
      await admin.get('/admin/webhooks')
      const bad = await admin.post('/admin/webhooks', { name: '', url: 'ftp://hooks.example.vn/x' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Vui lòng nhập trường này/)
      assert.match(bad.body, /Địa chỉ phải bắt đầu bằng http:\/\/ hoặc https:\/\//)
      assert.ok(bad.body.includes('value="ftp://hooks.example.vn/x"'))
      const made = await admin.post('/admin/webhooks', {
        name: 'Trực ban',
        url: 'https://hooks.example.vn/a',
      })
      assert.equal(made.statusCode, 302, 'post, then redirect: a reload cannot create it twice')
      const shown = await admin.get(made.headers.location as string)
      const secret = /id="webhook-secret">([0-9a-f]{64})</.exec(shown.body)?.[1]
      assert.ok(secret, 'the secret is shown')
      assert.ok(!String(made.headers.location).includes(secret), 'not in the URL')
      const again = await admin.get('/admin/webhooks')
      assert.ok(!again.body.includes(secret), 'and never again')
      assert.ok(!JSON.stringify(await a.t.db.selectFrom('audit_log').selectAll().execute()).includes(secret))
      const hook = await a.t.db.selectFrom('webhooks').selectAll().executeTakeFirstOrThrow()
      assert.equal((await admin.post(`/admin/webhooks/${hook.id}/toggle`, {})).statusCode, 302)
      assert.equal(
        (await a.t.db.selectFrom('webhooks').select('enabled').executeTakeFirstOrThrow()).enabled,
        0,
      )
      assert.equal((await analyst.post(`/admin/webhooks/${hook.id}/delete`, {})).statusCode, 403)

      await enqueueOutbox(
        a.t.db,
        [{ channel: 'webhook', target: String(hook.id), payload: {}, notBefore: new Date() }],
        new Date(),
      )
      const entry = await a.t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow()
      await markOutboxFailedAttempt(a.t.db, entry.id, 8, 'connect ECONNREFUSED', null)
      const outbox = await admin.get('/admin/webhooks')
      assert.match(outbox.body, /Thất bại/)
      assert.match(outbox.body, /connect ECONNREFUSED/)
      assert.equal((await admin.post(`/admin/outbox/${entry.id}/retry`, {})).statusCode, 302)
      const retried = await a.t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow()
      assert.equal(retried.status, 'pending')
      assert.equal(
        (await admin.post(`/admin/outbox/${entry.id}/retry`, {})).statusCode,
        404,
        'only failed ones',
      )
      const w = await createWatchlist(a.t.db, { name: 'Hook', query: 'hook' })
      const rule = await createAlertRule(a.t.db, {
        watchlistId: w.id,
        kind: 'new_match',
        channels: { inapp: true, email: false, webhooks: [hook.id] },
      })
      assert.equal((await admin.post(`/admin/webhooks/${hook.id}/delete`, {})).statusCode, 302)
      const channels = await a.t.db
        .selectFrom('alert_rules')
        .select('channels_json')
        .where('id', '=', rule.id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(JSON.parse(channels.channels_json).webhooks, [], 'rules no longer point at it')
      const actions = await auditActions(a)
      for (const x of ['webhook.create', 'webhook.disable', 'outbox.retry', 'webhook.delete'])
        assert.ok(actions.includes(x), x)
    })

    test('the profile page stores the e-mail choices', async () => {
      const page = await analyst.get('/profile')
      assert.match(page.body, /id="f-alert_email" name="alert_email" value="1" checked/)
      assert.equal((await analyst.post('/profile/notifications', { digest_email: '1' })).statusCode, 302)
      const me = (
        await a.t.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'analyst@test.vn')
          .executeTakeFirstOrThrow()
      ).id
      assert.deepEqual(await notificationSettings(a.t.db, me), { alertEmail: false, digestEmail: true })
      assert.doesNotMatch((await analyst.get('/profile')).body, /name="alert_email" value="1" checked/)
      assert.equal((await analyst.post('/profile/notifications', {}, { csrf: null })).statusCode, 403)
    })
  })
}
