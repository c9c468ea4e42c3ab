import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { testDialects } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/web.js'

const navLinks = (html: string) =>
  [...(/<nav aria-label="main">(.*?)<\/nav>/s.exec(html)?.[1] ?? '').matchAll(/href="([^"]+)"/g)].map(
    (m) => m[1],
  )

for (const dialect of testDialects()) {
  describe(`navigation by role on ${dialect}`, () => {
    let a: TestApp
    before(async () => {
      a = await createTestApp(dialect)
    })
    after(() => a.close())

    test('a viewer is shown the pages it may open (watchlists to read), not triage or admin pages', async () => {
      const v = await a.as('viewer')
      const links = navLinks((await v.get('/')).body)
      assert.ok(links.includes('/watchlists'), links.join(' '))
      assert.ok(!links.includes('/triage') && !links.includes('/admin/users'), links.join(' '))
      for (const href of links) assert.equal((await v.get(href!)).statusCode, 200, href)
    })

    test('every link an analyst is shown opens', async () => {
      const c = await a.as('analyst')
      const links = navLinks((await c.get('/')).body)
      assert.ok(links.includes('/triage') && links.includes('/topics'), links.join(' '))
      for (const href of links) assert.equal((await c.get(href!)).statusCode, 200, href)
    })
  })
}
