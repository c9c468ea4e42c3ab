import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { testDialects } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/web.js'

const valid = {
  officeName: 'UBND xã Ea Kao',
  provinceName: 'Đắk Lắk',
  communeName: 'Xã Ea Kao',
  name: 'Nguyễn Thị Hoa',
  email: 'hoa@eakao.gov.vn',
  password: 'mot-mat-khau-dai',
  passwordConfirm: 'mot-mat-khau-dai',
}

for (const dialect of testDialects()) {
  describe(`first-run setup on ${dialect}`, () => {
    let a: TestApp
    before(async () => {
      a = await createTestApp(dialect, { setup: false })
    })
    after(() => a.close())

    test('every page leads to setup while no user exists', async () => {
      const c = a.client()
      const res = await c.get('/')
      assert.equal(res.statusCode, 302)
      assert.equal(res.headers.location, '/setup')
      const page = await c.get('/setup')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Thiết lập lần đầu/)
      assert.match(String(page.headers['content-security-policy']), /script-src 'self'/)
    })

    test('a forged CSRF token is refused and writes nothing', async () => {
      const c = a.client()
      await c.get('/setup')
      const res = await c.post('/setup', valid, { csrf: 'forged' })
      assert.equal(res.statusCode, 403)
      assert.match(res.body, /biểu mẫu đã hết hạn/)
      const missing = await c.post('/setup', valid, { csrf: null })
      assert.equal(missing.statusCode, 403)
      assert.equal((await a.t.db.selectFrom('users').select('id').execute()).length, 0)
    })

    test('missing and oversized fields get field-level messages and keep the input', async () => {
      const c = a.client()
      await c.get('/setup')
      const res = await c.post('/setup', {
        ...valid,
        email: 'không-phải-email',
        officeName: '',
        name: 'x'.repeat(300),
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /Địa chỉ thư điện tử không hợp lệ/)
      assert.match(res.body, /Vui lòng nhập trường này/)
      assert.match(res.body, /Nội dung quá dài/)
      assert.match(res.body, /value="Đắk Lắk"/)
      assert.equal((await a.t.db.selectFrom('users').select('id').execute()).length, 0)
    })

    test('a body over the limit is refused with 413', async () => {
      const c = a.client()
      await c.get('/setup')
      const res = await c.post('/setup', { ...valid, officeName: 'x'.repeat(300_000) })
      assert.equal(res.statusCode, 413)
    })

    test('valid setup creates the admin once, then login works', async () => {
      const c = a.client()
      await c.get('/setup')
      const res = await c.post('/setup', valid)
      assert.equal(res.statusCode, 302)
      assert.equal(res.headers.location, '/login?ok=setup.done')
      const again = await c.get('/setup')
      assert.equal(again.statusCode, 302)
      const login = await c.login(valid.email, valid.password)
      assert.equal(login.statusCode, 302)
      const home = await c.get('/')
      assert.equal(home.statusCode, 200)
      assert.match(home.body, /Tổng quan thông tin/)
      const office = await a.t.db
        .selectFrom('settings')
        .select('value_json')
        .where('key', '=', 'office')
        .executeTakeFirstOrThrow()
      assert.match(office.value_json, /UBND xã Ea Kao/)
    })
  })
}
