import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { readMail, startSmtp, type TestSmtp } from '../../src/monitor/deliver/mail-test-support.js'
import { browserSkip, type E2eServer, type OfficeSession, officeSession, screenshot } from './e2e-kit.js'
import { monitorJobs } from './monitor-kit.js'

const ADMIN = 'quantri@e2e.vn'
const QUERY = 'topic:sensitive.religion'

/**
 * A rule made in the browser, the monitoring jobs as the worker runs them, a real SMTP server on
 * loopback: the e-mail arrives with the explorer link, and the in-app notification with it.
 */
describe('an alert rule made in the browser sends a real e-mail', { skip: browserSkip() }, () => {
  let session: OfficeSession
  let server: E2eServer
  let smtp: TestSmtp
  let page: Page
  let jobs: ReturnType<typeof monitorJobs>
  before(async () => {
    smtp = await startSmtp()
    session = await officeSession(ADMIN, { demo: false })
    ;({ server, page } = session)
    jobs = monitorJobs(server, smtp.url)
  })
  after(async () => {
    await jobs?.close()
    await session?.close()
    await smtp?.close()
  })

  test('create the watchlist and a new-match rule by e-mail through the forms', async () => {
    await page.goto(`${server.baseUrl}/watchlists`)
    const form = page.locator('form[action="/watchlists"]')
    await form.getByLabel('Tên danh sách').fill('Tôn giáo')
    await form.getByLabel('Câu truy vấn').fill(QUERY)
    await Promise.all([
      page.waitForURL(/\/watchlists\/\d+/),
      form.getByRole('button', { name: 'Tạo danh sách' }).click(),
    ])
    const id = /\/watchlists\/(\d+)/.exec(page.url())![1]

    await page.getByText('Thêm quy tắc cảnh báo').click()
    const rule = page.locator(`form[action="/watchlists/${id}/rules"]`)
    // a share typed as 150 % is refused beside the field, the form keeps its choices
    await rule.getByLabel('Loại quy tắc').selectOption('negative_share')
    await rule.getByLabel('Ngưỡng').fill('150')
    await rule.getByLabel('Thư điện tử').check()
    await Promise.all([page.waitForLoadState(), rule.getByRole('button', { name: 'Thêm quy tắc' }).click()])
    assert.match(await rule.locator('#nr-threshold-err').innerText(), /Tỷ lệ tiêu cực là phần trăm/)
    assert.equal(await rule.getByLabel('Thư điện tử').isChecked(), true)
    await screenshot(page, 'alert-rule-error')

    await rule.getByLabel('Loại quy tắc').selectOption('new_match')
    await rule.getByLabel('Ngưỡng').fill('')
    await Promise.all([
      page.waitForURL(/ok=alerts.created/),
      rule.getByRole('button', { name: 'Thêm quy tắc' }).click(),
    ])
    const listed = page.locator('ul.rules li.rule')
    assert.equal(await listed.count(), 1)
    assert.match(await listed.innerText(), /Có bài mới khớp[\s\S]*Thư điện tử/)
  })

  test('new coverage arrives; the jobs raise the alert and the e-mail reaches the SMTP server', async () => {
    await jobs.evaluate() // the first pass sets the watchlist's mark: what arrives later is new
    assert.equal(smtp.received.length, 0)
    await server.loadDemo()
    await jobs.evaluate()
    await jobs.deliver()
    assert.equal(smtp.received.length, 1, 'one e-mail: the watchlist is the admin’s own')
    const got = smtp.received[0]!
    assert.deepEqual(got.to, [ADMIN])
    const mail = readMail(got.raw)
    const link = `${server.ctx.config.publicUrl.replace(/\/+$/, '')}/explore?q=${encodeURIComponent(QUERY)}`
    assert.match(mail.subject, /Tôn giáo/)
    assert.ok(mail.text.includes(link), `the text part links to the explorer: ${link}`)
    assert.ok(mail.html.includes(`href="${link}"`), 'and so does the HTML part')
    const sent = await server.store.db.selectFrom('outbox').select(['status', 'attempts']).execute()
    assert.deepEqual(sent, [{ status: 'sent', attempts: 1 }])
  })

  test('the in-app notification shows with its badge, opens the explorer, and is marked read', async () => {
    await page.goto(`${server.baseUrl}/notifications`)
    const nav = page.getByRole('navigation', { name: 'main' })
    assert.equal(await nav.locator('.badge').innerText(), '1')
    const item = page.locator('ul.notifications li.note.unread')
    assert.equal(await item.count(), 1)
    await screenshot(page, 'notifications')
    const href = await item.locator('a').first().getAttribute('href')
    assert.equal(href, `/explore?q=${encodeURIComponent(QUERY)}`)
    await Promise.all([
      page.waitForURL(/\/notifications\?ok=/),
      page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click(),
    ])
    assert.equal(await nav.locator('.badge').count(), 0)
    assert.equal(await page.locator('ul.notifications li.note.unread').count(), 0)

    await page.goto(`${server.baseUrl}/watchlists`)
    await page.getByRole('link', { name: 'Tôn giáo' }).click()
    const alert = page.locator('ul.alerts li.alert')
    assert.equal(await alert.count(), 1)
    assert.match(await alert.innerText(), /\d+ bài mới/)
    await screenshot(page, 'watchlist-alerts')
  })

  test('an admin adds a webhook and sees its secret once', async () => {
    await page.goto(`${server.baseUrl}/admin/webhooks`)
    const form = page.locator('form[action="/admin/webhooks"]')
    await form.getByLabel('Tên').fill('Trực ban')
    await form.getByLabel('Địa chỉ nhận (http/https)').fill('https://hooks.example.vn/hd')
    await Promise.all([
      page.waitForURL(/ok=webhooks.created/),
      form.getByRole('button', { name: 'Thêm webhook' }).click(),
    ])
    const secret = await page.locator('#webhook-secret').innerText()
    assert.match(secret, /^[0-9a-f]{64}$/)
    await screenshot(page, 'webhooks-created')
    await page.reload()
    assert.equal(await page.locator('#webhook-secret').count(), 0, 'a reload does not show it again')
    const hooks = await server.store.db.selectFrom('webhooks').select('name').execute()
    assert.deepEqual(hooks, [{ name: 'Trực ban' }], 'nor creates a second webhook')
  })
})
