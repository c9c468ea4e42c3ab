import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { can, type Permission } from '../../src/accounts/permissions.js'
import { ROLES } from '../../src/db/tables/users.js'
import { testDialects } from '../support/databases.js'
import { type Client, createTestApp, type TestApp } from '../support/web.js'

/**
 * Route by route and role by role: every route declares its access, and the answer for each role
 * matches the permission matrix. Parameters point at objects that do not exist, so allowed calls
 * change nothing and answer 404 or 400, never 401/403.
 */
for (const dialect of testDialects()) {
  describe(`permission matrix on ${dialect}`, () => {
    let a: TestApp
    before(async () => {
      a = await createTestApp(dialect)
    })
    after(() => a.close())

    test('every route declares who may use it', () => {
      assert.ok(a.app.routeList.length > 10)
      const undeclared = a.app.routeList
        .filter((r) => r.access === undefined)
        .map((r) => `${r.method} ${r.url}`)
      assert.deepEqual(undeclared, [])
    })

    test('each role gets exactly the routes the matrix gives it', async () => {
      const clients = new Map<string, Client>()
      for (const role of ROLES) clients.set(role, await a.as(role))
      const problems: string[] = []
      for (const r of a.app.routeList) {
        if (r.access === 'public' || r.url === '/logout') continue
        const url = r.url
          .replace(/:id/g, '999999')
          .replace(/:locale/g, 'vi')
          .replace(/:name/g, 'app.css')
        for (const role of ROLES) {
          const c = clients.get(role)!
          await c.get('/profile') // fresh CSRF token
          const res = r.method === 'GET' ? await c.get(url) : await c.post(url, {})
          const allowed = r.access === 'authenticated' || can(role, r.access as Permission)
          const denied = res.statusCode === 403 || res.statusCode === 401
          if (allowed === denied) problems.push(`${role} ${r.method} ${url} → ${res.statusCode}`)
        }
      }
      assert.deepEqual(problems, [])
    })
  })
}
