import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { browserSkip, type E2eServer, type OfficeSession, officeSession, screenshot } from './e2e-kit.js'
import { monitorJobs } from './monitor-kit.js'

const ADMIN = 'quantri@e2e.vn'
const MONTAGNARD = "In Vietnam's Central Highlands, Montagnard Christians say they worship in fear"
const QUERY = 'topic:sensitive.religion'

/** A row of the triage table by its article title. */
const rowOf = (page: Page) => page.locator('table.triage tbody tr', { hasText: MONTAGNARD })

describe(
  'a watchlist finds the distorted foreign article and triage records the decision',
  { skip: browserSkip() },
  () => {
    let session: OfficeSession
    let server: E2eServer
    let page: Page
    let watchlistId = 0
    before(async () => {
      session = await officeSession(ADMIN)
      ;({ server, page } = session)
    })
    after(() => session?.close())

    test('a broken query is refused with its position; the fixed one is saved and finds the article', async () => {
      await page.goto(`${server.baseUrl}/watchlists`)
      const form = page.locator('form[action="/watchlists"]')
      await form.getByLabel('Tên danh sách').fill('Tôn giáo – Tây Nguyên')
      const typed = `${QUERY} (Montagnard`
      await form.getByLabel('Câu truy vấn').fill(typed)
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/watchlists') && r.request().method() === 'POST'),
        form.getByRole('button', { name: 'Tạo danh sách' }).click(),
      ])
      assert.equal(res.status(), 400)
      await page.waitForLoadState()
      assert.equal(await form.getByLabel('Câu truy vấn').inputValue(), typed, 'the typed query is kept')
      assert.equal(await form.getByLabel('Tên danh sách').inputValue(), 'Tôn giáo – Tây Nguyên')
      assert.match(
        await form.locator('#new-query-err').innerText(),
        /^Lỗi cú pháp ở vị trí \d+: Thiếu dấu đóng ngoặc$/,
      )
      assert.equal(await form.getByLabel('Câu truy vấn').getAttribute('aria-invalid'), 'true')
      await screenshot(page, 'watchlists-query-error')

      await form.getByLabel('Câu truy vấn').fill(QUERY)
      await form.getByLabel('Chia sẻ với cả cơ quan').check()
      await Promise.all([
        page.waitForURL(/\/watchlists\/\d+\?ok=/),
        form.getByRole('button', { name: 'Tạo danh sách' }).click(),
      ])
      watchlistId = Number(/\/watchlists\/(\d+)/.exec(page.url())![1])
      assert.match(await page.locator('output.flash').innerText(), /Đã tạo danh sách theo dõi/)
      await screenshot(page, 'watchlist-page')

      await page.goto(`${server.baseUrl}/watchlists`)
      const row = page.locator(`table.watchlists tr[data-id="${watchlistId}"]`)
      assert.equal(await row.locator('code').innerText(), QUERY)
      await screenshot(page, 'watchlists')
      await Promise.all([
        page.waitForURL('**/explore?q=*'),
        row.getByRole('link', { name: 'Mở trong Tra cứu' }).click(),
      ])
      assert.equal(new URL(page.url()).searchParams.get('q'), QUERY)
      assert.ok(
        (await page.locator('ol.hits a.title', { hasText: MONTAGNARD }).count()) >= 1,
        'the explorer lists it',
      )
    })

    test('after the matching pass, triage by this watchlist shows it; a status set by form and by key survives reload', async () => {
      const jobs = monitorJobs(server)
      try {
        await jobs.evaluate()
      } finally {
        await jobs.close()
      }
      const url = `${server.baseUrl}/triage?status=all&watchlist=${watchlistId}`
      await page.goto(url)
      assert.equal(await rowOf(page).count(), 1, 'the watchlist brings the article into triage')

      await rowOf(page).getByRole('checkbox').check()
      await page.locator('#f-status').selectOption('needs_response')
      await Promise.all([
        page.waitForURL(/ok=triage.updated/),
        page.getByRole('button', { name: 'Áp dụng cho các bài đã chọn' }).click(),
      ])
      await page.goto(url)
      assert.match(await rowOf(page).innerText(), /Cần phản hồi/)

      const index = await page
        .locator('table.triage tbody tr')
        .evaluateAll((rows, title) => rows.findIndex((r) => r.textContent?.includes(title)), MONTAGNARD)
      await page.locator('h1').click()
      for (let i = 0; i <= index; i++) await page.keyboard.press('j')
      assert.match((await rowOf(page).getAttribute('class')) ?? '', /current/, 'j walks to the row')
      await Promise.all([page.waitForURL(/ok=triage.updated/), page.keyboard.press('s')])
      await page.reload()
      await page.goto(url)
      assert.match(await rowOf(page).innerText(), /Đã xem/)
      await screenshot(page, 'triage-after-status')
    })
  },
)
