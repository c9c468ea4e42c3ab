import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { QUERY_REASONS } from '../../src/search/query/query-reasons.js'
import { parseQuery } from '../../src/search/query/parse-query.js'
import { en } from '../../src/web/i18n/en.js'
import { vi } from '../../src/web/i18n/vi.js'
import { testDialects } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/web.js'

test('every query refusal reason has a Vietnamese and an English text with the same parameters', () => {
  for (const [key, english] of Object.entries(QUERY_REASONS)) {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const v = (vi as Record<string, string>)[`query.reason.${key}`]
    const e = (en as Record<string, string>)[`query.reason.${key}`]
    assert.ok(v, `vi lacks query.reason.${key}`)
    assert.equal(e, english)
    assert.deepEqual(params(v), params(english), key)
  }
})

test('a refused query carries its reason key and parameters', () => {
  assert.throws(
    () => parseQuery('date:2019-13 lũ'),
    (e: { code: string; details: Record<string, unknown> }) =>
      e.code === 'QUERY_SYNTAX' &&
      e.details.reasonKey === 'no_such_month' &&
      (e.details.params as { value: string }).value === '2019-13' &&
      e.details.position === 0,
  )
})

for (const dialect of testDialects()) {
  describe(`query errors in the user's language on ${dialect}`, () => {
    let a: TestApp
    before(async () => {
      a = await createTestApp(dialect)
    })
    after(() => a.close())

    test('the explorer explains a refused query in Vietnamese, and in English after the switch', async () => {
      const c = await a.as('analyst')
      const q = encodeURIComponent('biển "đông')
      const vn = await c.get(`/explore?q=${q}`)
      assert.equal(vn.statusCode, 400, 'a refused query answers 400 with the page')
      assert.match(vn.body, /Lỗi cú pháp ở vị trí 6: Thiếu dấu đóng ngoặc kép/)
      await c.get('/lang/en')
      const english = await c.get(`/explore?q=${encodeURIComponent('lũ date:2019-02-30')}`)
      assert.match(english.body, /role="alert"><p>[^<]*2019-02-30[^<]*has no such day/, english.body.slice(-600))
    })
  })
}
