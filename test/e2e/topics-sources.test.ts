import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { browserSkip, type E2eServer, type OfficeSession, officeSession, screenshot } from './e2e-kit.js'

const ADMIN = 'quantri-chude@e2e.vn'

describe('trained topics and source pages on the demo corpus', { skip: browserSkip() }, () => {
  let session: OfficeSession
  let server: E2eServer
  let page: Page
  before(async () => {
    session = await officeSession(ADMIN)
    ;({ server, page } = session)
  })
  after(() => session?.close())

  test('labelling on a topic page changes the label counts in place (buttons and y/n keys), undo too', async () => {
    await page.goto(`${server.baseUrl}/topics`)
    await page.getByLabel('Tên chủ đề').fill('Cà phê Tây Nguyên')
    await page.getByLabel('Mô tả').fill('Giá, xuất khẩu và vụ mùa cà phê')
    await page.getByLabel('Truy vấn gợi ý ban đầu (không bắt buộc)').fill('"cà phê"')
    await Promise.all([
      page.waitForURL(/\/topics\/\d+\?ok=topics\.created$/),
      page.getByRole('button', { name: 'Tạo chủ đề' }).click(),
    ])
    const topicUrl = page.url()
    const counts = page.locator('#label-counts')
    /** Waits until htmx has swapped in counts that start with the text. */
    const countsAre = (start: string) => page.locator('#label-counts', { hasText: start }).waitFor()
    assert.match(await counts.innerText(), /^0 nhãn thuộc · 0 nhãn không thuộc/)
    const suggestions = page.locator('ol.suggestions > li')
    assert.ok((await suggestions.count()) >= 2, 'there are articles to label')

    // a click labels the first suggestion in: the counts change without leaving the page
    const first = await suggestions.first().getAttribute('data-article')
    await suggestions
      .first()
      .getByRole('button', { name: /^Thuộc chủ đề/ })
      .first()
      .click()
    await countsAre('1 nhãn thuộc')
    assert.equal(page.url(), topicUrl, 'htmx swapped the block in place')
    assert.notEqual(
      await suggestions.first().getAttribute('data-article'),
      first,
      'the labelled article left the list',
    )
    assert.equal(await page.locator('table.labels tbody tr').count(), 1)

    // "n" labels the next suggestion out
    await page.locator('h1').click()
    await page.keyboard.press('n')
    await countsAre('1 nhãn thuộc · 1 nhãn không thuộc')
    assert.equal(await page.locator('table.labels tbody tr').count(), 2)
    await screenshot(page, 'topic-page')

    // undo the latest label
    await page
      .locator('table.labels tbody tr')
      .first()
      .getByRole('button', { name: /^Bỏ nhãn của bài/ })
      .click()
    await countsAre('1 nhãn thuộc · 0 nhãn không thuộc')
    // a refused request (here a broken CSRF token) swaps nothing and says so
    const alert = page.locator('[data-htmx-error]')
    assert.equal(await alert.isVisible(), false)
    await page.evaluate("document.querySelector('ol.suggestions input[name=_csrf]').value = 'x'")
    await suggestions
      .first()
      .getByRole('button', { name: /^Thuộc chủ đề/ })
      .click()
    await alert.waitFor({ state: 'visible' })
    assert.match(await alert.innerText(), /Không lưu được nhãn/)
    assert.match(await counts.innerText(), /^1 nhãn thuộc · 0 nhãn không thuộc/)
    await page.goto(`${server.baseUrl}/topics`)
    await screenshot(page, 'topics-list')
    const audit = await server.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'user_topic')
      .orderBy('id')
      .execute()
    assert.deepEqual(
      audit.map((r) => r.action),
      ['user_topic.create', 'user_topic.seed', 'user_topic.label', 'user_topic.label', 'user_topic.unlabel'],
    )
  })

  test('the list puts a page of sources in a collection at once; a source page draws its articles per day', async () => {
    const busiest = await server.store.db
      .selectFrom('articles')
      .select((eb) => ['source_id', eb.fn.countAll<number>().as('n')])
      .groupBy('source_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow()
    await page.goto(`${server.baseUrl}/sources`)
    await screenshot(page, 'sources-list')
    // the header box selects the whole page; one submit puts every source in "Báo chí trung ương"
    const rows = await page.locator('input[name=sourceIds]').count()
    await page.getByLabel('Chọn mọi nguồn trên trang này').check()
    assert.equal(await page.locator('input[name=sourceIds]:checked').count(), rows)
    await page.getByLabel('Nhóm nguồn', { exact: true }).selectOption({ label: 'Báo chí trung ương' })
    await Promise.all([
      page.waitForURL('**/sources?ok=collections.assigned'),
      page.getByRole('button', { name: 'Áp dụng' }).click(),
    ])
    assert.match(
      await page.locator('nav.filters').innerText(),
      new RegExp(`Báo chí trung ương \\(${rows}\\)`),
    )
    await Promise.all([
      page.waitForURL(`**/sources/${busiest.source_id}`),
      page.locator(`a[href="/sources/${busiest.source_id}"]`).click(),
    ])
    assert.equal(await page.locator('figure.chart svg').count(), 1)
    assert.match(await page.locator('main').innerText(), /Tổng cộng [1-9]\d* bài trong 30 ngày/)
    assert.ok((await page.locator('ul.feeds li').count()) >= 1)
    await screenshot(page, 'source-page')
    await page.getByRole('link', { name: 'Tra cứu các bài của nguồn này' }).click()
    await page.waitForURL('**/explore?q=*')
    assert.match(await page.locator('.results strong').first().innerText(), /^[1-9][\d.,]* kết quả$/)
  })
})
