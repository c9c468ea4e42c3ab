import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { testDialects } from '../support/databases.js'
import { createTestApp, PASSWORD, type TestApp } from '../support/web.js'

for (const dialect of testDialects()) {
  describe(`sign-in, sessions and language on ${dialect}`, () => {
    let a: TestApp
    before(async () => {
      a = await createTestApp(dialect, { env: { HAIDANG_LOGIN_MAX_ATTEMPTS: '10' } })
    })
    after(() => a.close())

    test('health and readiness', async () => {
      assert.equal((await a.app.inject('/healthz')).statusCode, 200)
      const ready = await a.app.inject('/readyz')
      assert.equal(ready.statusCode, 200)
      assert.equal(ready.json().database, dialect)
    })

    test('anonymous pages redirect to login with next', async () => {
      const res = await a.client().get('/admin/users')
      assert.equal(res.statusCode, 302)
      assert.equal(res.headers.location, '/login?next=%2Fadmin%2Fusers')
    })

    test('ten wrong passwords, then the account is refused with 429 even with the right one', async () => {
      await a.as('analyst')
      const c = a.client()
      await c.get('/login')
      for (let i = 0; i < 10; i++) {
        const res = await c.post('/login', { email: 'analyst@test.vn', password: 'sai-mat-khau' })
        assert.equal(res.statusCode, 401)
        assert.match(res.body, /Sai địa chỉ thư điện tử hoặc mật khẩu/)
      }
      const blocked = await c.post('/login', { email: 'analyst@test.vn', password: PASSWORD })
      assert.equal(blocked.statusCode, 429)
      assert.ok(Number(blocked.headers['retry-after']) > 0)
      assert.match(blocked.body, /quá nhiều lần/)
    })

    test('logout ends the session at once', async () => {
      const c = await a.as('viewer')
      assert.equal((await c.get('/')).statusCode, 200)
      await c.post('/logout', {})
      const res = await c.get('/')
      assert.equal(res.statusCode, 302)
    })

    test('the language switch shows English and keeps the page', async () => {
      const c = await a.as('editor')
      const sw = await c.get('/lang/en?next=%2Fprofile')
      assert.equal(sw.headers.location, '/profile')
      const page = await c.get('/profile')
      assert.match(page.body, /<html lang="en">/)
      assert.match(page.body, /Change password/)
      const evil = await c.get('/lang/vi?next=%2F%2Fevil.example')
      assert.equal(evil.headers.location, '/')
    })

    test('user changes are audited with before and after', async () => {
      const admin = await a.as('admin')
      await admin.get('/admin/users')
      const res = await admin.post('/admin/users', {
        name: 'Trần Văn Bình',
        email: 'binh@test.vn',
        role: 'analyst',
        password: 'mat-khau-cua-binh',
      })
      assert.equal(res.statusCode, 302)
      const dup = await admin.post('/admin/users', {
        name: 'B',
        email: 'BINH@test.vn',
        role: 'analyst',
        password: 'mat-khau-cua-binh',
      })
      assert.equal(dup.statusCode, 409)
      assert.match(dup.body, /đã được dùng/)
      const audit = await admin.get('/admin/audit')
      assert.match(audit.body, /user\.create/)
      assert.match(audit.body, /binh@test\.vn/)
    })

    test('a deleted object gives a clear 404 page', async () => {
      const admin = await a.as('admin')
      const res = await admin.get('/no/such/page')
      assert.equal(res.statusCode, 404)
      assert.match(res.body, /Không tìm thấy/)
    })
  })
}
