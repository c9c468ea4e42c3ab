import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import type { BrowserContext, Page } from 'playwright-core'
import { browserSkip, type E2eServer, type OfficeSession, officeSession, screenshot } from './e2e-kit.js'

const ADMIN = 'quantri@e2e.vn'
const MONTAGNARD = "In Vietnam's Central Highlands, Montagnard Christians say they worship in fear"

/** The demo's hostile article: the one whose archived HTML carries a script payload. */
async function hostileArticleId(server: E2eServer): Promise<number> {
  const rows = await server.store.db.selectFrom('article_raw').select(['article_id', 'html_gz']).execute()
  const hit = rows.filter((r) => gunzipSync(r.html_gz).toString('utf8').includes("<script>alert('xss')"))
  assert.equal(hit.length, 1, 'the demo holds exactly one hostile article')
  return hit[0]!.article_id
}

const activeId = (page: Page) => page.evaluate('document.activeElement ? document.activeElement.id : ""')

describe('explorer and article pages on the demo corpus', { skip: browserSkip() }, () => {
  let session: OfficeSession
  let server: E2eServer
  let context: BrowserContext
  let page: Page
  before(async () => {
    session = await officeSession(ADMIN)
    ;({ server, context, page } = session)
  })
  after(() => session?.close())

  test('"/" focuses the query box; topic:sensitive.religion finds the Montagnard article', async () => {
    await page.goto(`${server.baseUrl}/explore`)
    await page.locator('h1').click()
    assert.notEqual(await activeId(page), 'f-q')
    await page.keyboard.press('/')
    assert.equal(await activeId(page), 'f-q', '"/" moves focus to the search box')
    assert.equal(await page.locator('#f-q').inputValue(), '', 'the "/" itself is not typed')
    await page.keyboard.type('topic:sensitive.religion')
    await Promise.all([page.waitForURL('**/explore?q=*'), page.keyboard.press('Enter')])
    assert.equal(new URL(page.url()).searchParams.get('q'), 'topic:sensitive.religion')
    assert.match(await page.locator('.results strong').first().innerText(), /^\d+ kết quả$/)
    const hit = page.locator('ol.hits li.hit a.title', { hasText: MONTAGNARD })
    assert.ok((await hit.count()) >= 1, 'the distorted foreign article is among the results')
    assert.equal(await page.locator('ol.hits li.hit').first().locator('a.title').count(), 1)
    // facets and attention are counted after the hits and swapped in by htmx
    await page.locator('figure.chart svg').first().waitFor()
    assert.ok((await page.locator('aside.facets h3').count()) >= 1, 'the facets are shown')
    assert.ok((await page.locator('figure.chart svg').count()) >= 1, 'attention over time is drawn')
    await screenshot(page, 'explore-results')
  })

  test('an unclosed quote shows the error position and keeps the typed text', async () => {
    const typed = 'Đắk Lắk "tôn giáo'
    await page.locator('#f-q').fill(typed)
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/explore?')),
      page.locator('#f-q').press('Enter'),
    ])
    assert.equal(res.status(), 400)
    await page.waitForLoadState()
    const position = typed.indexOf('"') + 1
    const error = page.locator('.query-error')
    assert.match(await error.locator('p').innerText(), new RegExp(`^Lỗi cú pháp ở vị trí ${position}: `))
    const [line, caret] = (await error.locator('pre').innerText()).split('\n')
    assert.equal(line, typed)
    assert.equal(caret?.indexOf('^'), typed.indexOf('"'), 'the caret points at the open quote')
    assert.equal(await page.locator('#f-q').inputValue(), typed)
    assert.equal(await page.locator('#f-q').getAttribute('aria-invalid'), 'true')
    await screenshot(page, 'explore-error')
  })

  test('the hostile article runs nothing, in the page nor in its archived copy', async () => {
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.evaluate('alert("probe")')
    assert.deepEqual(dialogs, ['probe'], 'the dialog listener sees alerts')
    dialogs.length = 0

    const id = await hostileArticleId(server)
    const res = await page.goto(`${server.baseUrl}/articles/${id}`)
    const csp = (await res?.allHeaders())?.['content-security-policy'] ?? ''
    assert.match(csp, /script-src 'self'/)
    assert.match(csp, /object-src 'none'/)
    const frameEl = page.locator('iframe.archive')
    assert.equal(await frameEl.getAttribute('sandbox'), '')
    await frameEl.scrollIntoViewIfNeeded()
    const frame = await (await frameEl.elementHandle())?.contentFrame()
    assert.ok(frame, 'the archived copy is framed')
    await frame.waitForLoadState('load')
    const archived = await frame.content()
    assert.ok(archived.includes("alert('xss')"), 'the archive keeps the payload verbatim')
    assert.match(await frame.locator('body').innerText(), /Owners say the tours/)
    await page.waitForLoadState('networkidle')
    assert.deepEqual(dialogs, [], 'no dialog fired')

    const raw = await context.request.get(`${server.baseUrl}/articles/${id}/raw`)
    assert.match(raw.headers()['content-security-policy'] ?? '', /^sandbox;.*default-src 'none'/)
    assert.equal(await page.locator('main script, main [onerror], main [onclick]').count(), 0)
    const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => e.getAttribute('src')))
    assert.deepEqual(scripts, ['/assets/htmx.min.js', '/assets/app.js'], 'only the app scripts load')
    assert.match(await page.locator('article').innerText(), /Owners say the tours help them sell directly/)
    await screenshot(page, 'article')
  })

  test('the sources page lists the five demo outlets', async () => {
    await page.goto(`${server.baseUrl}/sources`)
    assert.equal(await page.locator('h1').innerText(), 'Nguồn tin')
    assert.equal(await page.locator('main table tbody > tr').count(), 5)
    assert.equal(await page.locator('li.feed.bad').count(), 0, 'every demo feed was fetched')
    await screenshot(page, 'sources')
  })
})
