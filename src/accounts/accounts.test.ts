import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestDb, type TestDb, testDialects } from '../../test/support/databases.js'
import { listAudit } from '../db/tables/audit-log.js'
import { countUsers } from '../db/tables/users.js'
import { isAppError } from '../shared/errors.js'
import { createUser } from './create-user.js'
import { login } from './login.js'
import { setUserRole } from './manage-user.js'
import { can } from './permissions.js'
import { resolveSession } from './sessions.js'
import { runSetup } from './setup.js'

const policy = { maxAttempts: 3, windowMinutes: 15, sessionDays: 14 }
const setupInput = {
  officeName: 'Sở Ngoại vụ',
  email: 'admin@so.gov.vn',
  name: 'Quản trị',
  password: 'mật-khẩu-dài-123',
  passwordConfirm: 'mật-khẩu-dài-123',
  provinceName: 'Đắk Lắk',
  communeName: 'Phường Buôn Ma Thuột',
}

for (const dialect of testDialects()) {
  describe(`accounts on ${dialect}`, () => {
    let t: TestDb
    before(async () => {
      t = await createTestDb(dialect)
    })
    after(() => t.dispose())

    test('setup validates every field and writes nothing on failure', async () => {
      await assert.rejects(
        runSetup(t.db, { ...setupInput, email: 'nope', password: 'short', passwordConfirm: 'other' }, null),
        (e) =>
          isAppError(e) &&
          e.code === 'VALIDATION_FAILED' &&
          e.fields
            .map((f) => f.field)
            .sort()
            .join() === 'email,password,passwordConfirm',
      )
      assert.equal(await countUsers(t.db), 0)
    })

    test('setup creates the first admin and home locality once', async () => {
      const admin = await runSetup(t.db, setupInput, '127.0.0.1')
      assert.equal(admin.role, 'admin')
      const home = await t.db.selectFrom('localities').selectAll().where('is_home', '=', 1).execute()
      assert.deepEqual(
        home.map((h) => [h.level, h.name]),
        [['commune', 'Phường Buôn Ma Thuột']],
      )
      await assert.rejects(runSetup(t.db, setupInput, null), (e) => isAppError(e) && e.code === 'SETUP_DONE')
    })

    test('login opens a session; wrong passwords are counted and then refused', async () => {
      const ok = await login(
        t.db,
        { email: 'ADMIN@so.gov.vn', password: setupInput.password, ip: '10.0.0.1', userAgent: 'test' },
        policy,
      )
      const s = await resolveSession(t.db, ok.token, 14)
      assert.equal(s?.email, 'admin@so.gov.vn')
      for (let i = 0; i < 3; i++) {
        await assert.rejects(
          login(
            t.db,
            { email: 'admin@so.gov.vn', password: 'wrong-password', ip: '10.0.0.2', userAgent: null },
            policy,
          ),
          (e) => isAppError(e) && e.code === 'LOGIN_FAILED',
        )
      }
      await assert.rejects(
        login(
          t.db,
          { email: 'admin@so.gov.vn', password: setupInput.password, ip: '10.0.0.3', userAgent: null },
          policy,
        ),
        (e) => isAppError(e) && e.code === 'RATE_LIMITED',
      )
    })

    test('creating a duplicate user fails cleanly; role change revokes sessions and is audited', async () => {
      const by = { userId: null, actor: 'test' }
      const u = await createUser(
        t.db,
        { email: 'cv@so.gov.vn', name: 'Chuyên viên', role: 'analyst', password: 'mat-khau-chuyen-vien' },
        by,
      )
      await assert.rejects(
        createUser(
          t.db,
          { email: 'CV@so.gov.vn', name: 'X', role: 'viewer', password: 'mat-khau-chuyen-vien' },
          by,
        ),
        (e) => isAppError(e) && e.code === 'CONFLICT',
      )
      const { token } = await login(
        t.db,
        { email: 'cv@so.gov.vn', password: 'mat-khau-chuyen-vien', ip: null, userAgent: null },
        policy,
      )
      assert.ok(await resolveSession(t.db, token, 14))
      await setUserRole(t.db, u.id, 'leader', by)
      assert.equal(await resolveSession(t.db, token, 14), null)
      const audit = await listAudit(t.db, { limit: 1, offset: 0 })
      assert.equal(audit[0]?.action, 'user.set_role')
      await assert.rejects(
        setUserRole(t.db, u.id, 'root', by),
        (e) => isAppError(e) && e.code === 'VALIDATION_FAILED',
      )
    })

    test('the last admin cannot be demoted', async () => {
      const admin = await t.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow()
      await assert.rejects(
        setUserRole(t.db, admin.id, 'viewer', { userId: null, actor: 'test' }),
        (e) => isAppError(e) && e.code === 'CONFLICT',
      )
    })
  })
}

test('permission matrix', () => {
  assert.ok(can('admin', 'users.manage'))
  assert.ok(!can('leader', 'users.manage'))
  assert.ok(can('leader', 'responses.approve'))
  assert.ok(!can('analyst', 'responses.approve'))
  assert.ok(can('viewer', 'workspace.view'))
  assert.ok(!can('viewer', 'triage.edit'))
})
