import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { analyzeArticle } from '../../src/analyze/analyze-article.js'
import { createAnalyzer } from '../../src/analyze/analyzer.js'
import { testDialects } from '../support/databases.js'
import { seedArticle } from '../support/seed.js'
import { createTestApp, type TestApp } from '../support/web.js'

for (const dialect of testDialects()) {
  describe(`triage on ${dialect}`, () => {
    let a: TestApp
    let id: number
    before(async () => {
      a = await createTestApp(dialect)
      id = await seedArticle(a.t.db, {
        title: 'Rights group claims Montagnard Christians worship in fear',
        body: 'The report accuses authorities of persecution of religious minorities in the Central Highlands.',
        lang: 'en',
        source: 'Mekong Observer',
        kind: 'foreign',
        country: 'TH',
      })
      const an = await createAnalyzer({ db: a.t.db })
      await analyzeArticle(an, a.t.db, id, { placeId: null, names: [] })
    })
    after(() => a.close())

    test('a sensitive article is in the queue as new; a bulk change is applied and audited', async () => {
      const c = await a.as('analyst')
      const q = await c.get('/triage')
      assert.equal(q.statusCode, 200)
      assert.match(q.body, /Montagnard Christians/)
      assert.match(q.body, /Mới/)
      const res = await c.post('/triage', {
        ids: String(id),
        status: 'needs_response',
        assign_me: '1',
        tags: 'tôn giáo, bác bỏ',
        back: '/triage?status=open',
      })
      assert.equal(res.statusCode, 302)
      const mine = await c.get('/triage?status=needs_response&mine=1')
      assert.match(mine.body, /Montagnard Christians/)
      assert.match(mine.body, /Cần phản hồi/)
      assert.match(mine.body, /tôn giáo, bác bỏ/)
      const audit = await a.t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'triage.update')
        .execute()
      assert.equal(audit.length, 1)
      assert.deepEqual(JSON.parse(audit[0]!.before_json ?? '{}'), { status: 'new' })
    })

    test('bad input: no selection and an unknown status are refused; a viewer cannot triage', async () => {
      const c = await a.as('analyst')
      await c.get('/triage')
      assert.equal((await c.post('/triage', { status: 'seen' })).statusCode, 400)
      assert.equal((await c.post('/triage', { ids: String(id), status: 'deleted' })).statusCode, 400)
      const v = await a.as('viewer')
      assert.equal((await v.get('/triage')).statusCode, 403)
    })
  })
}
