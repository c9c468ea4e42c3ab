import assert from 'node:assert/strict'
import { test } from 'node:test'
import SqliteDriver from 'better-sqlite3'
import { openDatabase } from '../../src/db/database.js'
import { isAppError } from '../../src/shared/errors.js'
import { createTestApp } from '../support/web.js'

test('an unreachable PostgreSQL gives DB_UNREACHABLE with the address, password hidden', async () => {
  await assert.rejects(
    openDatabase({ url: 'postgres://haidang:secret@127.0.0.1:1/none', dataDir: '/tmp' }),
    (e) =>
      isAppError(e) &&
      e.code === 'DB_UNREACHABLE' &&
      /127\.0\.0\.1:1/.test(e.message) &&
      !/secret/.test(e.message),
  )
})

test('a locked SQLite file gives a clear 503 and changes nothing', async () => {
  const a = await createTestApp('sqlite')
  try {
    const c = await a.as('admin')
    await c.get('/admin/users')
    const file = a.t.location
    const other = new SqliteDriver(file)
    other.exec('BEGIN EXCLUSIVE')
    try {
      a.t.sqlite!.pragma('busy_timeout = 100')
      const res = await c.post('/admin/users', {
        name: 'Bị khoá',
        email: 'locked@test.vn',
        role: 'viewer',
        password: 'mat-khau-du-dai-1',
      })
      assert.equal(res.statusCode, 503)
      assert.match(res.body, /Cơ sở dữ liệu đang bận/)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    const users = await a.t.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'locked@test.vn')
      .execute()
    assert.equal(users.length, 0)
  } finally {
    await a.close()
  }
})
