import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Locator, Page } from 'playwright-core'
import {
  browserSkip,
  E2E_PASSWORD,
  type E2eServer,
  launchBrowser,
  loginViaForm,
  screenshot,
  startServer,
} from './e2e-kit.js'

/** The setup form with the demo box waits for the whole demo ingest (139 articles) before it answers. */
const DEMO_LOAD_TIMEOUT_MS = 240_000

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1

async function boxes(root: Page | Locator, selector: string): Promise<Box[]> {
  const all = await root.locator(selector).all()
  return Promise.all(all.map(async (l) => (await l.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 }))
}

describe('first run in the browser: setup with the demo, login, dashboard', { skip: browserSkip() }, () => {
  let server: E2eServer
  let browser: Browser
  let page: Page
  before(async () => {
    browser = await launchBrowser()
    server = await startServer()
    page = await (await browser.newContext()).newPage()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })

  test('an empty database sends / to setup; a bad e-mail is flagged and the rest kept', async () => {
    await page.goto(`${server.baseUrl}/`)
    assert.equal(new URL(page.url()).pathname, '/setup')
    assert.equal(await page.locator('h1').innerText(), 'Thiết lập lần đầu')
    await page.getByLabel('Tên cơ quan').fill('Sở Ngoại vụ tỉnh Đắk Lắk')
    await page.getByLabel('Tỉnh / thành phố').fill('Đắk Lắk')
    await page.getByLabel('Xã / phường').fill('Phường Buôn Ma Thuột')
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa')
    await page.getByLabel('Thư điện tử').fill('hoa-at-sngv')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(E2E_PASSWORD)
    await page.getByLabel('Nhập lại mật khẩu').fill(E2E_PASSWORD)
    await page.getByLabel('Nạp dữ liệu mẫu').check()
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click(),
    ])
    assert.equal(res.status(), 400)
    await page.waitForLoadState()
    assert.equal(await page.locator('#f-email-err').innerText(), 'Địa chỉ thư điện tử không hợp lệ.')
    assert.equal(await page.getByLabel('Thư điện tử').getAttribute('aria-invalid'), 'true')
    assert.equal(await page.getByLabel('Thư điện tử').inputValue(), 'hoa-at-sngv')
    assert.equal(await page.getByLabel('Tên cơ quan').inputValue(), 'Sở Ngoại vụ tỉnh Đắk Lắk')
    assert.equal(await page.getByLabel('Xã / phường').inputValue(), 'Phường Buôn Ma Thuột')
    assert.equal(await page.getByLabel('Họ và tên').inputValue(), 'Nguyễn Thị Hoa')
    assert.ok(await page.getByLabel('Nạp dữ liệu mẫu').isChecked(), 'the demo box stays ticked')
    assert.equal(await page.locator('.field.invalid').count(), 1, 'only the e-mail is flagged')
    await screenshot(page, 'setup-invalid-email')
  })

  test('a valid form with the demo box loads the demo and leads to login', async () => {
    await page.getByLabel('Thư điện tử').fill('hoa@sngv.daklak.gov.vn')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(E2E_PASSWORD)
    await page.getByLabel('Nhập lại mật khẩu').fill(E2E_PASSWORD)
    await Promise.all([
      page.waitForURL('**/login?ok=setup.done', { timeout: DEMO_LOAD_TIMEOUT_MS }),
      page
        .getByRole('button', { name: 'Hoàn tất thiết lập' })
        .click({ noWaitAfter: true, timeout: DEMO_LOAD_TIMEOUT_MS }),
    ])
    assert.equal(await page.locator('output.flash').innerText(), 'Đã thiết lập xong. Vui lòng đăng nhập.')
    const n = await server.store.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(n.n), 139, 'the demo corpus went in through the real fetch path')
    await loginViaForm(page, server.baseUrl, 'hoa@sngv.daklak.gov.vn')
    assert.equal(new URL(page.url()).pathname, '/')
  })

  // The dashboard the login led to: its watchlist panel lists what is new since the last visit.
  test('the dashboard shows its panels, inline SVG charts and new sensitive articles', async () => {
    assert.equal(await page.locator('h1').innerText(), 'Tổng quan thông tin')
    assert.equal(await page.locator('section.panel').count(), 8)
    const charts = page.locator('section.panel figure.chart > svg')
    assert.ok((await charts.count()) >= 3, `charts: ${await charts.count()}`)
    for (const box of await boxes(page, 'section.panel figure.chart > svg'))
      assert.ok(box.width > 100 && box.height > 100, `a chart is drawn at ${box.width}×${box.height}`)
    const watch = page.locator('section.panel', { hasText: 'Chủ đề nhạy cảm' })
    const items = watch.locator('ul.items > li > a[href^="/articles/"]')
    assert.ok((await items.count()) > 0, 'the sensitive-topics panel lists articles')
    await screenshot(page, 'dashboard')
    // Layout: panels never overlap, and every chart stays inside its panel.
    const panels = await boxes(page, 'section.panel')
    for (let i = 0; i < panels.length; i++)
      for (let j = i + 1; j < panels.length; j++)
        assert.ok(!overlaps(panels[i]!, panels[j]!), `panels ${i} and ${j} overlap`)
    for (const panel of await page.locator('section.panel').all()) {
      const outer = (await panel.boundingBox())!
      for (const svg of await boxes(panel, 'figure.chart > svg'))
        assert.ok(inside(svg, outer), 'a chart spills out of its panel')
    }
  })
})
