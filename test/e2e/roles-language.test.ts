import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext } from 'playwright-core'
import {
  browserSkip,
  E2E_PASSWORD,
  type E2eServer,
  launchBrowser,
  loginViaForm,
  screenshot,
  setupDemoOffice,
  startServer,
} from './e2e-kit.js'

const ADMIN = 'quantri@e2e.vn'
const VIEWER = 'chixem@e2e.vn'

describe('roles and language in the browser', { skip: browserSkip() }, () => {
  let server: E2eServer
  let browser: Browser
  let admin: BrowserContext
  before(async () => {
    browser = await launchBrowser()
    server = await startServer()
    await setupDemoOffice(server.store, ADMIN)
    admin = await browser.newContext()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('an admin creates a viewer through the Users page form', async () => {
    const page = await admin.newPage()
    await loginViaForm(page, server.baseUrl, ADMIN)
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Người dùng' }).click()
    await page.waitForURL('**/admin/users')
    const form = page.locator('form[action="/admin/users"]')
    await form.getByLabel('Họ và tên').fill('Lê Văn Xem')
    await form.getByLabel('Thư điện tử').fill(VIEWER)
    await form.getByLabel('Vai trò', { exact: true }).selectOption('viewer')
    await form.getByLabel('Mật khẩu', { exact: true }).fill(E2E_PASSWORD)
    await Promise.all([page.waitForURL('**/admin/users?ok=users.created'), form.getByRole('button').click()])
    assert.equal(await page.locator('output.flash').innerText(), 'Đã tạo người dùng.')
    const row = page.locator('tr', { hasText: VIEWER })
    assert.equal(await row.locator('select').inputValue(), 'viewer')
    await page.close()
  })

  test('the viewer gets 403 in Vietnamese on /admin/users and no Users link', async () => {
    const viewer = await browser.newContext()
    const page = await viewer.newPage()
    await loginViaForm(page, server.baseUrl, VIEWER)
    const nav = page.getByRole('navigation', { name: 'main' })
    assert.ok(await nav.getByRole('link', { name: 'Tổng quan' }).isVisible(), 'the viewer sees the nav')
    assert.equal(await nav.getByRole('link', { name: 'Người dùng' }).count(), 0)
    assert.equal(await page.locator('a[href^="/admin/"]').count(), 0)
    const res = await page.goto(`${server.baseUrl}/admin/users`)
    assert.equal(res?.status(), 403)
    assert.match(await page.locator('main').innerText(), /Bạn không có quyền truy cập trang này\./)
    assert.equal(await page.locator('table').count(), 0, 'no user list leaks into the refusal')
    await screenshot(page, 'viewer-forbidden')
    await viewer.close()
  })

  test('clicking "English" switches the UI and keeps the page', async () => {
    const page = await admin.newPage()
    await page.goto(`${server.baseUrl}/explore?q=${encodeURIComponent('Đắk Lắk')}`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi')
    assert.equal(await page.locator('h1').innerText(), 'Tra cứu bài viết')
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/explore'),
      page.getByRole('link', { name: 'English' }).click(),
    ])
    const url = new URL(page.url())
    assert.equal(url.searchParams.get('q'), 'Đắk Lắk', 'the query survives the switch')
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    assert.equal(await page.locator('h1').innerText(), 'Explore articles')
    const nav = page.getByRole('navigation', { name: 'main' })
    assert.ok(await nav.getByRole('link', { name: 'Explorer' }).isVisible())
    assert.equal(await page.locator('#f-q').inputValue(), 'Đắk Lắk')
    // The choice sticks: the next page is English too, and the link now offers Vietnamese.
    await page.goto(`${server.baseUrl}/sources`)
    assert.equal(await page.locator('h1').innerText(), 'Sources')
    assert.ok(await page.getByRole('link', { name: 'Tiếng Việt' }).isVisible())
    await page.close()
  })
})
