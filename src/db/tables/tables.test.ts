import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../../test/support/databases.js'
import { listAudit, recordAudit } from './audit-log.js'
import { clearLoginFailures, recentFailures, recordLoginFailure } from './login-attempts.js'
import { getSetting, putSetting } from './settings.js'
import { countUsers, findUserByEmail, insertUser, updateUser } from './users.js'

for (const dialect of testDialects()) {
  describe(`tables on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
    })
    after(() => t.dispose())

    test('users: insert, find case-insensitively, unique e-mail, update', async () => {
      const u = await insertUser(t.db, {
        email: 'An@Example.vn',
        name: 'Nguyễn Văn An',
        role: 'analyst',
        passwordHash: 'x',
      })
      assert.equal(u.email, 'an@example.vn')
      assert.equal((await findUserByEmail(t.db, 'AN@example.vn'))?.name, 'Nguyễn Văn An')
      await assert.rejects(
        insertUser(t.db, { email: 'an@example.vn', name: 'B', role: 'viewer', passwordHash: 'y' }),
      )
      await updateUser(t.db, u.id, { role: 'leader' })
      assert.equal((await findUserByEmail(t.db, 'an@example.vn'))?.role, 'leader')
      assert.equal(await countUsers(t.db), 1)
    })

    test('users: unknown role is refused by the roles table', async () => {
      await assert.rejects(
        insertUser(t.db, { email: 'x@example.vn', name: 'X', role: 'root' as never, passwordHash: 'x' }),
      )
    })

    test('settings round-trip JSON and upsert', async () => {
      await putSetting(t.db, 'site', { name: 'Sở TT' })
      await putSetting(t.db, 'site', { name: 'Sở VHTT' })
      assert.deepEqual(await getSetting(t.db, 'site'), { name: 'Sở VHTT' })
      assert.equal(await getSetting(t.db, 'missing'), undefined)
    })

    test('audit log keeps before/after', async () => {
      await recordAudit(t.db, {
        userId: null,
        actor: 'cli',
        action: 'user.set_role',
        entity: 'user',
        entityId: 1,
        before: { role: 'analyst' },
        after: { role: 'leader' },
      })
      const [row] = await listAudit(t.db, { limit: 10, offset: 0 })
      assert.equal(row?.action, 'user.set_role')
      assert.deepEqual(JSON.parse(row?.before_json ?? 'null'), { role: 'analyst' })
    })

    test('login failures count per key within a window', async () => {
      await recordLoginFailure(t.db, ['email:a@b.vn', 'ip:1.2.3.4'], '2026-01-01T00:00:00.000Z')
      await recordLoginFailure(t.db, ['email:a@b.vn'], '2026-01-01T00:05:00.000Z')
      assert.equal(await recentFailures(t.db, ['email:a@b.vn', 'ip:1.2.3.4'], '2025-12-31T00:00:00.000Z'), 2)
      assert.equal(await recentFailures(t.db, ['email:a@b.vn'], '2026-01-01T00:01:00.000Z'), 1)
      await clearLoginFailures(t.db, ['email:a@b.vn'])
      assert.equal(await recentFailures(t.db, ['email:a@b.vn'], '2025-01-01T00:00:00.000Z'), 0)
    })
  })
}
