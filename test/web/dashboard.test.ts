import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createAnalyzer } from '../../src/analyze/analyzer.js'
import { runAnalysis } from '../../src/analyze/run-analysis.js'
import { indexMissing } from '../../src/search/index-article.js'
import { silentLogger } from '../../src/shared/logger.js'
import { testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'
import { createTestApp, type TestApp } from '../support/web.js'

for (const dialect of testDialects()) {
  describe(`dashboard on ${dialect}`, () => {
    let a: TestApp
    before(async () => {
      a = await createTestApp(dialect)
      await seedArticle(a.t.db, {
        title: 'Đắk Lắk thu hút đầu tư, xuất khẩu cà phê tăng trưởng mạnh',
        body: 'Tỉnh Đắk Lắk đạt kết quả ấn tượng trong thu hút đầu tư.',
      })
      await seedArticle(a.t.db, {
        title: 'Tensions in the South China Sea near the Paracels',
        body: 'Vessels harassed fishermen near the Paracel Islands, a violation of sovereignty.',
        lang: 'en',
        source: 'Asia Wire',
        kind: 'foreign',
        country: 'SG',
      })
      await runAnalysis(await createAnalyzer({ db: a.t.db }), a.t.db, silentLogger())
      await indexMissing(a.t)
    })
    after(() => a.close())

    test('renders the panels with inline SVG charts for every period and scope', async () => {
      const c = await a.as('viewer')
      for (const q of [
        '',
        '?period=today',
        '?period=30d&scope=province',
        '?period=custom&from=2026-01-01&to=2026-12-31&scope=commune',
        '?period=custom&from=bad&to=2026-12-31',
      ]) {
        const res = await c.get(`/${q}`)
        assert.equal(res.statusCode, 200, q)
        assert.ok((res.body.match(/<svg/g) ?? []).length >= 3, q)
        assert.doesNotMatch(res.body, / style="/)
      }
      const res = await c.get('/?period=30d')
      assert.match(
        res.body,
        /Tensions in the South China Sea/,
        'the sensitive-topics panel lists the East Sea article',
      )
      assert.match(res.body, /Tỷ lệ tin tiêu cực trên báo nước ngoài/)
    })

    test('the watchlist panel opens the explorer on the sensitive articles of the period', async () => {
      const c = await a.as('viewer')
      const dash = await c.get('/?period=30d')
      const href = /href="(\/explore\?q=topic%3Asensitive[^"]*)"/.exec(dash.body)?.[1]
      assert.ok(href, 'the panel links to the explorer')
      const res = await c.get(href.replace(/&amp;/g, '&'))
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Tensions in the South China Sea/)
      assert.doesNotMatch(res.body, /Đắk Lắk thu hút đầu tư/)
    })

    test('the figures are computed again once an article arrives or is analysed', async () => {
      const c = await a.as('viewer')
      const figures = async () => {
        const body = (await c.get('/?period=7d')).body
        const foreign = /(\d+) \/ (\d+) bài/.exec(body)
        return {
          total: Number(/<strong>(\d+) bài viết<\/strong>/.exec(body)?.[1]),
          neg: Number(foreign?.[1]),
          foreign: Number(foreign?.[2]),
        }
      }
      const before = await figures()
      assert.ok(before.total >= 2)
      assert.deepEqual(await figures(), before)
      const id = await seedArticle(a.t.db, {
        title: 'Foreign report',
        body: 'A report.',
        lang: 'en',
        source: 'Asia Wire',
        kind: 'foreign',
        country: 'SG',
      })
      assert.deepEqual(await figures(), { ...before, total: before.total + 1, foreign: before.foreign + 1 })
      // what the analysis writes: the tone, stamped with the analysis time
      await a.t.db
        .updateTable('articles')
        .set({ tone: -5, analyzed_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute()
      assert.deepEqual(await figures(), {
        total: before.total + 1,
        neg: before.neg + 1,
        foreign: before.foreign + 1,
      })
    })
  })
}
